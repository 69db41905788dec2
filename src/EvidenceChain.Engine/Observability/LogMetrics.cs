using System.Diagnostics.Metrics;
using EvidenceChain.Engine.Ports;

namespace EvidenceChain.Engine.Observability;

/// <summary>
/// The log's instruments, on the BCL meter <see cref="MeterName"/> (docs/operations.md §What to watch):
/// the Engine records, the Service exports (OpenTelemetry, Prometheus). Names follow the OpenTelemetry
/// conventions: <c>evidencechain.&lt;area&gt;.&lt;measure&gt;</c>, units in UCUM. Every value is a count,
/// a size or a duration of the service as a whole; no depositor, key, commitment, locator, amount or
/// other request data is ever a value or a tag, and tags take only values fixed in code or in the
/// service's configuration (a TSA's configured name), so the number of series stays small.
/// </summary>
/// <remarks>
/// Workers register what the observable instruments read (<c>Watch*</c>) when they are built; an
/// instrument with nothing registered reports nothing. One instance per service; tests make their
/// own and listen to its <see cref="Meter"/> alone.
/// </remarks>
public sealed class LogMetrics : IDisposable
{
    /// <summary>The meter's name, which an exporter subscribes to.</summary>
    public const string MeterName = "EvidenceChain";

    /// <summary>The default promise deadline: a batch not in a signed checkpoint this long after acceptance is a broken promise.</summary>
    public static readonly TimeSpan PromiseDeadlineDefault = TimeSpan.FromSeconds(60);

    // Seconds: sub-second under normal intervals, minutes when the sequencer is stuck.
    private static readonly double[] s_delayBucketsSeconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly TimeProvider _time;
    private readonly Counter<long> _depositsAccepted;
    private readonly Counter<long> _depositsAcknowledged;
    private readonly Histogram<double> _inclusionDelay;
    private readonly Counter<long> _tsaFailures;
    private readonly PromiseTracker _promises;
    private readonly Lock _anchorLock = new();
    private Func<int>? _queueDepth;
    private int _queueDepthLimit;
    private Func<(ulong AcceptedLeaves, StoredCheckpoint? Latest)>? _log;
    private Func<int?>? _reconciliationDifference;
    private long _finalityDepthBlocks = -1;
    private (ulong TreeSize, long SignedAtMs)? _anchored;

    /// <param name="time">The clock ages are measured with.</param>
    /// <param name="promiseDeadline">How long after acceptance a batch must be in a signed checkpoint (default <see cref="PromiseDeadlineDefault"/>).</param>
    /// <param name="meterName">The meter's name: <see cref="MeterName"/> in the service.</param>
    public LogMetrics(TimeProvider time, TimeSpan? promiseDeadline = null, string meterName = MeterName)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _promises = new PromiseTracker(promiseDeadline ?? PromiseDeadlineDefault);
        Meter = new Meter(meterName);
        _depositsAccepted = Meter.CreateCounter<long>(
            "evidencechain.deposits.accepted", "{deposit}", "Deposit entries that passed validation and were queued for a group commit.");
        _depositsAcknowledged = Meter.CreateCounter<long>(
            "evidencechain.deposits.acknowledged", "{deposit}", "Deposit entries answered as accepted after their batch was durably stored (resent entries included).");
        _inclusionDelay = Meter.CreateHistogram(
            "evidencechain.promise.inclusion_delay",
            "s",
            "From a batch's promise (acceptance) to the signed checkpoint that includes it.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_delayBucketsSeconds });
        Meter.CreateObservableCounter(
            "evidencechain.promise.broken",
            () => _promises.Broken(NowMs()),
            "{promise}",
            "Promises (batches) not in a signed checkpoint within the promise deadline, since the service started.");
        Meter.CreateObservableGauge(
            "evidencechain.sequencer.lag", ObserveSequencerLag, "{leaf}", "Leaves accepted (durable, promised) but not yet in a signed checkpoint.");
        Meter.CreateObservableGauge(
            "evidencechain.checkpoint.age", ObserveCheckpointAge, "s", "Seconds since the latest checkpoint was signed (an idle log signs none).");
        Meter.CreateObservableGauge(
            "evidencechain.anchor.lag", ObserveAnchorLag, "{leaf}", "Leaves in the latest signed checkpoint beyond the latest checkpoint anchored on chain.");
        Meter.CreateObservableGauge(
            "evidencechain.anchor.age", ObserveAnchorAge, "s", "Seconds since the latest checkpoint anchored on chain was signed.");
        Meter.CreateObservableGauge(
            "evidencechain.anchor.finality_depth", ObserveFinalityDepth, "{block}", "Blocks the newest included anchor still needs before the chain's finalized block reaches it (0: all final).");
        _tsaFailures = Meter.CreateCounter<long>(
            "evidencechain.tsa.failures", "{failure}", "Checkpoint stamps a TSA did not give, by authority and reason (refused, unreachable).");
        Meter.CreateObservableGauge(
            "evidencechain.ledger.reconciliation.difference", ObserveReconciliation, "{account}", "Escrow bank accounts whose ledger balance differed from the bank's closing balance in the latest daily reconciliation.");
        Meter.CreateObservableGauge(
            "evidencechain.intake.queue_depth", ObserveQueueDepth, "{leaf}", "Leaves waiting for a group commit.");
        Meter.CreateObservableGauge(
            "evidencechain.intake.queue_depth.limit", ObserveQueueDepthLimit, "{leaf}", "Leaves that may wait before new requests are refused (Intake:QueueDepthMaxLeaves).");
    }

    /// <summary>The meter every instrument is on.</summary>
    public Meter Meter { get; }

    /// <summary>The open promises (for tests).</summary>
    internal PromiseTracker Promises => _promises;

    internal void DepositsAccepted(int count) => _depositsAccepted.Add(count);

    internal void DepositsAcknowledged(int count)
    {
        if (count > 0)
        {
            _depositsAcknowledged.Add(count);
        }
    }

    /// <summary>A batch was stored: its promise is open until a checkpoint covers <paramref name="endTreeSize"/>.</summary>
    internal void Promised(ulong endTreeSize, long acceptedAtMs) => _promises.Promised(endTreeSize, acceptedAtMs);

    /// <summary>A checkpoint was signed: the promises it keeps are closed and their delays recorded.</summary>
    internal void CheckpointSigned(ulong treeSize, long signedAtMs)
    {
        foreach (long delayMs in _promises.Integrated(treeSize, signedAtMs))
        {
            _inclusionDelay.Record(delayMs / 1000.0);
        }
    }

    /// <summary>A TSA did not stamp a checkpoint; <paramref name="reason"/> is one of a fixed few words.</summary>
    internal void TsaFailed(string authority, string reason) =>
        _tsaFailures.Add(1, new KeyValuePair<string, object?>("tsa.authority", authority), new KeyValuePair<string, object?>("error.type", reason));

    /// <summary>The newest anchor on chain (included or final) is of the checkpoint of <paramref name="treeSize"/>, signed at <paramref name="signedAtMs"/>.</summary>
    internal void AnchorLanded(ulong treeSize, long signedAtMs)
    {
        lock (_anchorLock)
        {
            if (_anchored is not { } known || known.TreeSize < treeSize)
            {
                _anchored = (treeSize, signedAtMs);
            }
        }
    }

    internal void FinalityDepth(ulong blocks) => Interlocked.Exchange(ref _finalityDepthBlocks, (long)Math.Min(blocks, long.MaxValue));

    internal void WatchIntake(Func<int> queueDepth, int queueDepthLimit)
    {
        _queueDepth = queueDepth;
        _queueDepthLimit = queueDepthLimit;
    }

    internal void WatchLog(Func<(ulong AcceptedLeaves, StoredCheckpoint? Latest)> log) => _log = log;

    /// <summary>What the reconciliation gauge reads: the differing accounts of the latest reconciliation, null before the first.</summary>
    public void WatchReconciliation(Func<int?> differingAccounts) => _reconciliationDifference = differingAccounts;

    /// <summary>Leaves accepted but not in a signed checkpoint (0 when the checkpoint is ahead, which it never is).</summary>
    internal static ulong SequencerLag(ulong acceptedLeaves, StoredCheckpoint? latest) =>
        acceptedLeaves - Math.Min(acceptedLeaves, latest?.TreeSize ?? 0);

    /// <summary>Leaves of the latest checkpoint beyond the latest anchored one (all of them before any anchor).</summary>
    internal static ulong AnchorLag(StoredCheckpoint? latest, ulong? anchoredTreeSize) =>
        (latest?.TreeSize ?? 0) - Math.Min(latest?.TreeSize ?? 0, anchoredTreeSize ?? 0);

    public void Dispose() => Meter.Dispose();

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private double SecondsSince(long ms) => Math.Max(0, NowMs() - ms) / 1000.0;

    private IEnumerable<Measurement<long>> ObserveSequencerLag() =>
        _log?.Invoke() is var (accepted, latest) ? [new((long)SequencerLag(accepted, latest))] : [];

    private IEnumerable<Measurement<double>> ObserveCheckpointAge() =>
        _log?.Invoke().Latest is StoredCheckpoint latest ? [new(SecondsSince(latest.SignedAtMs))] : [];

    private IEnumerable<Measurement<long>> ObserveAnchorLag()
    {
        // Reported once anchoring has run a round (it sets the finality depth), so a log without
        // anchoring shows no lag rather than a lag that grows forever.
        if (_log is null || Interlocked.Read(ref _finalityDepthBlocks) < 0)
        {
            return [];
        }

        return [new((long)AnchorLag(_log().Latest, Anchored()?.TreeSize))];
    }

    private IEnumerable<Measurement<double>> ObserveAnchorAge() =>
        Anchored() is { } anchored ? [new(SecondsSince(anchored.SignedAtMs))] : [];

    private IEnumerable<Measurement<long>> ObserveFinalityDepth() =>
        Interlocked.Read(ref _finalityDepthBlocks) is long blocks and >= 0 ? [new(blocks)] : [];

    private IEnumerable<Measurement<long>> ObserveReconciliation() =>
        _reconciliationDifference?.Invoke() is int differing ? [new(differing)] : [];

    private IEnumerable<Measurement<long>> ObserveQueueDepth() =>
        _queueDepth is { } depth ? [new(depth())] : [];

    private IEnumerable<Measurement<long>> ObserveQueueDepthLimit() =>
        _queueDepth is null ? [] : [new(_queueDepthLimit)];

    private (ulong TreeSize, long SignedAtMs)? Anchored()
    {
        lock (_anchorLock)
        {
            return _anchored;
        }
    }
}
