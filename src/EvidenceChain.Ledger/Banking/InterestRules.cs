using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>Applies an <see cref="InterestRule"/>.</summary>
public static class InterestRules
{
    /// <summary>The account credited with the interest <paramref name="subAccount"/> earned.</summary>
    public static AccountId RecipientOf(InterestRule rule, AccountId subAccount, AccountId payee) => rule switch
    {
        InterestRule.ToPayee => payee,
        InterestRule.FollowsBalance => subAccount,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not an interest rule."),
    };
}
