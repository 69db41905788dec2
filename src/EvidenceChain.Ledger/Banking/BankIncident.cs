using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// A bank incident: payouts from <paramref name="BankAccount"/> are held from when it is recorded
/// until a resolution naming it is recorded (docs/formats/bank-statement.md, Incidents).
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="BankAccount">The <c>EscrowBank</c> account held.</param>
/// <param name="Cause">What raised it.</param>
/// <param name="Failure">For an unmatched debit, why it matched nothing; otherwise <see cref="MatchFailure.None"/>.</param>
/// <param name="LedgerResult">For a line the ledger refused, the ledger's result number; otherwise 0.</param>
/// <param name="Date">The line's value date, or the reconciled day.</param>
/// <param name="AmountFen">The line's amount, or the reconciliation's difference (ledger less statement).</param>
/// <param name="LineDigest">The line's content digest (first 16 bytes of SHA-256, docs/formats/bank-statement.md); 0 for a reconciliation.</param>
/// <param name="Serial">The line's bank serial; empty for a reconciliation.</param>
public sealed record BankIncident(
    IncidentId Id,
    AccountId BankAccount,
    IncidentCause Cause,
    MatchFailure Failure,
    byte LedgerResult,
    DateOnly Date,
    long AmountFen,
    UInt128 LineDigest,
    string Serial);
