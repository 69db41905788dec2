namespace EvidenceChain.Engine.Intake;

/// <summary>Limits of deposit intake. Every queue has a bound: a full one answers at once instead of slowing everyone.</summary>
public sealed class IntakeOptions
{
    /// <summary>Leaves waiting for a group commit, across all requests, before new requests are refused.</summary>
    public int QueueDepthMaxLeaves { get; set; } = 100_000;

    /// <summary>The most leaves one group commit (one promise, one fsync) takes.</summary>
    public int BatchLeavesMax { get; set; } = 10_000;

    /// <summary>How far a stamped request's time may be from the notary's clock, either side; its nonce is remembered for good.</summary>
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(5);
}
