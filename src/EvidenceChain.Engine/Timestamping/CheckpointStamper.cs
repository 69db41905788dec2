using System.Text;
using EvidenceChain.Core;
using EvidenceChain.Core.Checkpoints;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Engine.Observability;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Timestamping;
using Microsoft.Extensions.Logging;

namespace EvidenceChain.Engine.Timestamping;

/// <summary>
/// Asks the configured TSAs for RFC 3161 tokens over checkpoints (docs/timestamping.md §Checkpoint
/// stamps) and keeps them with the checkpoint, for receipts to carry: the latest checkpoint at most once
/// per <see cref="CheckpointStamperOptions.Interval"/>, and only when the log grew by something other than
/// the built-in TSA's own token leaves (so an idle log is not stamped forever); every anchored checkpoint
/// always. The imprint is the SHA-256 of the checkpoint's text without its signatures. A TSA that fails
/// is asked again on the next round; a reply that does not answer the request is never kept.
/// </summary>
public sealed partial class CheckpointStamper(
    ILogStore store,
    ITimestampStore timestamps,
    IReadOnlyList<ITimestampAuthorityClient> authorities,
    TimeProvider time,
    RandomSource random,
    CheckpointStamperOptions options,
    ILogger<CheckpointStamper> logger,
    LogMetrics? metrics = null)
{
    private long _nextLatestStampAtMs;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                // The store refused (it is failing or stopping): nothing was kept; the next round asks again.
                LogRoundFailed(logger, e.Message);
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One round: the anchored checkpoints not yet stamped by every TSA, then the latest when it is due.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        if (store.LatestCheckpoint() is not StoredCheckpoint latest)
        {
            return;
        }

        foreach (AnchorTarget target in store.ReadAnchorTargets())
        {
            if (store.LatestAnchor(target) is { Status: not AnchorStatus.Lost } anchor && store.FindCheckpoint(anchor.TreeSize) is StoredCheckpoint anchored)
            {
                await StampAsync(anchored, cancellationToken).ConfigureAwait(false);
            }
        }

        long nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (nowMs >= _nextLatestStampAtMs && GrewSinceLastStamp(latest.TreeSize))
        {
            _nextLatestStampAtMs = nowMs + (long)options.Interval.TotalMilliseconds;
            await StampAsync(latest, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The SHA-256 imprint of a checkpoint: over its text, the signed note without the signatures (receipt.md §Timestamps).</summary>
    public static TimestampImprint ImprintOf(string checkpointNote)
    {
        ArgumentNullException.ThrowIfNull(checkpointNote);
        int end = checkpointNote.IndexOf("\n\n", StringComparison.Ordinal);
        Verdict parsed = Checkpoint.TryParse(end < 0 ? checkpointNote : checkpointNote[..(end + 1)], out Checkpoint? checkpoint);
        return parsed.IsValid
            ? TimestampImprint.Compute(TimestampHash.Sha256, Encoding.UTF8.GetBytes(checkpoint!.ToNoteText()))
            : throw new InvalidOperationException("A stored checkpoint does not parse: " + parsed.Detail);
    }

    private async Task StampAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var stamped = timestamps.ReadTimestamps(checkpoint.TreeSize, authorities.Count + 1)
            .Where(t => t.TreeSize == checkpoint.TreeSize)
            .Select(t => t.Authority)
            .ToHashSet(StringComparer.Ordinal);
        TimestampImprint imprint = ImprintOf(checkpoint.Note);
        foreach (ITimestampAuthorityClient authority in authorities.Where(a => !stamped.Contains(a.Name)))
        {
            TimestampRequest request = TimestampRequest.Create(imprint, random.Invoke);
            try
            {
                TimestampResponseVerdict answer = request.ReadResponse(await authority.ExchangeAsync(request.Der, cancellationToken).ConfigureAwait(false));
                if (!answer.Answers)
                {
                    LogRefused(logger, authority.Name, checkpoint.TreeSize, answer.ToString());
                    metrics?.TsaFailed(authority.Name, "refused");
                    continue;
                }

                timestamps.SaveTimestamp(new StoredTimestamp(checkpoint.TreeSize, authority.Name, answer.TokenDer!, time.GetUtcNow().ToUnixTimeMilliseconds()));
                LogStamped(logger, authority.Name, checkpoint.TreeSize);
            }
            catch (TimestampAuthorityException e)
            {
                LogUnreachable(logger, authority.Name, checkpoint.TreeSize, e.Message);
                metrics?.TsaFailed(authority.Name, "unreachable");
            }
        }
    }

    /// <summary>Whether leaves other than the built-in TSA's own tokens came since the largest stamped checkpoint.</summary>
    private bool GrewSinceLastStamp(ulong latestTreeSize)
    {
        ulong stampedSize = timestamps.LatestTimestampedTreeSize();
        if (latestTreeSize <= stampedSize)
        {
            return false;
        }

        if (latestTreeSize - stampedSize > ILogStore.LeavesPerReadMax)
        {
            return true;
        }

        return store.ReadLeaves(stampedSize, (int)(latestTreeSize - stampedSize))
            .Any(leaf => leaf.Length < 2 || (LeafType)leaf[1] != LeafType.TimestampToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of checkpoint stamping failed: {Reason}. Tried again next round.")]
    private static partial void LogRoundFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {TreeSize} stamped by {Authority}.")]
    private static partial void LogStamped(ILogger logger, string authority, ulong treeSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The TSA {Authority} did not stamp checkpoint {TreeSize}: {Reason}. Asked again next round.")]
    private static partial void LogRefused(ILogger logger, string authority, ulong treeSize, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The TSA {Authority} could not be asked to stamp checkpoint {TreeSize}: {Reason}. Asked again next round.")]
    private static partial void LogUnreachable(ILogger logger, string authority, ulong treeSize, string reason);
}
