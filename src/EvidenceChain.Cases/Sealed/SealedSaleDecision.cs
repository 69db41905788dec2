using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// A 带封过户 event's outcome. Refused: the rule, and for a guard or approvals which one and why.
/// Accepted: the case after it, the accounts and transfers to book (one ledger batch each, in order),
/// the payouts the approvals bind, and the transition to record once the batch is booked.
/// </summary>
public sealed record SealedSaleDecision(
    CaseRejection Rejection,
    string Detail,
    GuardRejection Guard,
    ApprovalRejection Approval,
    SealedSaleCase? Next,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Transfer> Transfers,
    IReadOnlyList<Payout> Payouts,
    SealedSaleTransition? Transition)
{
    public bool IsAccepted => Rejection == CaseRejection.None;

    internal static SealedSaleDecision Refused(CaseRejection rejection, string detail, GuardRejection guard = GuardRejection.None, ApprovalRejection approval = ApprovalRejection.None, IReadOnlyList<Payout>? payouts = null) =>
        new(rejection, detail, guard, approval, null, [], [], payouts ?? [], null);
}
