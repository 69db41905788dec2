using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

public sealed class AnchorStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void SaveAnchor_UpdatedThroughItsLife_LatestStateSurvivesReopen()
    {
        var inclusion = new ChainInclusion("0xabc", 12, "0xdef", 1_764_400_000);
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(TestData.Batch(store, "a", 3));
            TestData.IntegrateAll(store);
            store.AppendCheckpoint(TestData.Checkpoint(3, TestData.Key("root")));
            var pending = new StoredAnchor(3, TestData.Key("root"), "evm:31337:0x1", AnchorStatus.Pending, null, 1);
            store.SaveAnchor(pending);
            store.SaveAnchor(pending with { Status = AnchorStatus.Included, Inclusion = inclusion, UpdatedAtMs = 2 });
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        StoredAnchor anchor = Assert.Single(reopened.ReadAnchors());
        Assert.Equal(AnchorStatus.Included, anchor.Status);
        Assert.Equal(inclusion, anchor.Inclusion);
        Assert.Equal("evm:31337:0x1", anchor.Chain);
    }

    [Fact]
    public void SaveAnchor_RootOfNoSignedCheckpoint_RejectedAndNothingStored()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);
        store.AppendBatch(TestData.Batch(store, "a", 3));
        TestData.IntegrateAll(store);
        store.AppendCheckpoint(TestData.Checkpoint(3, TestData.Key("root")));

        Assert.Throws<InvalidOperationException>(() => store.SaveAnchor(new StoredAnchor(3, TestData.Key("other"), "evm", AnchorStatus.Pending, null, 0)));
        Assert.Throws<InvalidOperationException>(() => store.SaveAnchor(new StoredAnchor(4, TestData.Key("root"), "evm", AnchorStatus.Pending, null, 0)));
        Assert.Empty(store.ReadAnchors());
    }

    public void Dispose() => _temp.Dispose();
}
