using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Ports;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Engine.Anchoring;

/// <summary>
/// Anchors the latest signed checkpoint on a chain and follows each anchor to finality. An anchor is
/// stored as pending before anything is sent, so a crash, an outage or a rejected transaction never
/// loses it; a pending anchor whose root the chain already holds (our own earlier transaction) is
/// taken as landed rather than sent twice. An included anchor whose block left the canonical chain
/// (a reorganization) goes back to pending and is sent again. Deposits and checkpoints never wait
/// for any of this.
/// </summary>
public sealed partial class AnchorWorker
{
    private readonly ILogStore _store;
    private readonly IAnchorChain _chain;
    private readonly Digest _logId;
    private readonly TimeProvider _time;
    private readonly AnchorOptions _options;
    private readonly ILogger _logger;

    public AnchorWorker(ILogStore store, IAnchorChain chain, Digest logId, TimeProvider time, AnchorOptions options, ILogger<AnchorWorker> logger)
    {
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
                delay = _options.Interval;
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
        IReadOnlyList<StoredAnchor> anchors = _store.ReadAnchors();
        StoredCheckpoint? latest = _store.LatestCheckpoint();
        if (latest is { TreeSize: > 0 } && (anchors.Count == 0 || anchors[^1].TreeSize < latest.TreeSize))
        {
            _store.SaveAnchor(new StoredAnchor(latest.TreeSize, latest.Root, _chain.ChainName, AnchorStatus.Pending, null, Now()));
            anchors = _store.ReadAnchors();
        }

        foreach (StoredAnchor anchor in anchors.Where(a => a.Status == AnchorStatus.Pending))
        {
            await SendAsync(anchor, cancellationToken).ConfigureAwait(false);
        }

        ulong final = await _chain.FinalBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        foreach (StoredAnchor anchor in _store.ReadAnchors().Where(a => a.Status == AnchorStatus.Included))
        {
            await FollowAsync(anchor, final, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(StoredAnchor anchor, CancellationToken cancellationToken)
    {
        // A pending anchor may have been sent before a crash: look before sending again.
        ChainInclusion inclusion = await _chain.FindAnchorAsync(anchor.Root, cancellationToken).ConfigureAwait(false)
            ?? await _chain.AnchorAsync(_logId, anchor.TreeSize, anchor.Root, cancellationToken).ConfigureAwait(false);
        _store.SaveAnchor(anchor with { Status = AnchorStatus.Included, Inclusion = inclusion, UpdatedAtMs = Now() });
        LogIncluded(_logger, anchor.TreeSize, inclusion.BlockNumber, inclusion.TransactionHash);
    }

    private async Task FollowAsync(StoredAnchor anchor, ulong finalBlock, CancellationToken cancellationToken)
    {
        ChainInclusion inclusion = anchor.Inclusion!;
        string? canonical = await _chain.BlockHashAsync(inclusion.BlockNumber, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(canonical, inclusion.BlockHash, StringComparison.OrdinalIgnoreCase))
        {
            // The block that held it is gone: the anchor must be sent again.
            _store.SaveAnchor(anchor with { Status = AnchorStatus.Pending, Inclusion = null, UpdatedAtMs = Now() });
            LogReorganized(_logger, anchor.TreeSize, inclusion.BlockNumber);
            return;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {TreeSize} anchored in block {BlockNumber} (transaction {TransactionHash}).")]
    private static partial void LogIncluded(ILogger logger, ulong treeSize, ulong blockNumber, string transactionHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The block {BlockNumber} holding the anchor of checkpoint {TreeSize} left the chain; anchoring again.")]
    private static partial void LogReorganized(ILogger logger, ulong treeSize, ulong blockNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "The anchor of checkpoint {TreeSize} in block {BlockNumber} is final.")]
    private static partial void LogFinal(ILogger logger, ulong treeSize, ulong blockNumber);
}
