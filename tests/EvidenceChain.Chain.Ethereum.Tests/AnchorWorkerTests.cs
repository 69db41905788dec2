using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Anchoring;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb;
using EvidenceChain.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvidenceChain.Chain.Ethereum.Tests;

/// <summary>The anchoring worker with a real LiteDB store and a real anvil node of its own.</summary>
public sealed class AnchorWorkerTests : IDisposable
{
    private static readonly LogOrigin s_origin = new("notary.example.cn", "000102030405060708090a0b0c0d0e0f", TreeHash.Sha256);
    private readonly AnvilProcess _anvil = AnvilProcess.Start();
    private readonly string _directory = Directory.CreateTempSubdirectory("evidencechain-anchor-").FullName;
    private readonly LiteDbLogStore _store;
    private readonly CompactRange _tree = new();
    private readonly MerkleHasher _hasher = MerkleHasher.Create(TreeHash.Sha256);

    public AnchorWorkerTests()
    {
        _store = LiteDbLogStore.Open(_directory);
        _store.CreateIdentity(new LogIdentity(s_origin.ToString(), 0));
    }

    private static Digest LogId => EvidenceAnchorContract.LogIdOf(s_origin);

    [Fact]
    public async Task Step_NewCheckpoint_RecordedPendingThenIncludedThenFinal()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(5);

        await worker.StepAsync(CancellationToken.None);
        StoredAnchor included = Assert.Single(_store.ReadAnchors());
        await _anvil.MineAsync(3);
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor final = Assert.Single(_store.ReadAnchors());

        Assert.Equal(AnchorStatus.Included, included.Status);
        Assert.Equal(checkpoint.Root, included.Root);
        Assert.Equal(AnchorStatus.Final, final.Status);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 5, CancellationToken.None));
    }

    [Fact]
    public async Task Step_CheckpointsFasterThanAnchors_OnlyTheLatestIsAnchored()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        SignLeaves(3);
        SignLeaves(4);
        StoredCheckpoint latest = SignLeaves(2);

        await worker.StepAsync(CancellationToken.None);

        StoredAnchor anchor = Assert.Single(_store.ReadAnchors());
        Assert.Equal(9UL, anchor.TreeSize);
        Assert.Equal(latest.Root, anchor.Root);
        Assert.Equal(9UL, await contract.LatestTreeSizeAsync(LogId, CancellationToken.None));
    }

    [Fact]
    public async Task Step_PendingAnchorAlreadyOnChain_TakenAsLandedWithoutASecondTransaction()
    {
        // As after a crash between sending and recording: the chain has the anchor, the store says pending.
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(4);
        _store.SaveAnchor(new StoredAnchor(4, checkpoint.Root, "evm", AnchorStatus.Pending, null, 0));
        AnchorInclusion earlier = await contract.AnchorAsync(LogId, 4, checkpoint.Root, CancellationToken.None);
        ulong blockBefore = await contract.BlockNumberAsync(CancellationToken.None);

        await worker.StepAsync(CancellationToken.None);

        StoredAnchor anchor = Assert.Single(_store.ReadAnchors());
        Assert.Equal(AnchorStatus.Included, anchor.Status);
        Assert.Equal(earlier.TransactionHash, anchor.Inclusion!.TransactionHash);
        Assert.Equal(blockBefore, await contract.BlockNumberAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Step_ChainUnreachable_AnchorStaysPendingThenLandsWhenTheChainIsBack()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(6);
        var deadChain = new EthereumAnchorChain(
            EvidenceAnchorContract.At(new Uri("http://127.0.0.1:1"), AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, contract.Address),
            AnvilProcess.ChainId,
            finalityDepth: 2);
        var offline = new AnchorWorker(_store, deadChain, LogId, TimeProvider.System, new AnchorOptions(), NullLogger<AnchorWorker>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => offline.StepAsync(CancellationToken.None));
        StoredAnchor pending = Assert.Single(_store.ReadAnchors());
        await worker.StepAsync(CancellationToken.None);

        Assert.Equal(AnchorStatus.Pending, pending.Status);
        Assert.Equal(AnchorStatus.Included, Assert.Single(_store.ReadAnchors()).Status);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 6, CancellationToken.None));
    }

    [Fact]
    public async Task Step_BlockOfTheAnchorReorganizedAway_AnchoredAgain()
    {
        (EvidenceAnchorContract contract, AnchorWorker worker) = await SetUpAsync();
        StoredCheckpoint checkpoint = SignLeaves(7);
        string snapshot = (await _anvil.CallAsync("evm_snapshot")).GetString()!;
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor first = Assert.Single(_store.ReadAnchors());

        // Drop the block that held the anchor and grow a different chain past it.
        await _anvil.CallAsync("evm_revert", snapshot);
        await _anvil.MineAsync(2);
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor afterReorg = Assert.Single(_store.ReadAnchors());
        await worker.StepAsync(CancellationToken.None);
        StoredAnchor again = Assert.Single(_store.ReadAnchors());

        Assert.Equal(AnchorStatus.Included, first.Status);
        Assert.Equal(AnchorStatus.Pending, afterReorg.Status);
        Assert.Equal(AnchorStatus.Included, again.Status);
        Assert.NotEqual(first.Inclusion!.BlockHash, again.Inclusion!.BlockHash);
        Assert.Equal(checkpoint.Root, await contract.RootAtAsync(LogId, 7, CancellationToken.None));
    }

    public void Dispose()
    {
        _hasher.Dispose();
        _store.Dispose();
        _anvil.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(EvidenceAnchorContract Contract, AnchorWorker Worker)> SetUpAsync()
    {
        (EvidenceAnchorContract contract, _) = await EvidenceAnchorContract.DeployAsync(_anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await contract.SetNotaryAsync(contract.Sender, true, CancellationToken.None);
        var chain = new EthereumAnchorChain(contract, AnvilProcess.ChainId, finalityDepth: 2);
        return (contract, new AnchorWorker(_store, chain, LogId, TimeProvider.System, new AnchorOptions(), NullLogger<AnchorWorker>.Instance));
    }

    /// <summary>Appends <paramref name="count"/> leaves through the store's own rules and stores a checkpoint over them (the note is not checked by the store).</summary>
    private StoredCheckpoint SignLeaves(int count)
    {
        ulong first = _store.LeafCount;
        var leaves = Enumerable.Range(0, count).Select(i =>
        {
            byte[] leaf = BitConverter.GetBytes(first + (ulong)i);
            return new AcceptedLeaf(leaf, _hasher.HashLeaf(leaf), Sm3.HashData(leaf), 0);
        }).ToList();
        _store.AppendBatch(new AcceptedBatch(_store.NextBatchId, first, 0, "promise", leaves, [new SignedRequest(new byte[32], [1], new byte[64])]));
        var subtrees = new List<SubtreeHash>();
        foreach (AcceptedLeaf leaf in leaves)
        {
            _tree.Append(_hasher, leaf.LeafHash, (level, index, hash) => subtrees.Add(new SubtreeHash(level, index, hash)));
        }

        _store.AppendSubtrees(subtrees, _tree.TreeSize);
        var checkpoint = new StoredCheckpoint(_tree.TreeSize, _tree.Root(_hasher), "checkpoint note", 0);
        _store.AppendCheckpoint(checkpoint);
        return checkpoint;
    }
}
