namespace EvidenceChain.Cli.Internal;

/// <summary>
/// The rule an anchored history broke (exit code 1): each is evidence that the log was rewritten,
/// forked, or anchored for a tree it does not have. The numbers are stable; the names appear in the
/// alarm line, so scripts can match them.
/// </summary>
internal enum MonitorAlarm
{
    /// <summary>No consistency proof leads from one anchored root to the next.</summary>
    AnchorsInconsistent = 1,

    /// <summary>An anchor names a tree size the log's latest signed checkpoint has not reached.</summary>
    AnchorBeyondLog = 2,

    /// <summary>The server's latest signed checkpoint does not extend the last anchored root.</summary>
    CheckpointInconsistent = 3,

    /// <summary>The chain no longer holds the anchor verified by an earlier run (state file).</summary>
    VerifiedAnchorMissing = 4,

    /// <summary>The chain holds another root at the tree size verified by an earlier run.</summary>
    VerifiedAnchorChanged = 5,

    /// <summary>The server names another log id for the chain than SHA-256 of its own origin.</summary>
    LogIdMismatch = 6,

    /// <summary>Two anchors of the log with the same tree size (the contract forbids it).</summary>
    TreeSizeRepeated = 7,
}
