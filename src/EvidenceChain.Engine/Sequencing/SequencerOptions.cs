namespace EvidenceChain.Engine.Sequencing;

/// <summary>When the sequencer integrates accepted leaves and signs a checkpoint.</summary>
public sealed class SequencerOptions
{
    /// <summary>Sign at least this often while leaves are waiting.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Sign as soon as this many leaves are waiting.</summary>
    public int PendingLeavesMax { get; set; } = 10_000;
}
