using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>A party sub-account's claim to bank interest: its balance at the end of each day of the interest period.</summary>
/// <param name="SubAccount">The party sub-account (<c>L:c:&lt;case&gt;:…</c>) whose money earned the interest.</param>
/// <param name="Recipient">Who receives what it earned, by its case's rule (<see cref="InterestClaim.Recipient"/>).</param>
/// <param name="DailyBalancesFen">Its balance, fen, at the end of each day of the period, oldest first; every weight of one allocation covers the same days.</param>
public sealed record InterestWeight(AccountId SubAccount, AccountId Recipient, IReadOnlyList<long> DailyBalancesFen)
{
    /// <summary>The weight: the daily balances summed, fen·days (up to 366 · 2^63, so not a long).</summary>
    public Int128 FenDays => DailyBalancesFen.Aggregate(Int128.Zero, (sum, b) => sum + b);
}
