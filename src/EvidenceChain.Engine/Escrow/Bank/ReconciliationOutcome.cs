using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>A daily reconciliation's outcome: refused (nothing recorded), or recorded with the incidents its differences opened.</summary>
/// <param name="Refusal">Why it could not be made; <see cref="ReconciliationRefusal.None"/> when it was.</param>
/// <param name="RefusedBankAccount">The bank account a refusal is about.</param>
/// <param name="Reconciliation">The comparison, when made.</param>
/// <param name="LeafIndex">The leaf of its bank record, when made.</param>
/// <param name="OpenedIncidents">One per account that differs.</param>
public sealed record ReconciliationOutcome(
    ReconciliationRefusal Refusal,
    string RefusedBankAccount,
    Reconciliation? Reconciliation,
    ulong? LeafIndex,
    IReadOnlyList<IncidentId> OpenedIncidents);
