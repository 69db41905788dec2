using EvidenceChain.Cases.Accounts;
using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Cases.Mortgage;

/// <summary>
/// Who earns a case's share of the bank's interest (DOMAIN.md §2.4, §6.4): its party sub-accounts —
/// the buyer's money, the seller's entitlement, each payoff earmark — under the rule of its
/// agreement: by default all of it goes to the payee of the escrow, the seller (Civil Code art. 573);
/// or each sub-account keeps what it earned. The notary's fees and court holds earn for no party.
/// </summary>
public static class CaseInterest
{
    /// <summary>The interest claims of <paramref name="current"/>, or none before its agreement is notarized.</summary>
    public static IReadOnlyList<InterestClaim> ClaimsOf(MortgageCase current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Conditions is not ConditionSet conditions)
        {
            return [];
        }

        var payee = CaseAccounts.Of(current.Id, CaseAccountPurpose.Seller);
        return
        [
            new InterestClaim(CaseAccounts.Of(current.Id, CaseAccountPurpose.Buyer), conditions.InterestRule, payee),
            new InterestClaim(payee, conditions.InterestRule, payee),
            .. conditions.PayoffLegs.Select(l => new InterestClaim(CaseAccounts.Of(current.Id, CaseAccountPurpose.Payoff, l.Leg), conditions.InterestRule, payee)),
        ];
    }
}
