namespace EvidenceChain.Engine.Anchoring;

/// <summary>How often checkpoints are anchored, how long a transaction may wait, and how anchoring backs off.</summary>
public sealed class AnchorOptions
{
    /// <summary>Anchor the latest checkpoint at most this often; checkpoints in between are covered by it (coalescing).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While an anchor is on its way to finality, rounds come this often to follow it (new anchors still at most every <see cref="Interval"/>).</summary>
    public TimeSpan FollowInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries after chain failures (the wait doubles from <see cref="Interval"/>).</summary>
    public TimeSpan RetryDelayMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A transaction not mined this long after it was sent is replaced by one with higher fees (same nonce).</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After a broadcast, how long a round waits for the receipt before leaving it to the next round.</summary>
    public TimeSpan ReceiptWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the receipt is asked for while waiting (Nethereum's own 100 ms would dominate latency on a fast chain).</summary>
    public TimeSpan ReceiptPoll { get; set; } = TimeSpan.FromMilliseconds(50);
}
