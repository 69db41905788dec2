using EvidenceChain.Cases.Sealed;
using EvidenceChain.Engine.Escrow;

namespace EvidenceChain.Engine.Cases;

/// <summary>
/// An applied 带封过户 event: its decision; the ledger batches that booked its accounts and
/// transfers; and the leaf of its transition, null when it was refused (by the rules, or a transfer
/// by the ledger: then nothing was recorded and the case did not move).
/// </summary>
public sealed record SealedSaleOutcome(SealedSaleDecision Decision, LedgerBatchOutcome? Accounts, LedgerBatchOutcome? Transfers, ulong? LeafIndex)
{
    public bool IsApplied => LeafIndex is not null;
}
