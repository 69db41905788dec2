using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Escrow.Bank;

/// <summary>One line's outcome in an import.</summary>
/// <param name="Line">The line.</param>
/// <param name="Status">What happened.</param>
/// <param name="Disposition">What the matching rule decided (null when refused or imported before).</param>
/// <param name="Failure">Why it matched nothing, for a suspense credit or an unmatched debit.</param>
/// <param name="TransferId">The line's derived transfer id.</param>
/// <param name="LedgerResult">The ledger's result for the line's transfer, when one was sent.</param>
/// <param name="Incident">The incident raised, when <see cref="StatementLineStatus.IncidentRaised"/>.</param>
public sealed record StatementLineOutcome(
    StatementLine Line,
    StatementLineStatus Status,
    LineDisposition? Disposition,
    MatchFailure Failure,
    TransferId TransferId,
    CreateTransferResult? LedgerResult,
    IncidentId? Incident);
