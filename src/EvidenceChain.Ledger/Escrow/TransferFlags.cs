namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// Flags of a transfer, which fix its kind (docs/ledger.md, Transfers): none of
/// <see cref="Pending"/>, <see cref="PostPending"/>, <see cref="VoidPending"/>, <see cref="Reversal"/>
/// is a single-phase transfer; at most one of them may be set; <see cref="Linked"/> goes with any.
/// An unknown bit is refused (<see cref="CreateTransferResult.FlagsAreMutuallyExclusive"/>).
/// </summary>
[Flags]
#pragma warning disable CA1711 // The name mirrors TigerBeetle's transfer flags (DOMAIN.md §10.4: same field names).
public enum TransferFlags : ushort
#pragma warning restore CA1711
{
    /// <summary>A single-phase transfer, not linked.</summary>
    None = 0,

    /// <summary>Chains this transfer to the next event of the batch: the chain applies all or none.</summary>
    Linked = 1,

    /// <summary>Reserves the amount until a post or a void resolves it; it never expires.</summary>
    Pending = 2,

    /// <summary>Posts all or part of the pending transfer named by <see cref="Transfer.PendingId"/>.</summary>
    PostPending = 4,

    /// <summary>Releases the pending transfer named by <see cref="Transfer.PendingId"/>.</summary>
    VoidPending = 8,

    /// <summary>Posts an amount back against the transfer named by <see cref="Transfer.ReversedId"/>.</summary>
    Reversal = 16,
}
