using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>
/// Allocates bank interest to party sub-accounts by daily balance (DOMAIN.md §6.4): each
/// sub-account's weight is the sum of its end-of-day balances over the period (fen·days), its exact
/// share is <c>interest × weight ÷ total weight</c>, each gets the whole fen of its share, and the
/// fen left over go one each to the largest fractional remainders, ties to the lower sub-account id
/// (the largest-remainder method). The shares sum to the interest exactly; none is negative; the same
/// input gives the same shares whatever the order of the weights. A pure function.
/// </summary>
/// <param name="Shares">One share per sub-account, in ascending sub-account id order.</param>
public sealed record InterestAllocation(IReadOnlyList<InterestShare> Shares)
{
    /// <summary>The most sub-accounts one allocation covers.</summary>
    public const int SubAccountCountMax = 4096;

    /// <summary>The most days of one interest period (a bank settles interest at least yearly).</summary>
    public const int PeriodDaysMax = 366;

    /// <summary>The shares summed per recipient, in ascending recipient id order, without zero sums.</summary>
    public IReadOnlyList<(AccountId Recipient, long AmountFen)> ByRecipient() =>
        [.. Shares.GroupBy(s => s.Recipient)
            .Select(g => (g.Key, g.Sum(s => s.AmountFen)))
            .Where(r => r.Item2 > 0)
            .OrderBy(r => r.Key.Value)];

    /// <summary>Allocates <paramref name="interestFen"/> over <paramref name="weights"/>.</summary>
    public static InterestAllocationRefusal TryAllocate(long interestFen, IReadOnlyList<InterestWeight> weights, out InterestAllocation? allocation)
    {
        ArgumentNullException.ThrowIfNull(weights);
        allocation = null;
        if (interestFen < 0)
        {
            return InterestAllocationRefusal.InterestMustNotBeNegative;
        }

        if (weights.Count is 0 or > SubAccountCountMax)
        {
            return InterestAllocationRefusal.SubAccountCountOutOfRange;
        }

        if (weights.Select(w => w.SubAccount).Distinct().Count() != weights.Count)
        {
            return InterestAllocationRefusal.SubAccountRepeated;
        }

        int days = weights[0].DailyBalancesFen.Count;
        if (days is 0 or > PeriodDaysMax || weights.Any(w => w.DailyBalancesFen.Count != days))
        {
            return InterestAllocationRefusal.PeriodDaysDiffer;
        }

        if (weights.Any(w => w.DailyBalancesFen.Any(b => b < 0)))
        {
            return InterestAllocationRefusal.DailyBalanceMustNotBeNegative;
        }

        // Each weight is below 2^63 · 366 < 2^72 and the interest below 2^63, so every product and
        // the total stay far inside Int128: no rounding anywhere, only the final integer division.
        InterestWeight[] ordered = [.. weights.OrderBy(w => w.SubAccount.Value)];
        Int128[] weight = [.. ordered.Select(w => w.FenDays)];
        Int128 total = weight.Aggregate(Int128.Zero, (sum, w) => sum + w);
        if (total == 0)
        {
            if (interestFen != 0)
            {
                return InterestAllocationRefusal.NoBalanceEarnedIt;
            }

            allocation = new InterestAllocation([.. ordered.Select(w => new InterestShare(w.SubAccount, w.Recipient, 0))]);
            return InterestAllocationRefusal.None;
        }

        long[] share = new long[ordered.Length];
        Int128[] remainder = new Int128[ordered.Length];
        long allocated = 0;
        for (int i = 0; i < ordered.Length; i++)
        {
            Int128 exact = (Int128)interestFen * weight[i];
            share[i] = (long)(exact / total);
            remainder[i] = exact % total;
            allocated += share[i];
        }

        // Fewer leftover fen than sub-accounts: each remainder is below the total, so the floors fall
        // short of the interest by less than one fen per sub-account.
        long leftover = interestFen - allocated;
        foreach (int i in Enumerable.Range(0, ordered.Length).OrderByDescending(i => remainder[i]).ThenBy(i => ordered[i].SubAccount.Value).Take((int)leftover))
        {
            share[i]++;
        }

        allocation = new InterestAllocation([.. ordered.Select((w, i) => new InterestShare(w.SubAccount, w.Recipient, share[i]))]);
        return InterestAllocationRefusal.None;
    }
}
