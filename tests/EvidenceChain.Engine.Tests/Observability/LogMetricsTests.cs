using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceChain.Engine.Tests.Observability;

/// <summary>
/// The log's instruments as a listener sees them: deposits through the real intake and sequencer on a
/// real store, and the lag arithmetic on its own. Each test listens to its own meter only.
/// </summary>
public sealed class LogMetricsTests
{
    [Fact]
    public void SequencerLag_AcceptedBeyondCheckpoint_IsTheDifference()
    {
        Assert.Equal(0UL, LogMetrics.SequencerLag(0, null));
        Assert.Equal(7UL, LogMetrics.SequencerLag(7, null));
        Assert.Equal(3UL, LogMetrics.SequencerLag(10, Checkpoint(7)));
        Assert.Equal(0UL, LogMetrics.SequencerLag(10, Checkpoint(10)));

        // Read in two steps, the checkpoint may already cover more than the count read before it.
        Assert.Equal(0UL, LogMetrics.SequencerLag(10, Checkpoint(12)));
    }

    [Fact]
    public void AnchorLag_LatestBeyondAnchored_IsTheDifference()
    {
        Assert.Equal(0UL, LogMetrics.AnchorLag(null, null));
        Assert.Equal(12UL, LogMetrics.AnchorLag(Checkpoint(12), null));
        Assert.Equal(4UL, LogMetrics.AnchorLag(Checkpoint(12), 8));
        Assert.Equal(0UL, LogMetrics.AnchorLag(Checkpoint(12), 12));
    }

    [Fact]
    public async Task DepositsThenCheckpoint_CountsAcceptedAndAcknowledged_LagBackToZero_DelayRecorded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var metrics = new LogMetrics(time, meterName: "EvidenceChain.Tests." + Guid.NewGuid());
        using var log = new TestLog(metrics: metrics);
        using var listener = Listen(metrics, out ConcurrentDictionary<string, List<double>> seen);

        DepositOutcome first = await log.DepositAsync(2, seed: 1);
        DepositOutcome second = await log.DepositAsync(1, seed: 2);
        listener.RecordObservableInstruments();
        double lagBefore = seen["evidencechain.sequencer.lag"][^1];
        log.Sequencer.SignPending();
        listener.RecordObservableInstruments();

        Assert.Equal(DepositOutcomeStatus.Accepted, first.Status);
        Assert.Equal(DepositOutcomeStatus.Accepted, second.Status);
        Assert.Equal(3, seen["evidencechain.deposits.accepted"].Sum());
        Assert.Equal(3, seen["evidencechain.deposits.acknowledged"].Sum());
        Assert.Equal(3, lagBefore);
        Assert.Equal(0, seen["evidencechain.sequencer.lag"][^1]);
        Assert.Equal(2, seen["evidencechain.promise.inclusion_delay"].Count);
        Assert.All(seen["evidencechain.promise.inclusion_delay"], d => Assert.True(d >= 0));
        Assert.Equal(0, seen["evidencechain.promise.broken"][^1]);
        Assert.Equal(0, seen["evidencechain.intake.queue_depth"][^1]);
        Assert.Equal(100_000, seen["evidencechain.intake.queue_depth.limit"][^1]);
        Assert.True(seen.ContainsKey("evidencechain.checkpoint.age"));

        // No anchoring ran: no anchoring instrument reports, rather than a lag that only grows.
        Assert.False(seen.ContainsKey("evidencechain.anchor.lag"));
    }

    [Fact]
    public async Task ResentEntry_AcknowledgedAgainButAcceptedOnce_AndRefusalCountsNeither()
    {
        using var metrics = new LogMetrics(TimeProvider.System, meterName: "EvidenceChain.Tests." + Guid.NewGuid());
        using var log = new TestLog(metrics: metrics);
        using var listener = Listen(metrics, out ConcurrentDictionary<string, List<double>> seen);

        await log.DepositAsync(1, seed: 5);
        DepositOutcome resent = await log.DepositAsync(1, seed: 5);
        DepositSubmission forged = log.Submission(1, seed: 6) with { Signature = new byte[64] };
        DepositOutcome refused = await log.Intake.SubmitAsync(forged, CancellationToken.None);

        Assert.True(resent.Deposits[0].AlreadyDeposited);
        Assert.Equal(DepositOutcomeStatus.BadSignature, refused.Status);
        Assert.Equal(2, seen["evidencechain.deposits.accepted"].Sum());
        Assert.Equal(2, seen["evidencechain.deposits.acknowledged"].Sum());
    }

    [Fact]
    public void StalledSequencer_PromisePastDeadline_BrokenAndCheckpointAgeGrows()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var metrics = new LogMetrics(time, TimeSpan.FromSeconds(60), "EvidenceChain.Tests." + Guid.NewGuid());
        using var listener = Listen(metrics, out ConcurrentDictionary<string, List<double>> seen);
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        metrics.WatchLog(() => (5, Checkpoint(2, now)));
        metrics.Promised(5, now);

        time.Advance(TimeSpan.FromSeconds(61));
        listener.RecordObservableInstruments();

        Assert.Equal(1, seen["evidencechain.promise.broken"][^1]);
        Assert.Equal(3, seen["evidencechain.sequencer.lag"][^1]);
        Assert.Equal(61, seen["evidencechain.checkpoint.age"][^1]);
    }

    [Fact]
    public void Anchoring_LandedAndFinality_ReportsLagAgeAndDepth()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var metrics = new LogMetrics(time, meterName: "EvidenceChain.Tests." + Guid.NewGuid());
        using var listener = Listen(metrics, out ConcurrentDictionary<string, List<double>> seen);
        long now = time.GetUtcNow().ToUnixTimeMilliseconds();
        metrics.WatchLog(() => (20, Checkpoint(20, now)));
        metrics.AnchorLanded(12, now - 30_000);
        metrics.AnchorLanded(8, now - 60_000);
        metrics.FinalityDepth(3);
        metrics.TsaFailed("tsa.example", "unreachable");

        listener.RecordObservableInstruments();

        Assert.Equal(8, seen["evidencechain.anchor.lag"][^1]);
        Assert.Equal(30, seen["evidencechain.anchor.age"][^1]);
        Assert.Equal(3, seen["evidencechain.anchor.finality_depth"][^1]);
        Assert.Equal(1, seen["evidencechain.tsa.failures"].Sum());
    }

    private static StoredCheckpoint Checkpoint(ulong treeSize, long signedAtMs = 0) => new(treeSize, default(Digest), string.Empty, signedAtMs);

    private static MeterListener Listen(LogMetrics metrics, out ConcurrentDictionary<string, List<double>> seen)
    {
        var values = new ConcurrentDictionary<string, List<double>>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Add(Instrument instrument, double value)
        {
            List<double> list = values.GetOrAdd(instrument.Name, _ => []);
            lock (list)
            {
                list.Add(value);
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument, value));
        listener.Start();
        seen = values;
        return listener;
    }
}
