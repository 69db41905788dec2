using System.Threading.Channels;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Deposits;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Engine.Intake;

/// <summary>
/// Appends to the log with group commit: deposit requests and records (custody events, …) are
/// validated on arrival, queued (bounded), and taken in batches by one writer that builds the
/// leaves, signs one promise per batch, stores the batch durably (fsync) and only then answers
/// every submission in it. Leaf order is fixed, and durable, before anything is acknowledged.
/// Resent deposit entries get their original deposit back.
/// </summary>
public sealed partial class LogIntake
{
    private readonly ILogStore _store;
    private readonly Notary _notary;
    private readonly TimeProvider _time;
    private readonly IntakeOptions _options;
    private readonly ILogger _logger;
    private readonly LogMetrics? _metrics;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _queuedLeaves;
    private volatile string? _fault;

    public LogIntake(ILogStore store, Notary notary, TimeProvider time, IntakeOptions options, ILogger<LogIntake> logger, LogMetrics? metrics = null)
    {
        _store = store;
        _notary = notary;
        _time = time;
        _options = options;
        _logger = logger;
        _metrics = metrics;
        metrics?.WatchIntake(() => Volatile.Read(ref _queuedLeaves), options.QueueDepthMaxLeaves);
    }

    /// <summary>Raised after each batch is durably stored (the sequencer listens, to sign early under load).</summary>
    public event Action? BatchStored;

    /// <summary>Set once a store write has failed: intake then refuses everything, since acknowledged state is unknown.</summary>
    public string? Fault => _fault;

    /// <summary>Validates a request and waits until it is durably accepted (or refused).</summary>
    public Task<DepositOutcome> SubmitAsync(DepositSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var request = new DepositRequest(_notary.Origin, submission.Entries, submission.Stamp);
        DepositRejection rejection = request.TryValidate(submission.KeyAlgorithm, submission.PublicKey, submission.Sm2UserId ?? [], submission.Signature, out int entryIndex, out PartyKey? key);
        if (rejection != DepositRejection.None)
        {
            return Task.FromResult(Reject(rejection, entryIndex));
        }

        if (submission.Stamp is RequestStamp stamp && Unfresh(stamp, key!.Fingerprint) is DepositOutcome refused)
        {
            return Task.FromResult(refused);
        }

        if (_fault is not null)
        {
            return Task.FromResult(DepositOutcome.Rejected(DepositOutcomeStatus.Unavailable, "deposits are stopped after a storage failure: " + _fault));
        }

        int count = submission.Entries.Count;
        if (Interlocked.Add(ref _queuedLeaves, count) > _options.QueueDepthMaxLeaves)
        {
            Interlocked.Add(ref _queuedLeaves, -count);
            return Task.FromResult(DepositOutcome.Rejected(DepositOutcomeStatus.QueueFull, $"the deposit queue is full ({_options.QueueDepthMaxLeaves} leaves waiting); retry shortly"));
        }

        var pending = new PendingDeposit(request, submission, key!, new TaskCompletionSource<DepositOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedLeaves, -count);
            return Task.FromResult(DepositOutcome.Rejected(DepositOutcomeStatus.Unavailable, "the service is shutting down"));
        }

        _metrics?.DepositsAccepted(count);

        // A caller that gives up does not take its deposit back: once queued it will be stored and
        // found again by a resend, so only the wait is cancelled.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Appends a record leaf with its record (stored beside the log) in the next group commit and
    /// returns its leaf index once it is durable.
    /// </summary>
    /// <exception cref="QueryException">Unavailable: storage has failed, the queue is full, or the service is stopping.</exception>
    public Task<ulong> RecordAsync(RecordLeaf leaf, LeafRecord record, CancellationToken cancellationToken) =>
        Enqueue(leaf, record, limited: true).WaitAsync(cancellationToken);

    /// <summary>
    /// Appends the record of a change already applied in memory (a ledger batch): queued at once,
    /// even past the queue's depth limit — refusing it would leave memory ahead of the disk — and
    /// refused only when storage has failed or the service is stopping. The caller (one writer)
    /// bounds how many are in flight. The returned task completes when it is durable, in queue order.
    /// </summary>
    /// <exception cref="QueryException">Unavailable: storage has failed, or the service is stopping.</exception>
    public Task<ulong> RecordAppliedAsync(RecordLeaf leaf, LeafRecord record) => Enqueue(leaf, record, limited: false);

    private Task<ulong> Enqueue(RecordLeaf leaf, LeafRecord record, bool limited)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(record);
        if (_fault is not null)
        {
            throw new QueryException(QueryFailure.Unavailable, "records are stopped after a storage failure: " + _fault);
        }

        if (Interlocked.Increment(ref _queuedLeaves) > _options.QueueDepthMaxLeaves && limited)
        {
            Interlocked.Decrement(ref _queuedLeaves);
            throw new QueryException(QueryFailure.Unavailable, $"the log's queue is full ({_options.QueueDepthMaxLeaves} leaves waiting); retry shortly");
        }

        var pending = new PendingRecord(leaf.Encode(), record, new TaskCompletionSource<ulong>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _queuedLeaves);
            throw new QueryException(QueryFailure.Unavailable, "the service is shutting down");
        }

        return pending.Completion.Task;
    }

    /// <summary>The group-commit loop; runs until <paramref name="stoppingToken"/> fires, then drains what is queued.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                CommitWaiting(group);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            CommitWaiting(group);
        }
    }

    private void CommitWaiting(List<Pending> group)
    {
        while (true)
        {
            group.Clear();
            int leaves = 0;
            while (leaves < _options.BatchLeavesMax && _queue.Reader.TryPeek(out Pending? next)
                && (group.Count == 0 || leaves + next.LeafCount <= _options.BatchLeavesMax)
                && _queue.Reader.TryRead(out next))
            {
                group.Add(next);
                leaves += next.LeafCount;
            }

            if (group.Count == 0)
            {
                return;
            }

            Commit(group);
            Interlocked.Add(ref _queuedLeaves, -leaves);
        }
    }

    private void Commit(List<Pending> group)
    {
        if (_fault is not null)
        {
            Refuse(group, "deposits are stopped after a storage failure: " + _fault);
            return;
        }

        try
        {
            var deposits = group.OfType<PendingDeposit>().ToList();
            var records = group.OfType<PendingRecord>().ToList();
            var plan = GroupCommit.Plan(
                _store,
                _notary,
                deposits.Select(p => new GroupCommit.Deposit(p.Request, p.Submission, p.Key)).ToList(),
                records.Select(p => (p.Leaf, p.Record)).ToList(),
                _time.GetUtcNow().ToUnixTimeMilliseconds());
            if (plan.Batch is not null)
            {
                _store.AppendBatch(plan.Batch);
                _metrics?.Promised(plan.Batch.FirstLeafIndex + (ulong)plan.Batch.Leaves.Count, plan.Batch.AcceptedAtMs);
                BatchStored?.Invoke();
            }

            _metrics?.DepositsAcknowledged(plan.Outcomes.Sum(o => o.Status == DepositOutcomeStatus.Accepted ? o.Deposits.Count : 0));

            for (int i = 0; i < deposits.Count; i++)
            {
                deposits[i].Completion.TrySetResult(plan.Outcomes[i]);
            }

            for (int i = 0; i < records.Count; i++)
            {
                records[i].Completion.TrySetResult(plan.RecordLeafIndices[i]);
            }
        }
        catch (Exception e)
        {
            // After a failed write nobody can say what is on disk: stop taking deposits rather
            // than acknowledge on top of an unknown state. Restarting re-reads the store.
            _fault = e.Message;
            LogStoreFailure(_logger, e);
            Refuse(group, "the deposit could not be stored: " + e.Message);
        }
    }

    private static void Refuse(List<Pending> group, string reason)
    {
        foreach (Pending pending in group)
        {
            switch (pending)
            {
                case PendingDeposit deposit:
                    deposit.Completion.TrySetResult(DepositOutcome.Rejected(DepositOutcomeStatus.Unavailable, reason));
                    break;
                case PendingRecord record:
                    record.Completion.TrySetException(new QueryException(QueryFailure.Unavailable, reason.Replace("deposit", "record", StringComparison.Ordinal)));
                    break;
            }
        }
    }

    /// <summary>A stamped request signed outside the window, or whose nonce its key already used (checked again at commit, for requests in flight together).</summary>
    private DepositOutcome? Unfresh(RequestStamp stamp, Digest keyFingerprint)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (!stamp.IsFresh(now, _options.RequestWindow))
        {
            return DepositOutcome.Rejected(
                DepositOutcomeStatus.Stale,
                $"the request says it was signed at {DateTimeOffset.FromUnixTimeMilliseconds(stamp.IssuedAtMs):yyyy-MM-dd HH:mm:ss} UTC, more than {_options.RequestWindow.TotalMinutes:0.#} minutes from the notary's clock ({DateTimeOffset.FromUnixTimeMilliseconds(now):yyyy-MM-dd HH:mm:ss} UTC); check the clock and sign it again");
        }

        return _store.HasReplayKey(stamp.ReplayKey(keyFingerprint)) ? GroupCommit.Replayed : null;
    }

    private static DepositOutcome Reject(DepositRejection rejection, int entryIndex)
    {
        string where = entryIndex >= 0 ? $"entry {entryIndex}: " : string.Empty;
        return rejection switch
        {
            DepositRejection.BadSignature => DepositOutcome.Rejected(DepositOutcomeStatus.BadSignature, "the depositor's signature does not verify over these entries for this log"),
            DepositRejection.NoEntries => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, "the request has no entries"),
            DepositRejection.TooManyEntries => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, $"a request holds at most {DepositRequest.EntryCountMax} entries"),
            DepositRejection.UnknownContentKind => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, where + "unknown content kind"),
            DepositRejection.UnitCountOutOfRange => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, where + "the unit count must be 1 to 1,048,576"),
            DepositRejection.MalformedPublicKey => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, "the depositor public key must be a 32-byte Ed25519 key or a 65-byte uncompressed SM2 point on the curve (with a user ID of at most 255 bytes)"),
            DepositRejection.MalformedSignature => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, "the signature must be 64 bytes"),
            DepositRejection.MalformedStamp => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, $"a stamped request has a {RequestStamp.NonceLengthBytes}-byte nonce and a time since 1970"),
            _ => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, rejection.ToString()),
        };
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storing a deposit batch failed; deposits are stopped until restart.")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception);

    private abstract record Pending(int LeafCount);

    private sealed record PendingDeposit(DepositRequest Request, DepositSubmission Submission, PartyKey Key, TaskCompletionSource<DepositOutcome> Completion)
        : Pending(Request.Entries.Count);

    private sealed record PendingRecord(byte[] Leaf, LeafRecord Record, TaskCompletionSource<ulong> Completion)
        : Pending(1);
}
