using EvidenceChain.Cases.Approvals;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// One applied event of a 带封过户 case, as recorded in the log (a case record leaf, type 4,
/// record_schema 3): what <see cref="SealedSaleRules.Apply"/> needs to rebuild the case, and what a
/// court needs to see which evidence, approvals and transfers each step rested on.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Number">1 for the case's first transition, then each one more.</param>
/// <param name="Event">The event.</param>
/// <param name="Leg">The seizure number or tranche; 0 otherwise.</param>
/// <param name="AmountFen">The amount the event fixed: a tranche, the proposed price, the floor, the proceeds remitted or forfeited; else 0.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Seizure">The seizure recorded (RecordSeizure); else null.</param>
/// <param name="Conditions">The agreement's terms (NotarizeAgreement); else null.</param>
/// <param name="Plan">The court's plan (IssuePlan); else null.</param>
/// <param name="Day">The deposit date (ConfirmFunding) or the day the plan was issued (IssuePlan); else null.</param>
/// <param name="ArtefactLeaves">The leaves of the artefacts that satisfied its guard, in requirement order.</param>
/// <param name="Approvals">The approvals of its payouts.</param>
/// <param name="Payee">The court's account the proceeds or a forfeit were remitted to; else null.</param>
/// <param name="Transfers">The ids of the transfers it booked, in order.</param>
/// <param name="AtMs">When it was applied, Unix milliseconds.</param>
public sealed record SealedSaleTransition(
    CaseId CaseId,
    ulong Number,
    SealedSaleEvent Event,
    byte Leg,
    long AmountFen,
    SealedSaleState From,
    SealedSaleState To,
    Seizure? Seizure,
    SealedSaleConditions? Conditions,
    DistributionPlan? Plan,
    DateOnly? Day,
    IReadOnlyList<ulong> ArtefactLeaves,
    IReadOnlyList<PayoutApproval> Approvals,
    PayeeAccount? Payee,
    IReadOnlyList<TransferId> Transfers,
    long AtMs);
