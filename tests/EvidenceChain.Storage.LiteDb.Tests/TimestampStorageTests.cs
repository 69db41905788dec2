using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>Timestamp tokens kept with checkpoints: by tree size then authority, one per authority and checkpoint, only for a checkpoint the store holds, and kept across a reopen.</summary>
public sealed class TimestampStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void SaveTimestamp_ReadInTreeOrder_ReplacedPerAuthority_RefusedWithoutItsCheckpoint_KeptAcrossReopen()
    {
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(TestData.Batch(store, "a", 12));
            TestData.IntegrateAll(store);
            store.AppendCheckpoint(TestData.Checkpoint(3, TestData.Key("root 3")));
            store.AppendCheckpoint(TestData.Checkpoint(12, TestData.Key("root 12")));
            Assert.Equal(0UL, store.LatestTimestampedTreeSize());

            store.SaveTimestamp(new StoredTimestamp(12, "b", [1], 1));
            store.SaveTimestamp(new StoredTimestamp(3, "b", [2], 2));
            store.SaveTimestamp(new StoredTimestamp(3, "a", [3], 3));
            store.SaveTimestamp(new StoredTimestamp(3, "a", [4], 4));

            // Tree size 3 sorts before 12 although "12" < "3" as text: the key pads the size.
            Assert.Equal([(3UL, "a", (byte)4), (3UL, "b", (byte)2), (12UL, "b", (byte)1)], store.ReadTimestamps(0, 10).Select(t => (t.TreeSize, t.Authority, t.TokenDer[0])));
            Assert.Equal([12UL], store.ReadTimestamps(4, 10).Select(t => t.TreeSize));
            Assert.Equal(12UL, store.LatestTimestampedTreeSize());
            Assert.Throws<InvalidOperationException>(() => store.SaveTimestamp(new StoredTimestamp(7, "a", [5], 5)));
            Assert.Throws<InvalidOperationException>(() => store.SaveTimestamp(new StoredTimestamp(13, "a", [5], 5)));
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        Assert.Equal(3, reopened.ReadTimestamps(0, 10).Count);
    }

    public void Dispose() => _temp.Dispose();
}
