namespace EvidenceChain.Cases.Distribution;

/// <summary>
/// Checks a court's distribution plan against the rules of DOMAIN.md §4.3 (docs/distribution.md
/// §Checks): valid tiers, one allocation per claim, no negative amount, the money adds up, no claim
/// over-paid, and no later tier or debtor surplus paid while an earlier claim is short. The court
/// decides: a plan need not equal <see cref="Allocator.Allocate"/>'s output, and inside a tier the
/// court may share differently. A pure function.
/// </summary>
public static class PlanCheck
{
    /// <summary>The first rule the plan breaks, with a sentence naming the claim and the amounts in yuan, or (<see cref="PlanRejection.None"/>, "").</summary>
    /// <param name="netProceedsFen">The net proceeds of the sale, in fen.</param>
    /// <param name="tiers">The tiers of claims, in the order the law pays them.</param>
    /// <param name="allocations">The court's allocations, in any order.</param>
    /// <param name="debtorSurplusFen">What the court leaves to the debtor, in fen.</param>
    public static (PlanRejection Rejection, string Detail) Verify(long netProceedsFen, IReadOnlyList<ClaimTier> tiers, IReadOnlyList<Allocation> allocations, long debtorSurplusFen)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(allocations);
        if (Allocator.Problem(netProceedsFen, tiers) is string problem)
        {
            return (PlanRejection.TiersInvalid, problem);
        }

        var claimOf = new Claim?[byte.MaxValue + 1];
        foreach (Claim claim in tiers.SelectMany(t => t.Claims))
        {
            claimOf[claim.Number] = claim;
        }

        var count = new int[byte.MaxValue + 1];
        var paid = new long[byte.MaxValue + 1];
        foreach (Allocation? allocation in allocations)
        {
            if (allocation is null)
            {
                return (PlanRejection.AllocationsDoNotMatchClaims, "An allocation is missing.");
            }

            count[allocation.ClaimNumber]++;
            paid[allocation.ClaimNumber] = allocation.AmountFen;
        }

        foreach (Claim claim in Ranked(tiers))
        {
            if (count[claim.Number] != 1)
            {
                return (PlanRejection.AllocationsDoNotMatchClaims, count[claim.Number] == 0
                    ? $"Claim {claim.Number} has no allocation."
                    : $"Claim {claim.Number} has {count[claim.Number]} allocations; each claim has exactly one.");
            }
        }

        foreach (Allocation allocation in allocations)
        {
            if (claimOf[allocation.ClaimNumber] is null)
            {
                return (PlanRejection.AllocationsDoNotMatchClaims, $"The allocation of {YuanText.Of(allocation.AmountFen)} yuan to claim {allocation.ClaimNumber} names no claim of the plan.");
            }
        }

        foreach (Claim claim in Ranked(tiers))
        {
            if (paid[claim.Number] < 0)
            {
                return (PlanRejection.NegativeAmount, $"Claim {claim.Number} is allocated {YuanText.Of(paid[claim.Number])} yuan; an allocation cannot be negative.");
            }
        }

        if (debtorSurplusFen < 0)
        {
            return (PlanRejection.NegativeAmount, $"The debtor surplus is {YuanText.Of(debtorSurplusFen)} yuan; it cannot be negative.");
        }

        // At most 254 allocations below 2^63 each: the sum is exact in Int128.
        Int128 allocated = allocations.Aggregate(Int128.Zero, (sum, a) => sum + a.AmountFen);
        if (allocated + debtorSurplusFen != netProceedsFen)
        {
            return (PlanRejection.SumMismatch, $"The allocations ({YuanText.Of(allocated)} yuan) and the debtor surplus ({YuanText.Of(debtorSurplusFen)} yuan) add up to {YuanText.Of(allocated + debtorSurplusFen)} yuan, not the net proceeds of {YuanText.Of(netProceedsFen)} yuan.");
        }

        foreach (Claim claim in Ranked(tiers))
        {
            if (paid[claim.Number] > claim.AmountFen)
            {
                return (PlanRejection.ClaimExceeded, $"Claim {claim.Number} is allocated {YuanText.Of(paid[claim.Number])} yuan, more than the {YuanText.Of(claim.AmountFen)} yuan it is owed.");
            }
        }

        // The first short claim, in tier order: after it nothing may be paid, in any later tier or to the debtor.
        for (int k = 0; k < tiers.Count; k++)
        {
            Claim? shortClaim = tiers[k].Claims.OrderBy(c => c.RankMs).ThenBy(c => c.Number).FirstOrDefault(c => paid[c.Number] < c.AmountFen);
            if (shortClaim is null)
            {
                continue;
            }

            string shortText = $"claim {shortClaim.Number} ({tiers[k].Kind}) is owed {YuanText.Of(shortClaim.AmountFen)} yuan and allocated only {YuanText.Of(paid[shortClaim.Number])} yuan";
            foreach (Claim later in Ranked(tiers.Skip(k + 1)))
            {
                if (paid[later.Number] > 0)
                {
                    return (PlanRejection.LowerTierPaidWhileHigherShort, $"Claim {later.Number} ({TierOf(tiers, later)}) is allocated {YuanText.Of(paid[later.Number])} yuan while {shortText}; a tier is paid only once every earlier tier is paid in full.");
                }
            }

            return debtorSurplusFen > 0
                ? (PlanRejection.LowerTierPaidWhileHigherShort, $"The debtor surplus is {YuanText.Of(debtorSurplusFen)} yuan while {shortText}; the debtor keeps money only once every claim is paid in full.")
                : (PlanRejection.None, string.Empty);
        }

        return (PlanRejection.None, string.Empty);
    }

    // Claims in the allocator's order, so the claim a detail names does not depend on how the court listed them.
    private static IEnumerable<Claim> Ranked(IEnumerable<ClaimTier> tiers) =>
        tiers.SelectMany(t => t.Claims.OrderBy(c => c.RankMs).ThenBy(c => c.Number));

    private static TierKind TierOf(IReadOnlyList<ClaimTier> tiers, Claim claim) =>
        tiers.First(t => t.Claims.Contains(claim)).Kind;
}
