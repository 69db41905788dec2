using System.Diagnostics;

namespace EvidenceChain.Engine.Observability;

/// <summary>
/// The promises given (one per stored batch) that no signed checkpoint covers yet, for two measures:
/// the delay from a promise to the checkpoint that kept it, and how many promises were broken — not
/// covered within the deadline. A promise counts as broken from the moment its deadline passes,
/// whether its batch is integrated later or never (a halted sequencer), so the count only grows.
/// Times are Unix milliseconds given by the caller; nothing here reads a clock.
/// </summary>
/// <remarks>
/// Batches arrive in leaf order from the one group-commit writer, so the open promises form a queue.
/// It holds at most <see cref="OpenCountMax"/>: the oldest is dropped beyond that (counted as broken
/// if already overdue). Promises given before a restart are not known here.
/// </remarks>
internal sealed class PromiseTracker
{
    /// <summary>Open promises remembered at most (a halted sequencer must not grow memory without bound).</summary>
    public const int OpenCountMax = 65_536;

    private readonly Queue<(ulong EndTreeSize, long AcceptedAtMs)> _open = new();
    private readonly Lock _lock = new();
    private readonly long _deadlineMs;
    private long _brokenClosed;
    private long _brokenReported;

    /// <param name="deadline">How long after acceptance a batch must be in a signed checkpoint.</param>
    public PromiseTracker(TimeSpan deadline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        _deadlineMs = (long)deadline.TotalMilliseconds;
    }

    /// <summary>How many promises are open.</summary>
    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>A batch ending at tree size <paramref name="endTreeSize"/> was stored and promised at <paramref name="acceptedAtMs"/>.</summary>
    public void Promised(ulong endTreeSize, long acceptedAtMs)
    {
        lock (_lock)
        {
            Debug.Assert(_open.Count == 0 || _open.Peek().EndTreeSize < endTreeSize, "batches arrive in leaf order");
            if (_open.Count == OpenCountMax)
            {
                (_, long oldestAtMs) = _open.Dequeue();
                if (acceptedAtMs - oldestAtMs > _deadlineMs)
                {
                    _brokenClosed++;
                }
            }

            _open.Enqueue((endTreeSize, acceptedAtMs));
        }
    }

    /// <summary>
    /// A checkpoint of <paramref name="treeSize"/> was signed at <paramref name="signedAtMs"/>: closes
    /// every promise it covers and returns their delays in milliseconds (never negative).
    /// </summary>
    public IReadOnlyList<long> Integrated(ulong treeSize, long signedAtMs)
    {
        lock (_lock)
        {
            List<long>? delays = null;
            while (_open.Count > 0 && _open.Peek().EndTreeSize <= treeSize)
            {
                (_, long acceptedAtMs) = _open.Dequeue();
                long delayMs = Math.Max(0, signedAtMs - acceptedAtMs);
                if (delayMs > _deadlineMs)
                {
                    _brokenClosed++;
                }

                (delays ??= []).Add(delayMs);
            }

            return delays ?? (IReadOnlyList<long>)[];
        }
    }

    /// <summary>
    /// Promises broken by <paramref name="nowMs"/>: those kept late plus those still open past their
    /// deadline. Never less than an earlier answer (a clock stepped back does not unbreak a promise).
    /// </summary>
    public long Broken(long nowMs)
    {
        lock (_lock)
        {
            long overdue = 0;
            foreach ((_, long acceptedAtMs) in _open)
            {
                if (nowMs - acceptedAtMs <= _deadlineMs)
                {
                    break;
                }

                overdue++;
            }

            _brokenReported = Math.Max(_brokenReported, _brokenClosed + overdue);
            return _brokenReported;
        }
    }
}
