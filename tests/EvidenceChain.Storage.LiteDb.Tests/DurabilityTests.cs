using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>
/// The fsync discipline, seen through the store's observer on real files: a kill -9 cannot show a
/// missing fsync (the page cache outlives the process), so the tests read the order of writes,
/// truncations and completed fsyncs instead.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly EventRecorder _events = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AppendBatch_Returns_OnlyAfterLogFsyncFollowingItsLastWrite()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path, _events.Record);
        _events.Clear();

        store.AppendBatch(TestData.Batch(store, "a", 100));

        IReadOnlyList<StorageEvent> events = _events.Snapshot();
        int returned = Durability.ReturnOf(events, StoreOperation.AppendBatch);
        int lastWrite = Durability.LastIndex(events, returned, e => e is FileWritten { File: StorageFile.Log });
        int flush = Durability.LastIndex(events, returned, e => e is FileFlushedToDisk { File: StorageFile.Log });
        Assert.True(lastWrite >= 0, "the batch wrote nothing to the log");
        Assert.True(flush > lastWrite, $"the log's last write (event {lastWrite}) has no completed fsync before the return (event {returned})");
        Durability.AssertNothingUnsynced(events, returned);
    }

    [Fact]
    public void EveryWriteMethod_Returns_WithNothingUnsynced()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path, _events.Record);
        _events.Clear();

        store.CreateIdentity(TestData.Identity);
        store.AppendBatch(TestData.Batch(store, "a", 5));
        TestData.IntegrateAll(store);
        store.AppendCheckpoint(TestData.Checkpoint(5, TestData.Key("root")));
        store.SaveAnchor(new StoredAnchor(5, TestData.Key("root"), new AnchorTarget(AnchorTarget.Evm, 1, "0x1", "0x2"), AnchorStatus.Pending, [], null, null, 0));
        store.SaveParty(new Core.Access.Party(new string('a', 32), Core.Access.PartyRole.Court, "court", false, 0, [new Core.Access.PartyKey(new byte[32], 0, null)], [], null));
        store.SaveLocator(new StoredLocator(TestData.Key("locator"), 0, new string('a', 32), 0, null));
        store.SaveTimestamp(new StoredTimestamp(5, "tsa", [0x30, 0x00], 0));

        IReadOnlyList<StorageEvent> events = _events.Snapshot();
        foreach (StoreOperation operation in Enum.GetValues<StoreOperation>())
        {
            int returned = Durability.ReturnOf(events, operation);
            int previous = Durability.LastIndex(events, returned, e => e is WriteReturned);

            // Each method wrote its own transaction to the log and fsynced it.
            Assert.Contains(events.Skip(previous + 1).Take(returned - previous - 1), e => e is FileWritten { File: StorageFile.Log });
            Durability.AssertNothingUnsynced(events, returned);
        }
    }

    [Fact]
    public void AppendBatch_CommittedButNotReturned_InvisibleToReaders()
    {
        AcceptedLeaf watched = TestData.Leaf("watched");
        LiteDbLogStore? store = null;
        var seenAtLogFsync = new List<(ulong LeafCount, StoredLeaf? ByHash, StoredLeaf? ByKey, int Read)>();
        store = LiteDbLogStore.Open(_temp.Path, e =>
        {
            // LiteDB has committed the batch when the store fsyncs the log, but the write has not
            // returned, so nobody may see it yet.
            if (e is FileFlushedToDisk { File: StorageFile.Log } && store is not null)
            {
                seenAtLogFsync.Add((store.LeafCount, store.FindLeafByHash(watched.LeafHash), store.FindLeafByDedupeKey(watched.DedupeKey), store.ReadLeaves(0, 10).Count));
            }
        });
        using (store)
        {
            store.AppendBatch(TestData.Batch(store, watched));

            Assert.Equal([(0UL, (StoredLeaf?)null, (StoredLeaf?)null, 0)], seenAtLogFsync);
            Assert.NotNull(store.FindLeafByHash(watched.LeafHash));
            Assert.Equal(1UL, store.LeafCount);
        }
    }

    [Fact]
    public void RejectedWrite_DoesNotReturn()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path, _events.Record);
        store.AppendBatch(TestData.Batch(store, "a", 2));
        _events.Clear();

        Assert.Throws<InvalidOperationException>(() => store.AppendBatch(TestData.Batch(store, TestData.Leaf("a-0"))));

        Assert.DoesNotContain(_events.Snapshot(), e => e is WriteReturned);
    }

    [Fact]
    public void Dispose_LiteDbCheckpoint_FsyncsDataFileBeforeTruncatingLog()
    {
        LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path, _events.Record);
        store.AppendBatch(TestData.Batch(store, "a", 50));
        _events.Clear();

        store.Dispose();

        AssertCheckpointOrder(_events.Snapshot());
    }

    [Fact]
    public void AppendBatch_PastAutoCheckpointSize_FsyncsDataBeforeTruncatingLogAndLogBeforeReturn()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path, _events.Record);

        // LiteDB checkpoints by itself once its log passes 1,000 pages (8 MB): 300 leaves of 32 KiB
        // take one batch past that, so the checkpoint runs inside the write.
        AcceptedLeaf[] leaves = Enumerable.Range(0, 300).Select(i => LargeLeaf(i, 32 * 1024)).ToArray();
        _events.Clear();

        store.AppendBatch(TestData.Batch(store, leaves));

        IReadOnlyList<StorageEvent> events = _events.Snapshot();
        int returned = Durability.ReturnOf(events, StoreOperation.AppendBatch);
        AssertCheckpointOrder(events.Take(returned).ToList());
        Durability.AssertNothingUnsynced(events, returned);
        Assert.Equal(leaves[299].Leaf, store.FindLeaf(299)!.Leaf);
    }

    [Fact]
    public void Open_NewStore_FsyncsDirectoryAndReturnsWithNothingUnsynced()
    {
        string directory = _temp.Child("new");

        using LiteDbLogStore store = LiteDbLogStore.Open(directory, _events.Record);

        IReadOnlyList<StorageEvent> events = _events.Snapshot();
        Assert.Equal(2, events.Count(e => e is FileFlushedToDisk { File: StorageFile.Directory }));
        Assert.Contains(events, e => e is FileWritten { File: StorageFile.Data });
        Durability.AssertNothingUnsynced(events, events.Count);
    }

    [Fact]
    public void AssertNothingUnsynced_WriteAfterLastFsync_Fails()
    {
        // The check itself must be able to see a missing fsync.
        StorageEvent[] events =
        [
            new FileWritten(StorageFile.Log, 0, 8192),
            new FileFlushedToDisk(StorageFile.Log),
            new FileWritten(StorageFile.Log, 8192, 8192),
            new WriteReturned(StoreOperation.AppendBatch),
        ];

        Assert.ThrowsAny<Exception>(() => Durability.AssertNothingUnsynced(events, 3));
        Durability.AssertNothingUnsynced([.. events[..3], new FileFlushedToDisk(StorageFile.Log), events[3]], 4);
    }

    private static AcceptedLeaf LargeLeaf(int number, int lengthBytes)
    {
        byte[] bytes = new byte[lengthBytes];
        BitConverter.TryWriteBytes(bytes, number);
        return TestData.Leaf($"large-{number}") with { Leaf = bytes, LeafHash = TestData.LeafHash(bytes) };
    }

    // LiteDB's checkpoint copies the log into the data file; emptying the log before the data file
    // is on disk would lose committed pages on power loss.
    private static void AssertCheckpointOrder(IReadOnlyList<StorageEvent> events)
    {
        int truncate = Enumerable.Range(0, events.Count).Last(i => events[i] is FileLengthSet { File: StorageFile.Log, LengthBytes: 0 });
        int lastDataWrite = Durability.LastIndex(events, truncate, e => e is FileWritten { File: StorageFile.Data });
        int dataFlush = Durability.LastIndex(events, truncate, e => e is FileFlushedToDisk { File: StorageFile.Data });
        Assert.True(lastDataWrite >= 0, "the checkpoint wrote nothing to the data file");
        Assert.True(dataFlush > lastDataWrite, $"the log was truncated (event {truncate}) before the data file's last write (event {lastDataWrite}) was fsynced");
    }
}
