using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;

namespace EvidenceChain.Cases.Sealed;

/// <summary>An event asked of a 带封过户 case, with what its guard and approvals need.</summary>
/// <param name="Event">The event.</param>
/// <param name="Leg">The seizure number (RecordSeizure) or tranche (ExpectDeposit); 0 otherwise.</param>
/// <param name="AmountFen">A tranche's amount (ExpectDeposit), else 0.</param>
/// <param name="Conditions">The agreement's terms (NotarizeAgreement), else null.</param>
/// <param name="Plan">The court's distribution plan (IssuePlan), else null.</param>
/// <param name="Artefacts">The recorded artefacts, one per requirement of the event, in the order <see cref="SealedSaleRules.Requirements"/> gives.</param>
/// <param name="Approvals">The notaries' approvals when the event makes payouts.</param>
/// <param name="Payee">The court's execution-fund account (RemitToCourt; Refund with a forfeit); else null.</param>
public sealed record SealedSaleCommand(
    SealedSaleEvent Event,
    byte Leg = 0,
    long AmountFen = 0,
    SealedSaleConditions? Conditions = null,
    DistributionPlan? Plan = null,
    IReadOnlyList<RecordedArtefact>? Artefacts = null,
    IReadOnlyList<PayoutApproval>? Approvals = null,
    PayeeAccount? Payee = null);
