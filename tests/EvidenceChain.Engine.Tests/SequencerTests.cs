using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Tests.Support;

namespace EvidenceChain.Engine.Tests;

public class SequencerTests
{
    [Fact]
    public async Task SignPending_AfterDeposits_CheckpointsAreConsistentAndDurable()
    {
        using var log = new TestLog();
        StoredCheckpoint? empty = log.Sequencer.SignPending();
        Assert.Equal(0UL, empty!.TreeSize);

        var sizes = new List<StoredCheckpoint>();
        for (int round = 0; round < 4; round++)
        {
            await DepositAsync(log, 3 + round, round);
            sizes.Add(log.Sequencer.SignPending()!);
        }

        using MerkleHasher hasher = MerkleHasher.Create(TreeHash.Sha256);
        for (int i = 1; i < sizes.Count; i++)
        {
            Digest[] proof = SubtreeRanges.Resolve(hasher, log.Store, ProofPlan.Consistency(sizes[i - 1].TreeSize, sizes[i].TreeSize));
            Verdict verdict = ConsistencyProof.Verify(hasher, sizes[i - 1].TreeSize, sizes[i].TreeSize, proof, sizes[i - 1].Root, sizes[i].Root);
            Assert.True(verdict.IsValid, verdict.ToString());
        }

        Assert.Equal(sizes[^1], log.Store.LatestCheckpoint());
        Assert.Equal(log.Store.LeafCount, log.Store.IntegratedSize);
    }

    [Fact]
    public async Task SignPending_StoreGivesAWrongSubtree_HaltsAndSignsNothingMore()
    {
        // A fault we cannot cause through the real store's API (it never returns a wrong hash),
        // injected by a decorator: after the first checkpoint, one stored subtree reads back wrong.
        var faulty = new StoreFaults();
        using var log = new TestLog(decorate: store => faulty.Wrap(store));
        await DepositAsync(log, 4, 0);
        StoredCheckpoint first = log.Sequencer.SignPending()!;
        faulty.CorruptSubtree = true;
        await DepositAsync(log, 3, 1);

        StoredCheckpoint? after = log.Sequencer.SignPending();

        Assert.Equal(first, after);
        Assert.NotNull(log.Sequencer.Halt);
        Assert.Equal(first, log.Store.LatestCheckpoint());
    }

    private static async Task DepositAsync(TestLog log, int entries, int seed) =>
        Assert.Equal(DepositOutcomeStatus.Accepted, (await log.DepositAsync(entries, seed)).Status);
}
