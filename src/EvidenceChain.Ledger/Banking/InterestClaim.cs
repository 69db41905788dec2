using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>A party sub-account whose balance earned bank interest, and who receives what it earned by its case's rule.</summary>
/// <param name="SubAccount">The party sub-account (<c>L:c:&lt;case&gt;:…</c>).</param>
/// <param name="Rule">The case's rule; <see cref="InterestRule.ToPayee"/> unless its agreement says otherwise.</param>
/// <param name="Payee">The case's payee account: the recipient under <see cref="InterestRule.ToPayee"/>; not used under <see cref="InterestRule.FollowsBalance"/>.</param>
public sealed record InterestClaim(AccountId SubAccount, InterestRule Rule, AccountId Payee)
{
    /// <summary>The account credited with the interest <see cref="SubAccount"/> earned.</summary>
    public AccountId Recipient => Rule switch
    {
        InterestRule.ToPayee => Payee,
        InterestRule.FollowsBalance => SubAccount,
        _ => throw new InvalidOperationException($"Not an interest rule: {Rule}."),
    };
}
