namespace EvidenceChain.Engine.Anchoring;

/// <summary>How often checkpoints are anchored and how anchoring backs off when the chain fails.</summary>
public sealed class AnchorOptions
{
    /// <summary>Anchor the latest checkpoint at most this often; checkpoints in between are covered by it (coalescing).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between retries after chain failures (the wait doubles from <see cref="Interval"/>).</summary>
    public TimeSpan RetryDelayMax { get; set; } = TimeSpan.FromMinutes(10);
}
