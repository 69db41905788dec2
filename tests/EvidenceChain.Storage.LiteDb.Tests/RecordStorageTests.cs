using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>
/// Records behind record leaves: stored with their batch, found by leaf, listed per party in log
/// order, kept across reopening; and stamped requests' replay keys, remembered for good.
/// </summary>
public sealed class RecordStorageTests : IDisposable
{
    private const string Alice = "0000000000000000000000000000000a";
    private const string Bob = "0000000000000000000000000000000b";

    private readonly TempDirectory _temp = new();

    [Fact]
    public void ReadRecordsByKey_PagesThroughTheTrailInLogOrder()
    {
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(new AcceptedBatch(store.NextBatchId, 0, 1, "promise", [TestData.Leaf("deposit", 0), Record(1, Alice, Bob), Record(2, Bob)], [TestData.Request(0)]));
            store.AppendBatch(new AcceptedBatch(store.NextBatchId, 3, 2, "promise", [Record(3, Alice), Record(4, Alice, Alice)], []));
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);

        Assert.Equal([1UL, 3UL, 4UL], reopened.ReadRecordsByKey(Alice, 0, 10).Select(r => r.LeafIndex));
        Assert.Equal([3UL], reopened.ReadRecordsByKey(Alice, 2, 1).Select(r => r.LeafIndex));
        Assert.Equal([1UL, 2UL], reopened.ReadRecordsByKey(Bob, 0, 10).Select(r => r.LeafIndex));
        Assert.Empty(reopened.ReadRecordsByKey(new string('c', 32), 0, 10));
        StoredRecord found = reopened.FindRecord(2)!;
        Assert.Equal(LeafType.CustodyEvent, found.Type);
        Assert.Equal(RecordBytes(2), found.Bytes);
        Assert.Null(reopened.FindRecord(0));
        Assert.Null(reopened.FindRecord(5));
    }

    [Fact]
    public void AppendBatch_RecordLeafNamingARequest_RefusedAndNothingStored()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);
        AcceptedLeaf naming = Record(1, Alice) with { RequestNumber = 0 };

        Assert.Throws<ArgumentException>(() => store.AppendBatch(new AcceptedBatch(store.NextBatchId, 0, 1, "promise", [naming], [TestData.Request(0)])));

        Assert.Equal(0UL, store.LeafCount);
        Assert.Empty(store.ReadRecordsByKey(Alice, 0, 10));
    }

    [Fact]
    public void AppendBatch_RecordOnALeafThatIsNoRecordLeaf_Refused()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);
        AcceptedLeaf deposit = TestData.Leaf("deposit", 0) with { RequestNumber = AcceptedLeaf.NoRequest, Record = new LeafRecord([1], [Alice]) };

        Assert.Throws<ArgumentException>(() => store.AppendBatch(new AcceptedBatch(store.NextBatchId, 0, 1, "promise", [deposit], [])));
        Assert.Equal(0UL, store.LeafCount);
    }

    [Fact]
    public void HasReplayKey_AfterReopening_RememberedAndABatchRepeatingItRefused()
    {
        Digest replayKey = TestData.Key("replay");
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(new AcceptedBatch(store.NextBatchId, 0, 1, "promise", [TestData.Leaf("a", 0)], [TestData.Request(0) with { ReplayKey = replayKey }]));
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);

        Assert.True(reopened.HasReplayKey(replayKey));
        Assert.False(reopened.HasReplayKey(TestData.Key("other")));
        Assert.Throws<ArgumentException>(() => reopened.AppendBatch(new AcceptedBatch(reopened.NextBatchId, 1, 2, "promise", [TestData.Leaf("b", 0)], [TestData.Request(1) with { ReplayKey = replayKey }])));
        Assert.Equal(1UL, reopened.LeafCount);
    }

    public void Dispose() => _temp.Dispose();

    private static byte[] RecordBytes(int number) => [.. "record "u8, (byte)number];

    private static AcceptedLeaf Record(int number, params string[] parties)
    {
        byte[] leaf = new RecordLeaf(LeafType.CustodyEvent, 1, number, new DigestPair(TestData.Key($"r{number}"), TestData.Key($"s{number}")), []).Encode();
        return new AcceptedLeaf(leaf, TestData.LeafHash(leaf), TestData.Key($"record {number}"), AcceptedLeaf.NoRequest, new LeafRecord(RecordBytes(number), parties));
    }
}
