using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

public sealed class AnchorStorageTests : IDisposable
{
    private static readonly AnchorTarget s_target = new(AnchorTarget.Evm, 31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3", "0x01");
    private readonly TempDirectory _temp = new();

    [Fact]
    public void SaveAnchor_UpdatedThroughItsLife_LatestStateSurvivesReopen()
    {
        var inclusion = new ChainInclusion("0xabc", 1, 12, "0xdef", 1_764_400_000, 3);
        var attempt = new AnchorAttempt("0xabc", 7, "0x02f8", 120_000, ulong.MaxValue - 1, 1_000_000_000, 5);
        var proof = new InclusionProof([0xf9, 0x02], [[0xc0], [0xf8, 0x51]]);
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(TestData.Batch(store, "a", 3));
            TestData.IntegrateAll(store);
            store.AppendCheckpoint(TestData.Checkpoint(3, TestData.Key("root")));
            var pending = new StoredAnchor(3, TestData.Key("root"), s_target, AnchorStatus.Pending, [attempt], null, null, 1);
            store.SaveAnchor(pending);
            store.SaveAnchor(pending with { Status = AnchorStatus.Included, Inclusion = inclusion, Proof = proof, UpdatedAtMs = 2 });
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        StoredAnchor anchor = Assert.Single(reopened.ReadAnchors());
        Assert.Equal(AnchorStatus.Included, anchor.Status);
        Assert.Equal(inclusion, anchor.Inclusion);
        Assert.Equal(s_target, anchor.Target);
        Assert.Equal(attempt, Assert.Single(anchor.Attempts));
        Assert.Equal(proof.BlockHeader, anchor.Proof!.BlockHeader);
        Assert.Equal(proof.ReceiptProof, anchor.Proof.ReceiptProof);
    }

    [Fact]
    public void SaveAnchor_SameCheckpointOnAReplacedChain_KeptApartFromTheLostOne()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);
        store.AppendBatch(TestData.Batch(store, "a", 3));
        TestData.IntegrateAll(store);
        store.AppendCheckpoint(TestData.Checkpoint(3, TestData.Key("root")));
        var lost = new StoredAnchor(3, TestData.Key("root"), s_target, AnchorStatus.Lost, [], null, null, 1);
        store.SaveAnchor(lost);

        store.SaveAnchor(lost with { Target = s_target with { GenesisHash = "0x02" }, Status = AnchorStatus.Pending, UpdatedAtMs = 2 });

        IReadOnlyList<StoredAnchor> anchors = store.ReadAnchors();
        Assert.Equal(2, anchors.Count);
        Assert.Equal([AnchorStatus.Lost, AnchorStatus.Pending], anchors.Select(a => a.Status));
    }

    [Fact]
    public void SaveAnchor_RootOfNoSignedCheckpoint_RejectedAndNothingStored()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);
        store.AppendBatch(TestData.Batch(store, "a", 3));
        TestData.IntegrateAll(store);
        store.AppendCheckpoint(TestData.Checkpoint(3, TestData.Key("root")));

        Assert.Throws<InvalidOperationException>(() => store.SaveAnchor(new StoredAnchor(3, TestData.Key("other"), s_target, AnchorStatus.Pending, [], null, null, 0)));
        Assert.Throws<InvalidOperationException>(() => store.SaveAnchor(new StoredAnchor(4, TestData.Key("root"), s_target, AnchorStatus.Pending, [], null, null, 0)));
        Assert.Empty(store.ReadAnchors());
    }

    [Fact]
    public void AnchorQueries_TwoTargetsManySizes_AgreeWithTheFullReadAndSurviveReopen()
    {
        AnchorTarget other = s_target with { GenesisHash = "0x02" };
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(TestData.Batch(store, "a", 120));
            TestData.IntegrateAll(store);

            // Sizes whose decimal forms sort differently from their values (9 < 10 < 100).
            foreach (ulong size in (ulong[])[1, 2, 9, 10, 11, 99, 100, 101, 120])
            {
                store.AppendCheckpoint(TestData.Checkpoint(size, TestData.Key("root" + size)));
                AnchorStatus status = size switch { 120 => AnchorStatus.Pending, 101 => AnchorStatus.Included, _ => AnchorStatus.Final };
                store.SaveAnchor(new StoredAnchor(size, TestData.Key("root" + size), s_target, status, [], null, null, (long)size));
                if (size <= 10)
                {
                    store.SaveAnchor(new StoredAnchor(size, TestData.Key("root" + size), other, AnchorStatus.Lost, [], null, null, (long)size));
                }
            }
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        IReadOnlyList<StoredAnchor> all = reopened.ReadAnchors();
        Assert.Equal([s_target, other], reopened.ReadAnchorTargets());
        foreach (AnchorTarget target in (AnchorTarget[])[s_target, other])
        {
            foreach (ulong from in (ulong[])[0, 1, 3, 10, 12, 100, 121])
            {
                foreach (int limit in (int[])[1, 2, 100])
                {
                    Assert.Equal(
                        all.Where(a => a.Target == target && a.TreeSize >= from).Take(limit).Select(a => a.TreeSize),
                        reopened.ReadAnchors(target, from, limit).Select(a => a.TreeSize));
                }
            }
        }

        Assert.Equal(120UL, reopened.LatestAnchor(s_target)!.TreeSize);
        Assert.Equal(10UL, reopened.LatestAnchor(other)!.TreeSize);
        Assert.Null(reopened.LatestAnchor(s_target with { ChainId = 1 }));
        Assert.Equal([101UL, 120UL], reopened.ReadUnsettledAnchors().Select(a => a.TreeSize));
    }

    public void Dispose() => _temp.Dispose();
}
