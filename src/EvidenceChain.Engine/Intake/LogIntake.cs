using System.Threading.Channels;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Merkle;
using EvidenceChain.Engine.Ports;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Engine.Deposits;

/// <summary>
/// Accepts deposit requests with group commit: requests are validated on arrival, queued (bounded),
/// and taken in batches by one writer that builds the leaves, signs one promise per batch, stores
/// the batch durably (fsync) and only then answers every request in it. Leaf order is fixed, and
/// durable, before anything is acknowledged. Resent entries get their original deposit back.
/// </summary>
public sealed partial class DepositIntake
{
    private readonly ILogStore _store;
    private readonly Notary _notary;
    private readonly TimeProvider _time;
    private readonly IntakeOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _queuedLeaves;
    private volatile string? _fault;

    public DepositIntake(ILogStore store, Notary notary, TimeProvider time, IntakeOptions options, ILogger<DepositIntake> logger)
    {
        _store = store;
        _notary = notary;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Raised after each batch is durably stored (the sequencer listens, to sign early under load).</summary>
    public event Action? BatchStored;

    /// <summary>Set once a store write has failed: intake then refuses everything, since acknowledged state is unknown.</summary>
    public string? Fault => _fault;

    /// <summary>Validates a request and waits until it is durably accepted (or refused).</summary>
    public Task<DepositOutcome> SubmitAsync(DepositSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var request = new DepositRequest(_notary.Origin, submission.Entries);
        DepositRejection rejection = request.TryValidate(submission.PublicKey, submission.Signature, out int entryIndex);
        if (rejection != DepositRejection.None)
        {
            return Task.FromResult(Reject(rejection, entryIndex));
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

        var pending = new Pending(request, submission, new TaskCompletionSource<DepositOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedLeaves, -count);
            return Task.FromResult(DepositOutcome.Rejected(DepositOutcomeStatus.Unavailable, "the service is shutting down"));
        }

        // A caller that gives up does not take its deposit back: once queued it will be stored and
        // found again by a resend, so only the wait is cancelled.
        return pending.Completion.Task.WaitAsync(cancellationToken);
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
                && (group.Count == 0 || leaves + next.Request.Entries.Count <= _options.BatchLeavesMax)
                && _queue.Reader.TryRead(out next))
            {
                group.Add(next);
                leaves += next.Request.Entries.Count;
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
            foreach (Pending pending in group)
            {
                pending.Completion.TrySetResult(DepositOutcome.Rejected(DepositOutcomeStatus.Unavailable, "deposits are stopped after a storage failure: " + _fault));
            }

            return;
        }

        try
        {
            var plan = GroupCommit.Plan(_store, _notary, group.Select(p => (p.Request, p.Submission)).ToList(), _time.GetUtcNow().ToUnixTimeMilliseconds());
            if (plan.Batch is not null)
            {
                _store.AppendBatch(plan.Batch);
                BatchStored?.Invoke();
            }

            for (int i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(plan.Outcomes[i]);
            }
        }
        catch (Exception e)
        {
            // After a failed write nobody can say what is on disk: stop taking deposits rather
            // than acknowledge on top of an unknown state. Restarting re-reads the store.
            _fault = e.Message;
            LogStoreFailure(_logger, e);
            foreach (Pending pending in group)
            {
                pending.Completion.TrySetResult(DepositOutcome.Rejected(DepositOutcomeStatus.Unavailable, "the deposit could not be stored: " + e.Message));
            }
        }
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
            DepositRejection.MalformedPublicKey => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, "the depositor public key must be a 32-byte Ed25519 key"),
            DepositRejection.MalformedSignature => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, "the signature must be 64 bytes"),
            _ => DepositOutcome.Rejected(DepositOutcomeStatus.InvalidRequest, rejection.ToString()),
        };
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storing a deposit batch failed; deposits are stopped until restart.")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception);

    private sealed record Pending(DepositRequest Request, DepositSubmission Submission, TaskCompletionSource<DepositOutcome> Completion);
}
