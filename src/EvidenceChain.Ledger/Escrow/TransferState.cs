namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// Where a transfer that succeeded stands. Only a pending transfer changes state, once, to
/// <see cref="PendingPosted"/> or <see cref="PendingVoided"/>; it never expires.
/// </summary>
public enum TransferState : byte
{
    /// <summary>A final transfer: single-phase, post, void or reversal.</summary>
    Posted = 1,

    /// <summary>A pending transfer still holding its amount.</summary>
    Pending = 2,

    /// <summary>A pending transfer that a post resolved (in full or in part).</summary>
    PendingPosted = 3,

    /// <summary>A pending transfer that a void released.</summary>
    PendingVoided = 4,
}
