using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;
using LiteDB;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>The store on real LiteDB files: opening, reading back, the rules of each write, and rejected writes leaving nothing.</summary>
public sealed class LiteDbLogStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void FindSignedRequest_EachLeafLeadsToTheRequestThatAskedForIt()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);
        var batch = new AcceptedBatch(store.NextBatchId, 0, 1, "promise", [TestData.Leaf("a", 0), TestData.Leaf("b", 1), TestData.Leaf("c", 1)], [TestData.Request(0), TestData.Request(1)]);
        store.AppendBatch(batch);

        StoredLeaf c = store.FindLeaf(2)!;
        SignedRequest request = store.FindSignedRequest(c.BatchId, c.RequestNumber)!;

        Assert.Equal(1, c.RequestNumber);
        Assert.Equal(TestData.Request(1).PublicKey, request.PublicKey);
        Assert.Equal(TestData.Request(1).Signature, request.Signature);
        Assert.Equal(TestData.Request(0).SignedBytes, store.FindSignedRequest(c.BatchId, store.FindLeaf(0)!.RequestNumber)!.SignedBytes);
        Assert.Null(store.FindSignedRequest(c.BatchId, 2));
        Assert.Null(store.FindSignedRequest(c.BatchId + 1, 0));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_MissingDirectory_CreatesEmptyStore()
    {
        string directory = Path.Combine(_temp.Path, "not", "yet");

        using (LiteDbLogStore store = LiteDbLogStore.Open(directory))
        {
            Assert.Null(store.ReadIdentity());
            Assert.Equal(0UL, store.LeafCount);
            Assert.Equal(0UL, store.IntegratedSize);
            Assert.Equal(1L, store.NextBatchId);
            Assert.Null(store.LatestCheckpoint());
            Assert.Null(store.FindLeaf(0));
            Assert.Empty(store.ReadLeaves(0, 10));
        }

        Assert.True(File.Exists(Path.Combine(directory, LiteDbLogStore.DataFileName)));
    }

    [Fact]
    public void Open_StoreOpenElsewhere_ThrowsAlreadyOpen()
    {
        using LiteDbLogStore first = LiteDbLogStore.Open(_temp.Path);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => LiteDbLogStore.Open(_temp.Path));

        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public void Open_AfterOtherStoreDisposed_Succeeds()
    {
        LiteDbLogStore.Open(_temp.Path).Dispose();

        using LiteDbLogStore second = LiteDbLogStore.Open(_temp.Path);

        Assert.Equal(0UL, second.LeafCount);
    }

    [Fact]
    public void Reopen_AfterEveryKindOfWrite_FindsEverything()
    {
        Digest root;
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.CreateIdentity(TestData.Identity);
            store.AppendBatch(TestData.Batch(store, "a", 3));
            store.AppendBatch(TestData.Batch(store, "b", 4));
            TestData.IntegrateAll(store);
            root = MerkleRoot.FromLeaves(new Sha256MerkleHasher(), store.ReadLeaves(0, 7));
            store.AppendCheckpoint(TestData.Checkpoint(7, root));
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);

        Assert.Equal(TestData.Identity, reopened.ReadIdentity());
        Assert.Equal(7UL, reopened.LeafCount);
        Assert.Equal(7UL, reopened.IntegratedSize);
        Assert.Equal(3L, reopened.NextBatchId);
        Assert.Equal(TestData.Checkpoint(7, root), reopened.LatestCheckpoint());
        AssertLeaf(reopened.FindLeaf(4), 4, TestData.Leaf("b-1"), batchId: 2, batchIndex: 1);
        AssertLeaf(reopened.FindLeafByHash(TestData.Leaf("a-2").LeafHash), 2, TestData.Leaf("a-2"), batchId: 1, batchIndex: 2);
        AssertLeaf(reopened.FindLeafByDedupeKey(TestData.Leaf("b-3").DedupeKey), 6, TestData.Leaf("b-3"), batchId: 2, batchIndex: 3);
        Assert.Equal(new StoredBatch(2, 3, 4, 1_700_000_000_002, "promise 2"), reopened.FindBatch(2));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => TestData.Leaf($"b-{i}").LeafHash), reopened.ReadBatchLeafHashes(2));
        Assert.Null(reopened.ReadBatchLeafHashes(3));
        Assert.Equal(root, new CompactRange(7, reopened).Root(new Sha256MerkleHasher()));
    }

    [Fact]
    public void AppendBatch_Requests_StoredWithTheBatchAndTheLeafNamesItsRequest()
    {
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            var batch = new AcceptedBatch(1, 0, 5, "promise", [TestData.Leaf("x", requestNumber: 1)], [TestData.Request(7), TestData.Request(8)]);
            store.AppendBatch(batch);
        }

        // Read the documents as LiteDB wrote them: the signed requests are evidence kept beside the log.
        using var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_temp.Path, LiteDbLogStore.DataFileName), ReadOnly = true });
        BsonDocument batchDocument = database.GetCollection("batches").FindById(1L);
        BsonArray requests = batchDocument["requests"].AsArray;
        Assert.Equal(2, requests.Count);
        Assert.Equal(TestData.Request(8).PublicKey, requests[1]["publicKey"].AsBinary);
        Assert.Equal(TestData.Request(8).SignedBytes, requests[1]["signedBytes"].AsBinary);
        Assert.Equal(TestData.Request(8).Signature, requests[1]["signature"].AsBinary);
        Assert.Equal(1, database.GetCollection("leaves").FindById(0L)["requestNumber"].AsInt32);
        Assert.Equal(32, database.GetCollection("leaves").FindById(0L)["leafHash"].AsBinary.Length);
    }

    [Fact]
    public void AppendBatch_TenThousandLeaves_AllFoundByIndexHashAndKey()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "first", 1));

        store.AppendBatch(TestData.Batch(store, "big", 10_000));

        Assert.Equal(10_001UL, store.LeafCount);
        AssertLeaf(store.FindLeaf(10_000), 10_000, TestData.Leaf("big-9999"), batchId: 2, batchIndex: 9_999);
        AssertLeaf(store.FindLeafByHash(TestData.Leaf("big-5000").LeafHash), 5_001, TestData.Leaf("big-5000"), batchId: 2, batchIndex: 5_000);
        AssertLeaf(store.FindLeafByDedupeKey(TestData.Leaf("big-0").DedupeKey), 1, TestData.Leaf("big-0"), batchId: 2, batchIndex: 0);
        Assert.Equal(new StoredBatch(2, 1, 10_000, 1_700_000_000_002, "promise 2"), store.FindBatch(2));
    }

    [Fact]
    public void AppendBatch_NoLeaves_ThrowsArgumentException()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);

        ArgumentException error = Assert.Throws<ArgumentException>(() => store.AppendBatch(TestData.Batch(store)));

        Assert.Contains("at least one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendBatch_WrongBatchId_ThrowsAndWritesNothing()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        AcceptedBatch batch = TestData.Batch(store, "a", 2) with { BatchId = 5 };

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.AppendBatch(batch));

        Assert.Contains("expects batch 1", error.Message, StringComparison.Ordinal);
        AssertUnchanged(store);
    }

    [Fact]
    public void AppendBatch_WrongFirstLeafIndex_ThrowsAndWritesNothing()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        AcceptedBatch batch = TestData.Batch(store, "a", 2) with { FirstLeafIndex = 1 };

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.AppendBatch(batch));

        Assert.Contains("next leaf index is 0", error.Message, StringComparison.Ordinal);
        AssertUnchanged(store);
    }

    [Fact]
    public void AppendBatch_RequestNumberOutOfRange_ThrowsArgumentException()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);

        ArgumentException error = Assert.Throws<ArgumentException>(() => store.AppendBatch(TestData.Batch(store, TestData.Leaf("a", requestNumber: 1))));

        Assert.Contains("names request 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendBatch_DedupeKeyTwiceInBatch_ThrowsArgumentException()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        AcceptedLeaf twin = TestData.Leaf("b") with { DedupeKey = TestData.Leaf("a").DedupeKey };

        ArgumentException error = Assert.Throws<ArgumentException>(() => store.AppendBatch(TestData.Batch(store, TestData.Leaf("a"), twin)));

        Assert.Contains("repeats the dedupe key of its leaf 0", error.Message, StringComparison.Ordinal);
        AssertUnchanged(store);
    }

    [Fact]
    public void AppendBatch_LeafHashTwiceInBatch_ThrowsArgumentException()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);

        ArgumentException error = Assert.Throws<ArgumentException>(() => store.AppendBatch(TestData.Batch(store, TestData.Leaf("a"), TestData.Leaf("b"), TestData.Leaf("a") with { DedupeKey = TestData.Key("other") })));

        Assert.Contains("Leaf 2 of batch 1 repeats the leaf hash of its leaf 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendBatch_DedupeKeyAlreadyStored_RejectsWholeBatchAndStoreStaysUsable()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 3));
        AcceptedLeaf resent = TestData.Leaf("new-2") with { DedupeKey = TestData.Leaf("a-1").DedupeKey };
        AcceptedBatch batch = TestData.Batch(store, TestData.Leaf("new-0"), TestData.Leaf("new-1"), resent);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.AppendBatch(batch));

        Assert.Contains("its leaf 2 has the dedupe key of the leaf already stored at index 1", error.Message, StringComparison.Ordinal);
        AssertNoLeaves(store, "new-0", "new-1");
        Assert.Equal(3UL, store.LeafCount);
        Assert.Null(store.FindBatch(2));

        // The rolled-back batch left nothing behind: the same leaves go in once the duplicate is gone.
        store.AppendBatch(TestData.Batch(store, TestData.Leaf("new-0"), TestData.Leaf("new-1")));
        Assert.Equal(5UL, store.LeafCount);
        AssertLeaf(store.FindLeafByHash(TestData.Leaf("new-1").LeafHash), 4, TestData.Leaf("new-1"), batchId: 2, batchIndex: 1);
    }

    [Fact]
    public void AppendBatch_LeafHashAlreadyStoredInLargeBatch_RejectsWholeBatchAlsoAfterReopen()
    {
        using (LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path))
        {
            store.AppendBatch(TestData.Batch(store, "a", 2));
            AcceptedLeaf[] leaves = [.. Enumerable.Range(0, 5_000).Select(i => TestData.Leaf($"big-{i}")), TestData.Leaf("a-0") with { DedupeKey = TestData.Key("fresh") }];

            InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.AppendBatch(TestData.Batch(store, leaves)));

            Assert.Contains("its leaf 5000 has the leaf hash of the leaf already stored at index 0", error.Message, StringComparison.Ordinal);
            Assert.Equal(2UL, store.LeafCount);
        }

        using LiteDbLogStore reopened = LiteDbLogStore.Open(_temp.Path);
        Assert.Equal(2UL, reopened.LeafCount);
        Assert.Equal(2L, reopened.NextBatchId);
        AssertNoLeaves(reopened, "big-0", "big-4999");
        reopened.AppendBatch(TestData.Batch(reopened, "big", 3));
        Assert.Equal(5UL, reopened.LeafCount);
    }

    [Fact]
    public void ReadLeaves_RangePastLeafCount_ClampsInOrder()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 5));

        IReadOnlyList<byte[]> leaves = store.ReadLeaves(3, 1000);

        Assert.Equal([TestData.Leaf("a-3").Leaf, TestData.Leaf("a-4").Leaf], leaves);
        Assert.Empty(store.ReadLeaves(5, 1));
        Assert.Empty(store.ReadLeaves(ulong.MaxValue, 1000));
        Assert.Empty(store.ReadLeaves(0, 0));
    }

    [Fact]
    public void ReadLeaves_CountAboveMax_Throws()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);

        Assert.Throws<ArgumentOutOfRangeException>(() => store.ReadLeaves(0, LiteDbLogStore.LeavesPerReadMax + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ReadLeaves(0, -1));
    }

    [Fact]
    public void FindLeafAndBatch_BeyondStored_ReturnNull()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 2));

        Assert.Null(store.FindLeaf(2));
        Assert.Null(store.FindLeaf(ulong.MaxValue));
        Assert.Null(store.FindLeafByHash(TestData.Leaf("zzz").LeafHash));
        Assert.Null(store.FindLeafByDedupeKey(TestData.Leaf("zzz").DedupeKey));
        Assert.Null(store.FindBatch(0));
        Assert.Null(store.FindBatch(2));
        Assert.Null(store.FindBatch(-1));
    }

    [Fact]
    public void CreateIdentity_SecondTime_Throws()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.CreateIdentity(TestData.Identity);

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.CreateIdentity(TestData.Identity with { Origin = "other" }));

        Assert.Contains("already holds the log 'notary.example/log/sha256'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TestData.Identity, store.ReadIdentity());
    }

    [Fact]
    public void CreateIdentity_StoreWithLeaves_Throws()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 1));

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.CreateIdentity(TestData.Identity));

        Assert.Contains("only be created on an empty store", error.Message, StringComparison.Ordinal);
        Assert.Null(store.ReadIdentity());
    }

    [Fact]
    public void AppendSubtrees_SizeNotForwardOrPastLeaves_Throws()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 2));

        Assert.Contains("does not move the integrated size forward", Assert.Throws<InvalidOperationException>(() => store.AppendSubtrees([], 0)).Message, StringComparison.Ordinal);
        Assert.Contains("holds only 2", Assert.Throws<InvalidOperationException>(() => store.AppendSubtrees([], 3)).Message, StringComparison.Ordinal);
        Assert.Equal(0UL, store.IntegratedSize);
    }

    [Fact]
    public void AppendSubtrees_WrongSet_ThrowsArgumentExceptionAndWritesNothing()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 3));
        Digest hash = TestData.Key("hash");

        // Integrating [0, 2) completes (0,0), (0,1) and (1,0).
        SubtreeHash[] missing = [new(0, 0, hash), new(0, 1, hash)];
        SubtreeHash[] repeated = [new(0, 0, hash), new(0, 1, hash), new(0, 1, hash)];
        SubtreeHash[] outside = [new(0, 0, hash), new(0, 1, hash), new(0, 2, hash)];
        SubtreeHash[] badLevel = [new(0, 0, hash), new(0, 1, hash), new(64, 0, hash)];

        Assert.Contains("completes 3 perfect subtrees, but 2 were given", Assert.Throws<ArgumentException>(() => store.AppendSubtrees(missing, 2)).Message, StringComparison.Ordinal);
        Assert.Contains("is given twice", Assert.Throws<ArgumentException>(() => store.AppendSubtrees(repeated, 2)).Message, StringComparison.Ordinal);
        Assert.Contains("(level 0, index 2) is not completed", Assert.Throws<ArgumentException>(() => store.AppendSubtrees(outside, 2)).Message, StringComparison.Ordinal);
        Assert.Contains("level 64", Assert.Throws<ArgumentException>(() => store.AppendSubtrees(badLevel, 2)).Message, StringComparison.Ordinal);
        Assert.Equal(0UL, store.IntegratedSize);
        Assert.Throws<InvalidOperationException>(() => store.GetSubtree(0, 0));
    }

    [Fact]
    public void GetSubtree_NotIntegrated_ThrowsClearly()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendBatch(TestData.Batch(store, "a", 3));
        TestData.IntegrateAll(store);

        Assert.Equal(TestData.Leaf("a-2").LeafHash, store.GetSubtree(0, 2));
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => store.GetSubtree(1, 1));
        Assert.Equal("The subtree at level 1, index 1 is not stored: only the first 3 leaves are integrated.", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetSubtree(64, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetSubtree(-1, 0));
    }

    [Fact]
    public void AppendCheckpoint_Rules_EnforcedInOrder()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.AppendCheckpoint(TestData.Checkpoint(0, TestData.Key("empty")));
        store.AppendBatch(TestData.Batch(store, "a", 4));
        TestData.IntegrateAll(store);
        Digest root = TestData.Key("root-4");
        store.AppendCheckpoint(TestData.Checkpoint(4, root));

        Assert.Contains("tree sizes never decrease", Assert.Throws<InvalidOperationException>(() => store.AppendCheckpoint(TestData.Checkpoint(3, root))).Message, StringComparison.Ordinal);
        Assert.Contains("two histories", Assert.Throws<InvalidOperationException>(() => store.AppendCheckpoint(TestData.Checkpoint(4, TestData.Key("other")))).Message, StringComparison.Ordinal);
        Assert.Contains("not integrated", Assert.Throws<InvalidOperationException>(() => store.AppendCheckpoint(TestData.Checkpoint(5, root))).Message, StringComparison.Ordinal);
        Assert.Equal(TestData.Checkpoint(4, root), store.LatestCheckpoint());

        // The same size again with the same root is a newer signature over the same tree.
        StoredCheckpoint again = TestData.Checkpoint(4, root) with { Note = "newer note", SignedAtMs = 9 };
        store.AppendCheckpoint(again);
        Assert.Equal(again, store.LatestCheckpoint());
    }

    [Fact]
    public void Dispose_Twice_IsHarmlessAndWritesAfterwardThrow()
    {
        LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        store.Dispose();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.CreateIdentity(TestData.Identity));
    }

    private static void AssertLeaf(StoredLeaf? found, ulong leafIndex, AcceptedLeaf expected, long batchId, int batchIndex)
    {
        Assert.NotNull(found);
        Assert.Equal(leafIndex, found.LeafIndex);
        Assert.Equal(expected.Leaf, found.Leaf);
        Assert.Equal(expected.LeafHash, found.LeafHash);
        Assert.Equal(batchId, found.BatchId);
        Assert.Equal(batchIndex, found.BatchIndex);
    }

    private static void AssertNoLeaves(LiteDbLogStore store, params string[] names)
    {
        foreach (string name in names)
        {
            Assert.Null(store.FindLeafByHash(TestData.Leaf(name).LeafHash));
            Assert.Null(store.FindLeafByDedupeKey(TestData.Leaf(name).DedupeKey));
        }
    }

    private static void AssertUnchanged(LiteDbLogStore store)
    {
        Assert.Equal(0UL, store.LeafCount);
        Assert.Equal(1L, store.NextBatchId);
        Assert.Null(store.FindLeaf(0));
    }
}
