using EvidenceChain.Core.Receipts;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;

namespace EvidenceChain.Engine.Tests;

/// <summary>
/// A receipt's promise proof comes from the batch's kept leaf hashes; a store written before they were kept
/// (a fault, since a real store of the old shape cannot be made any more) gives the same receipts from the leaves.
/// Every receipt verifies.
/// </summary>
public sealed class ReceiptBatchTreeTests
{
    [Fact]
    public async Task Receipts_FromKeptLeafHashes_AreTheReceiptsFromTheLeaves()
    {
        var faults = new StoreFaults();
        using var log = new TestLog(faults.Wrap);
        for (int seed = 0; seed < 3; seed++)
        {
            await log.DepositAsync(entries: 7 + seed, seed: seed);
        }

        Assert.NotNull(log.Sequencer.SignPending());
        var queries = new LogQueries(log.Store, log.Notary, log.Sequencer);
        for (ulong index = 0; index < log.Store.LeafCount; index++)
        {
            ReceiptAnswer fromHashes = queries.Receipt(queries.FindLeaf(index));
            faults.ForgetBatchLeafHashes = true;
            ReceiptAnswer fromLeaves = queries.Receipt(queries.FindLeaf(index));
            faults.ForgetBatchLeafHashes = false;

            Assert.NotNull(log.Store.ReadBatchLeafHashes(log.Store.FindLeaf(index)!.BatchId));
            Assert.Equal(fromLeaves.ReceiptJson, fromHashes.ReceiptJson);
            Assert.True(queries.Verify(fromHashes.ReceiptJson!).IsValid);
        }
    }
}
