namespace EvidenceChain.Ledger.Escrow;

/// <summary>
/// The 128-bit id of a transfer, chosen by the client and persisted before the transfer is sent, so
/// a retry after a crash re-sends the same id and gets the same, fixed outcome (docs/ledger.md).
/// 0 and all ones are reserved: 0 also means "no transfer" in <see cref="Transfer.PendingId"/> and
/// <see cref="Transfer.ReversedId"/>.
/// </summary>
/// <param name="Value">The id; not 0 and not <see cref="UInt128.MaxValue"/> for a valid transfer.</param>
public readonly record struct TransferId(UInt128 Value);
