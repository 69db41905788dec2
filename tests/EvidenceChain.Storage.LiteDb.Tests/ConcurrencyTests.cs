using EvidenceChain.Engine.Ports;
using EvidenceChain.Storage.LiteDb.Tests.Support;

namespace EvidenceChain.Storage.LiteDb.Tests;

/// <summary>One writer and several readers on one store, as the service runs it: readers see whole batches or nothing.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int BatchCount = 40;
    private const int LeavesPerBatch = 25;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadersBesideWriter_SeeOnlyReturnedBatchesAndAllOfThem()
    {
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        using var done = new CancellationTokenSource();
        Task[] readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            int rounds = 0;
            while (!done.IsCancellationRequested || rounds == 0)
            {
                rounds++;
                ulong before = store.LeafCount;
                IReadOnlyList<byte[]> leaves = store.ReadLeaves(0, LiteDbLogStore.LeavesPerReadMax);
                ulong after = store.LeafCount;

                // Leaf counts only grow by whole batches, and every counted leaf is readable.
                Assert.Equal(0UL, before % LeavesPerBatch);
                Assert.InRange((ulong)leaves.Count, before, after);
                for (int i = 0; i < leaves.Count; i++)
                {
                    (int batch, int leaf) = Math.DivRem(i, LeavesPerBatch);
                    Assert.Equal(TestData.Leaf($"{batch}-{leaf}").Leaf, leaves[i]);
                }

                // A leaf found by hash is always within the count read after the lookup.
                AcceptedLeaf probe = TestData.Leaf($"{(int)(after / LeavesPerBatch)}-0");
                if (store.FindLeafByHash(probe.LeafHash) is StoredLeaf found)
                {
                    Assert.True(found.LeafIndex < store.LeafCount);
                }
            }
        })).ToArray();

        for (int b = 0; b < BatchCount; b++)
        {
            store.AppendBatch(TestData.Batch(store, Enumerable.Range(0, LeavesPerBatch).Select(i => TestData.Leaf($"{b}-{i}")).ToArray()));
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal((ulong)(BatchCount * LeavesPerBatch), store.LeafCount);
    }

    /// <summary>
    /// The service's shape under read load: a writer appending batches, a sequencer integrating them, and four readers
    /// serving receipts (leaf by index and hash, subtrees, batches) all at once. LiteDB 5.0.21 alone failed reads here in
    /// every run at 60 batches ("Page type must be data page", in the service "page type must be index page"); behind the
    /// store's serialized engine no read may fail. Size: EVIDENCECHAIN_CONCURRENCY_BATCHES (docs/testing.md).
    /// </summary>
    [Fact]
    public async Task ReceiptReaders_BesideWriterAndSequencer_NeverFail()
    {
        int batches = Soak.ConcurrencyBatches;
        const int PerBatch = 400;
        using LiteDbLogStore store = LiteDbLogStore.Open(_temp.Path);
        using var done = new CancellationTokenSource();
        using var readersStarted = new CountdownEvent(4);
        Task sequencer = Task.Run(() =>
        {
            while (!done.IsCancellationRequested || store.IntegratedSize < store.LeafCount)
            {
                if (store.IntegratedSize == store.LeafCount)
                {
                    // Nothing to integrate yet: give the core to the writer and readers (an idle wait, not a timing assumption).
                    Thread.Sleep(1);
                    continue;
                }

                TestData.IntegrateAll(store);
            }
        });
        Task<int>[] readers = [.. Enumerable.Range(0, 4).Select(r => Task.Factory.StartNew(() =>
        {
            var random = new Random(r);
            int reads = 0;
            while (!done.IsCancellationRequested)
            {
                ulong leafCount = store.LeafCount;
                if (leafCount == 0)
                {
                    continue;
                }

                StoredLeaf leaf = store.FindLeaf((ulong)random.NextInt64((long)leafCount))!;
                Assert.Equal(leaf.LeafIndex, store.FindLeafByHash(leaf.LeafHash)!.LeafIndex);
                Assert.NotNull(store.FindBatch(leaf.BatchId));
                ulong integrated = store.IntegratedSize;
                if (integrated > 0)
                {
                    store.GetSubtree(0, (ulong)random.NextInt64((long)integrated));
                }

                if (++reads == 1)
                {
                    readersStarted.Signal();
                }
            }

            return reads;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];

        // The first batch, then the rest only once every reader is reading: the writes must overlap the reads.
        store.AppendBatch(TestData.Batch(store, "r0", PerBatch));
        Assert.True(readersStarted.Wait(TimeSpan.FromSeconds(30)), "the readers did not start");
        for (int b = 1; b < batches; b++)
        {
            store.AppendBatch(TestData.Batch(store, $"r{b}", PerBatch));
        }

        await done.CancelAsync();
        await sequencer;
        int[] reads = await Task.WhenAll(readers);
        Assert.All(reads, count => Assert.True(count > 0));
        Assert.Equal((ulong)(batches * PerBatch), store.IntegratedSize);
    }
}
