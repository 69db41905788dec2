using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>An event asked of a case, with what its guard and approvals need.</summary>
/// <param name="Event">The event.</param>
/// <param name="Leg">The payoff leg, tranche or court order the event concerns; 0 when it concerns the whole case.</param>
/// <param name="AmountFen">A tranche's amount (ExpectDeposit), else 0.</param>
/// <param name="Conditions">The condition set (NotarizeAgreement), else null.</param>
/// <param name="Artefacts">The recorded artefacts, one per requirement of the event, in the order <see cref="MortgageRules.Requirements"/> gives.</param>
/// <param name="Approvals">The notaries' approvals when the event makes payouts or changes a payee.</param>
/// <param name="Payee">The account a court's deduction or the treasury is paid to, or an amended payee; else null.</param>
/// <param name="PayeeTarget">Which payee an amendment changes; else null.</param>
public sealed record MortgageCommand(
    MortgageEvent Event,
    byte Leg = 0,
    long AmountFen = 0,
    ConditionSet? Conditions = null,
    IReadOnlyList<RecordedArtefact>? Artefacts = null,
    IReadOnlyList<PayoutApproval>? Approvals = null,
    PayeeAccount? Payee = null,
    PayeeTarget? PayeeTarget = null);
