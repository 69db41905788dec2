using System.Diagnostics;
using EvidenceChain.Protocol.V1;
using Grpc.Core;

/// <summary>
/// Times each acknowledged request from its acknowledgement to the first signed checkpoint that
/// includes its last leaf (tree size greater than that leaf's index). One <c>GetCheckpoint</c> call
/// at a time, every <see cref="PollInterval"/>, so the watch adds about 50 small reads a second to
/// the run; the figure is late by up to one interval plus one call.
/// </summary>
internal sealed class CheckpointWatch
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Lock _lock = new();
    private readonly List<(long AcknowledgedAt, ulong LastLeafIndex)> _waiting = [];
    private readonly List<double> _latenciesMs = [];
    private ulong _treeSize;

    /// <summary>GetCheckpoint calls made.</summary>
    public int Polls { get; private set; }

    /// <summary>Requests whose last leaf was in a checkpoint already seen when their answer arrived (counted as 0 ms).</summary>
    public int IncludedWhenAcknowledged { get; private set; }

    /// <summary>Checkpoints (distinct tree sizes) seen while watching.</summary>
    public int CheckpointsSeen { get; private set; }

    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Milliseconds from acknowledgement to inclusion, one per request resolved so far.</summary>
    public List<double> LatenciesMs()
    {
        lock (_lock)
        {
            return [.. _latenciesMs];
        }
    }

    /// <summary>A request's acknowledgement arrived at <paramref name="acknowledgedAt"/> (a Stopwatch timestamp).</summary>
    public void Acknowledged(long acknowledgedAt, ulong lastLeafIndex)
    {
        lock (_lock)
        {
            // A checkpoint already seen covers it: signed before its answer reached us.
            if (lastLeafIndex < _treeSize)
            {
                _latenciesMs.Add(0);
                IncludedWhenAcknowledged++;
            }
            else
            {
                _waiting.Add((acknowledgedAt, lastLeafIndex));
            }
        }
    }

    /// <summary>Polls until cancelled.</summary>
    public async Task RunAsync(EvidenceService.EvidenceServiceClient client, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                GetCheckpointResponse checkpoint = await client.GetCheckpointAsync(new GetCheckpointRequest(), cancellationToken: cancellationToken);
                long seenAt = Stopwatch.GetTimestamp();
                Polls++;
                lock (_lock)
                {
                    if (checkpoint.TreeSize > _treeSize)
                    {
                        _treeSize = checkpoint.TreeSize;
                        CheckpointsSeen++;
                        foreach ((long acknowledgedAt, ulong lastLeafIndex) in _waiting)
                        {
                            if (lastLeafIndex < _treeSize)
                            {
                                _latenciesMs.Add(Math.Max(0, Stopwatch.GetElapsedTime(acknowledgedAt, seenAt).TotalMilliseconds));
                            }
                        }

                        _waiting.RemoveAll(w => w.LastLeafIndex < _treeSize);
                    }
                }

                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Waits (bounded) until every acknowledged request is in a checkpoint; false on timeout.</summary>
    public async Task<bool> WaitAllIncludedAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Waiting > 0)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(PollInterval);
        }

        return true;
    }
}
