using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Notes;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Intake;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Storage.LiteDb;

namespace EvidenceChain.Engine.Tests;

public class LogIntakeTests
{
    [Fact]
    public async Task Submit_ConcurrentRequests_EveryAckComesAfterTheLogFileIsFsynced()
    {
        using var log = new TestLog();

        var submissions = Enumerable.Range(0, 40).Select(i => log.Submission(25, seed: i)).ToList();
        await Task.WhenAll(submissions.Select(async s =>
        {
            DepositOutcome outcome = await log.Intake.SubmitAsync(s, CancellationToken.None);
            Assert.Equal(DepositOutcomeStatus.Accepted, outcome.Status);
            log.Journal.Enqueue("ack:" + outcome.Deposits[0].LeafIndex);
        }));

        bool unsyncedLogWrites = false;
        int batchesStored = 0;
        int acks = 0;
        foreach (object entry in log.Journal)
        {
            switch (entry)
            {
                case FileWritten { File: StorageFile.Log }:
                    unsyncedLogWrites = true;
                    break;
                case FileFlushedToDisk { File: StorageFile.Log }:
                    unsyncedLogWrites = false;
                    break;
                case WriteReturned { Operation: StoreOperation.AppendBatch }:
                    Assert.False(unsyncedLogWrites, "AppendBatch returned with log writes not yet fsynced");
                    batchesStored++;
                    break;
                case string ack:
                    Assert.False(unsyncedLogWrites, $"{ack} was acknowledged with log writes not yet fsynced");
                    Assert.True(batchesStored > 0, $"{ack} was acknowledged before any batch was stored");
                    acks++;
                    break;
            }
        }

        Assert.Equal(40, acks);
        Assert.Equal(1000UL, log.Store.LeafCount);
        Assert.InRange(batchesStored, 1, 40);
    }

    [Fact]
    public async Task Submit_PromiseCoversTheBatch_AndLeavesAreContiguous()
    {
        using var log = new TestLog();

        DepositOutcome outcome = await log.Intake.SubmitAsync(log.Submission(5), CancellationToken.None);

        Assert.Equal([0UL, 1, 2, 3, 4], outcome.Deposits.Select(d => d.LeafIndex));
        string note = Assert.Single(outcome.PromiseNotes);
        Assert.True(SignedNote.TryOpen(note, log.Notary.VerifierKeys, out OpenedNote? opened).IsValid);
        Assert.True(Promise.TryParse(opened!.Text, out Promise? promise).IsValid);
        Assert.Equal(5UL, promise!.BatchLeafCount);
    }

    [Fact]
    public async Task Submit_SameEntryTwiceInOneRequest_OneLeaf()
    {
        using var log = new TestLog();
        var entry = TestLog.Entry(7);

        DepositOutcome outcome = await log.Intake.SubmitAsync(log.Submission([entry, entry]), CancellationToken.None);

        Assert.Equal(DepositOutcomeStatus.Accepted, outcome.Status);
        Assert.Equal(outcome.Deposits[0].LeafIndex, outcome.Deposits[1].LeafIndex);
        Assert.False(outcome.Deposits[0].AlreadyDeposited);
        Assert.True(outcome.Deposits[1].AlreadyDeposited);
        Assert.Equal(1UL, log.Store.LeafCount);
    }

    [Fact]
    public async Task Submit_MoreThanTheQueueHolds_QueueFullAndNothingStored()
    {
        using var log = new TestLog(intake: new IntakeOptions { QueueDepthMaxLeaves = 3 });

        DepositOutcome outcome = await log.Intake.SubmitAsync(log.Submission(4), CancellationToken.None);

        Assert.Equal(DepositOutcomeStatus.QueueFull, outcome.Status);
        Assert.Equal(0UL, log.Store.LeafCount);
    }
}
