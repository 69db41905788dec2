using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Ports;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Engine.Anchoring;

/// <summary>
/// Anchors the latest signed checkpoint on a chain and follows each anchor to finality. An anchor is
/// stored as pending before anything is sent, and each signed transaction before it is broadcast, so
/// a crash, an outage or a rejected transaction never loses an anchor or sends a second one with
/// another nonce: after a restart the stored transaction is sent again, replaced by one with higher
/// fees when it is stuck, and a root the chain already holds (our own earlier transaction) counts as
/// landed. An included anchor whose block left the canonical chain goes back to pending and its
/// transaction is sent again. Anchors on a chain that was reset (another genesis) are marked lost and
/// the latest checkpoint is anchored anew. Deposits and checkpoints never wait for any of this.
/// </summary>
public sealed partial class AnchorWorker
{
    private readonly ILogStore _store;
    private readonly IAnchorChain _chain;
    private readonly Digest _logId;
    private readonly TimeProvider _time;
    private readonly AnchorOptions _options;
    private readonly ILogger _logger;
    private readonly LogMetrics? _metrics;
    private bool _lostAnchorsMarked;
    private bool _landedKnown;
    private long _nextAnchorAtMs;
    private bool _following;

    public AnchorWorker(ILogStore store, IAnchorChain chain, Digest logId, TimeProvider time, AnchorOptions options, ILogger<AnchorWorker> logger, LogMetrics? metrics = null)
    {
        _metrics = metrics;
        _store = store;
        _chain = chain;
        _logId = logId;
        _time = time;
        _options = options;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        TimeSpan delay = _options.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
                delay = _following && _options.FollowInterval < _options.Interval ? _options.FollowInterval : _options.Interval;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The chain is down or refused: everything is stored, so wait longer and try again.
                LogChainFailure(_logger, delay, e);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryDelayMax.Ticks));
            }

            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round: record the latest checkpoint's anchor if new, send what is pending, and follow what is included.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        AnchorTarget target = await _chain.TargetAsync(cancellationToken).ConfigureAwait(false);
        if (!_lostAnchorsMarked)
        {
            MarkLostAnchors(target);
            _lostAnchorsMarked = true;
        }

        // Coalescing: at most one new anchor per interval, none while another is being sent; the
        // checkpoints in between are covered by the next one.
        StoredCheckpoint? latest = _store.LatestCheckpoint();
        if (latest is { TreeSize: > 0 }
            && Now() >= _nextAnchorAtMs
            && Unsettled(target, AnchorStatus.Pending).Count == 0
            && latest.TreeSize > (_store.LatestAnchor(target)?.TreeSize ?? 0))
        {
            _store.SaveAnchor(new StoredAnchor(latest.TreeSize, latest.Root, target, AnchorStatus.Pending, [], null, null, Now()));
            _nextAnchorAtMs = Now() + (long)_options.Interval.TotalMilliseconds;
        }

        foreach (StoredAnchor anchor in Unsettled(target, AnchorStatus.Pending))
        {
            await AdvanceAsync(anchor, cancellationToken).ConfigureAwait(false);
        }

        ulong final = await _chain.FinalBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        foreach (StoredAnchor anchor in Unsettled(target, AnchorStatus.Included))
        {
            await FollowAsync(anchor, final, cancellationToken).ConfigureAwait(false);
        }

        _following = _store.ReadUnsettledAnchors().Any(a => a.Target == target);
        Observe(target, final);
    }

    /// <summary>Tells the metrics the newest anchor on chain and how far the chain's finality trails the newest included one.</summary>
    private void Observe(AnchorTarget target, ulong finalBlock)
    {
        if (_metrics is null)
        {
            return;
        }

        if (!_landedKnown)
        {
            // Once per start: the newest landed anchor may sit behind a pending one, and only a scan finds it.
            StoredAnchor? latest = _store.LatestAnchor(target);
            StoredAnchor? landed = latest is { Status: AnchorStatus.Included or AnchorStatus.Final }
                ? latest
                : latest is null ? null : _store.ReadAnchors(target, 0, int.MaxValue).LastOrDefault(a => a.Status is AnchorStatus.Included or AnchorStatus.Final);
            if (landed is not null)
            {
                Landed(landed.TreeSize);
            }

            _landedKnown = true;
        }

        ulong depth = 0;
        foreach (StoredAnchor included in Unsettled(target, AnchorStatus.Included))
        {
            depth = Math.Max(depth, included.Inclusion!.BlockNumber - Math.Min(included.Inclusion.BlockNumber, finalBlock));
        }

        _metrics.FinalityDepth(depth);
    }

    private void Landed(ulong treeSize)
    {
        if (_store.FindCheckpoint(treeSize) is StoredCheckpoint checkpoint)
        {
            _metrics?.AnchorLanded(treeSize, checkpoint.SignedAtMs);
        }
    }

    /// <summary>This target's anchors in <paramref name="status"/> (pending or included): a few, found by index.</summary>
    private List<StoredAnchor> Unsettled(AnchorTarget target, AnchorStatus status) =>
        [.. _store.ReadUnsettledAnchors().Where(a => a.Target == target && a.Status == status)];

    /// <summary>Anchors made on this chain id under another genesis are gone with the chain that held them.</summary>
    private void MarkLostAnchors(AnchorTarget target)
    {
        IEnumerable<AnchorTarget> gone = _store.ReadAnchorTargets().Where(t => t.Kind == target.Kind
            && t.ChainId == target.ChainId
            && !string.Equals(t.GenesisHash, target.GenesisHash, StringComparison.OrdinalIgnoreCase));
        foreach (StoredAnchor anchor in gone.SelectMany(t => _store.ReadAnchors(t, 0, int.MaxValue)).Where(a => a.Status != AnchorStatus.Lost))
        {
            _store.SaveAnchor(anchor with { Status = AnchorStatus.Lost, UpdatedAtMs = Now() });
            LogLost(_logger, anchor.TreeSize, anchor.Target.ToString(), target.GenesisHash);
        }
    }

    private async Task AdvanceAsync(StoredAnchor anchor, CancellationToken cancellationToken)
    {
        ChainInclusion? landed = await _chain.FindAnchorAsync(anchor.Root, cancellationToken).ConfigureAwait(false);
        if (landed is not null)
        {
            await IncludedAsync(anchor, landed, cancellationToken).ConfigureAwait(false);
            return;
        }

        AnchorAttempt? last = anchor.Attempts.Count == 0 ? null : anchor.Attempts[^1];
        AnchorAttempt attempt = await ChooseAttemptAsync(anchor, last, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(attempt, last))
        {
            // Stored before it is broadcast: a crash right after sending must find it.
            anchor = anchor with { Attempts = [.. anchor.Attempts, attempt], UpdatedAtMs = Now() };
            _store.SaveAnchor(anchor);
            LogSending(_logger, anchor.TreeSize, attempt.TransactionHash, attempt.Nonce, attempt.MaxFeePerGas);
        }

        await _chain.BroadcastAsync(attempt, cancellationToken).ConfigureAwait(false);
        landed = await WaitForInclusionAsync(attempt, cancellationToken).ConfigureAwait(false);
        if (landed is not null)
        {
            await IncludedAsync(anchor, landed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The transaction to broadcast now: the last one again, a higher-fee replacement when it is stuck, or a new one when its nonce was used.</summary>
    private async Task<AnchorAttempt> ChooseAttemptAsync(StoredAnchor anchor, AnchorAttempt? last, CancellationToken cancellationToken)
    {
        // A used nonce without our root on chain: our transaction reverted or another one took the nonce.
        if (last is null || await _chain.MinedNonceAsync(cancellationToken).ConfigureAwait(false) > last.Nonce)
        {
            return await _chain.SignAnchorAsync(_logId, anchor.TreeSize, anchor.Root, null, Now(), cancellationToken).ConfigureAwait(false);
        }

        if (Now() - last.SentAtMs < (long)_options.StuckAfter.TotalMilliseconds)
        {
            return last;
        }

        AnchorAttempt replacement = await _chain.SignAnchorAsync(_logId, anchor.TreeSize, anchor.Root, last, Now(), cancellationToken).ConfigureAwait(false);
        if (replacement.MaxFeePerGas <= last.MaxFeePerGas)
        {
            // The fee cap is reached: keep offering the same transaction rather than paying more.
            LogFeeCapReached(_logger, anchor.TreeSize, last.TransactionHash);
            return last;
        }

        return replacement;
    }

    private async Task<ChainInclusion?> WaitForInclusionAsync(AnchorAttempt attempt, CancellationToken cancellationToken)
    {
        long deadline = Now() + (long)_options.ReceiptWait.TotalMilliseconds;
        while (true)
        {
            AttemptOutcome? outcome = await _chain.OutcomeAsync(attempt.TransactionHash, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                // A reverted transaction used its nonce; the next round signs a new one (and learns why if the contract still refuses).
                return outcome.Inclusion;
            }

            if (Now() >= deadline)
            {
                return null;
            }

            await Task.Delay(_options.ReceiptPoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task IncludedAsync(StoredAnchor anchor, ChainInclusion inclusion, CancellationToken cancellationToken)
    {
        anchor = anchor with { Status = AnchorStatus.Included, Inclusion = inclusion, Proof = null, UpdatedAtMs = Now() };
        _store.SaveAnchor(anchor);
        LogIncluded(_logger, anchor.TreeSize, inclusion.BlockNumber, inclusion.TransactionHash);
        Landed(anchor.TreeSize);
        await ProveAsync(anchor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoredAnchor> ProveAsync(StoredAnchor anchor, CancellationToken cancellationToken)
    {
        InclusionProof proof = await _chain.ProveAsync(anchor.Inclusion!, cancellationToken).ConfigureAwait(false);
        anchor = anchor with { Proof = proof, UpdatedAtMs = Now() };
        _store.SaveAnchor(anchor);
        return anchor;
    }

    private async Task FollowAsync(StoredAnchor anchor, ulong finalBlock, CancellationToken cancellationToken)
    {
        ChainInclusion inclusion = anchor.Inclusion!;
        string? canonical = await _chain.BlockHashAsync(inclusion.BlockNumber, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(canonical, inclusion.BlockHash, StringComparison.OrdinalIgnoreCase))
        {
            // The block that held it is gone: offer the same signed transaction again (same nonce).
            anchor = anchor with { Status = AnchorStatus.Pending, Inclusion = null, Proof = null, UpdatedAtMs = Now() };
            _store.SaveAnchor(anchor);
            LogReorganized(_logger, anchor.TreeSize, inclusion.BlockNumber);
            await AdvanceAsync(anchor, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (anchor.Proof is null)
        {
            anchor = await ProveAsync(anchor, cancellationToken).ConfigureAwait(false);
        }

        if (inclusion.BlockNumber <= finalBlock)
        {
            _store.SaveAnchor(anchor with { Status = AnchorStatus.Final, UpdatedAtMs = Now() });
            LogFinal(_logger, anchor.TreeSize, inclusion.BlockNumber);
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Anchoring failed; retrying in {Delay}.")]
    private static partial void LogChainFailure(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Anchoring checkpoint {TreeSize}: transaction {TransactionHash} (nonce {Nonce}, max fee {MaxFeePerGas} wei/gas).")]
    private static partial void LogSending(ILogger logger, ulong treeSize, string transactionHash, ulong nonce, ulong maxFeePerGas);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The anchor of checkpoint {TreeSize} is stuck at the fee cap; sending {TransactionHash} again.")]
    private static partial void LogFeeCapReached(ILogger logger, ulong treeSize, string transactionHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {TreeSize} anchored in block {BlockNumber} (transaction {TransactionHash}).")]
    private static partial void LogIncluded(ILogger logger, ulong treeSize, ulong blockNumber, string transactionHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The block {BlockNumber} holding the anchor of checkpoint {TreeSize} left the chain; sending its transaction again.")]
    private static partial void LogReorganized(ILogger logger, ulong treeSize, ulong blockNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "The anchor of checkpoint {TreeSize} in block {BlockNumber} is final.")]
    private static partial void LogFinal(ILogger logger, ulong treeSize, ulong blockNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The anchor of checkpoint {TreeSize} on {Target} is lost: the chain now has genesis {Genesis}. The latest checkpoint is anchored anew.")]
    private static partial void LogLost(ILogger logger, ulong treeSize, string target, string genesis);
}
