using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// A case event's outcome. Refused: the rule, and for a guard or approvals which one and why.
/// Accepted: the case after it, the accounts and transfers to book (one ledger batch, in order), the
/// payouts the approvals bind, and the transition to record once the batch is booked.
/// </summary>
public sealed record MortgageDecision(
    CaseRejection Rejection,
    string Detail,
    GuardRejection Guard,
    ApprovalRejection Approval,
    MortgageCase? Next,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<Payout> Payouts,
    MortgageTransition? Transition)
{
    public bool IsAccepted => Rejection == CaseRejection.None;

    internal static MortgageDecision Refused(CaseRejection rejection, string detail, GuardRejection guard = GuardRejection.None, ApprovalRejection approval = ApprovalRejection.None, IReadOnlyList<Payout>? payouts = null) =>
        new(rejection, detail, guard, approval, null, [], [], payouts ?? [], null);
}
