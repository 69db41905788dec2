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
}
