namespace EvidenceChain.Engine.Ports;

/// <summary>Where an anchor stands. Stable numbers (stored).</summary>
public enum AnchorStatus
{
    /// <summary>Recorded before sending; not yet seen in a block.</summary>
    Pending = 1,

    /// <summary>In a block, not yet final.</summary>
    Included = 2,

    /// <summary>In a block at or below the chain's final block.</summary>
    Final = 3,

    /// <summary>The chain it was on is gone (a development chain restarted without its state).</summary>
    Lost = 4,
}
