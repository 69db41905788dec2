namespace EvidenceChain.Engine.Timestamping;

/// <summary>How often checkpoints are stamped (section "Tsa:Stamping").</summary>
public sealed class CheckpointStamperOptions
{
    /// <summary>
    /// The latest checkpoint is stamped at most this often (default 60 s): paid authorities do not stamp
    /// every checkpoint. An anchored checkpoint is always stamped, whatever the interval.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the stamper looks for an anchored checkpoint to stamp, and retries a TSA that failed: 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
