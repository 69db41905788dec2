using EvidenceChain.Cases.Approvals;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// One applied event of a case, as recorded in the log (a case record leaf, type 4, record_schema 1):
/// what <see cref="MortgageRules.Apply"/> needs to rebuild the case by replaying the transitions in
/// order, and what a court needs to see which evidence, approvals and transfers each step rested on.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Number">1 for the case's first transition, then each one more.</param>
/// <param name="Event">The event.</param>
/// <param name="Leg">The payoff leg, tranche or court order; 0 for the whole case.</param>
/// <param name="AmountFen">The amount the event fixed: a tranche, a payoff quote earmarked, a frozen sum; else 0.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Conditions">The condition set frozen (NotarizeAgreement) or as amended (AmendPayee); else null.</param>
/// <param name="DepositDate">The deposit date fixed (ConfirmFunding); else null.</param>
/// <param name="FreezeSource">The account a freeze holds from (Freeze); else null.</param>
/// <param name="ArtefactLeaves">The leaves of the artefacts that satisfied its guard, in requirement order.</param>
/// <param name="Approvals">The approvals of its payouts or amendment.</param>
/// <param name="Payee">The account a deduction or the treasury was paid to; else null.</param>
/// <param name="Transfers">The ids of the transfers it booked, in order.</param>
/// <param name="AtMs">When it was applied, Unix milliseconds.</param>
public sealed record MortgageTransition(
    CaseId CaseId,
    ulong Number,
    MortgageEvent Event,
    byte Leg,
    long AmountFen,
    MortgageState From,
    MortgageState To,
    ConditionSet? Conditions,
    DateOnly? DepositDate,
    AccountId? FreezeSource,
    IReadOnlyList<ulong> ArtefactLeaves,
    IReadOnlyList<PayoutApproval> Approvals,
    PayeeAccount? Payee,
    IReadOnlyList<TransferId> Transfers,
    long AtMs);
