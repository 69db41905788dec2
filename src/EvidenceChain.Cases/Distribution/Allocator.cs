using System.Diagnostics;

namespace EvidenceChain.Cases.Distribution;

/// <summary>
/// Proposes how the net proceeds of a sealed sale are shared among the creditors (DOMAIN.md §4.3,
/// docs/distribution.md): tier by tier, each tier paid in full before the next gets anything; inside
/// a tier either in rank order or pro rata by the largest-remainder method. Only integer fen; the
/// products of the pro-rata shares are taken in <see cref="Int128"/>, where they cannot overflow, so
/// no share is ever rounded except by the final division. The court decides the plan; this only
/// proposes one, and <see cref="PlanCheck"/> checks the court's. A pure function.
/// </summary>
public static class Allocator
{
    /// <summary>The largest claim number; numbers run from 1, so a plan has at most 254 claims, and 0 and 255 are never claim numbers.</summary>
    public const byte ClaimNumberMax = 254;

    /// <summary>Why the input cannot be allocated, as a sentence, or null when it can.</summary>
    /// <remarks>
    /// Checked in this order: the net proceeds are negative; a tier is missing, or its kind or mode is
    /// not defined; the tiers are not strictly ascending by kind (each kind at most once); a tier has
    /// no claims; a claim is missing, or its number is 0, 255 or repeated; a claim amount is not
    /// positive; all claims together overflow <see cref="long"/>. The last bound keeps every tier total
    /// and every remainder inside <see cref="long"/>, and every product inside <see cref="Int128"/>.
    /// </remarks>
    /// <param name="netProceedsFen">The net proceeds of the sale, in fen.</param>
    /// <param name="tiers">The tiers of claims, in the order the law pays them.</param>
    public static string? Problem(long netProceedsFen, IReadOnlyList<ClaimTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (netProceedsFen < 0)
        {
            return $"The net proceeds are negative ({YuanText.Of(netProceedsFen)} yuan).";
        }

        TierKind? previous = null;
        for (int i = 0; i < tiers.Count; i++)
        {
            ClaimTier? tier = tiers[i];
            if (tier is null)
            {
                return $"Tier {i + 1} is missing.";
            }

            if (!Enum.IsDefined(tier.Kind) || !Enum.IsDefined(tier.Mode))
            {
                return $"Tier {i + 1} has kind {(byte)tier.Kind} and mode {(byte)tier.Mode}; one of them is not defined.";
            }

            if (previous is TierKind before && tier.Kind <= before)
            {
                return $"The {tier.Kind} tier comes after the {before} tier: tiers must be in ascending order of kind, each kind at most once.";
            }

            previous = tier.Kind;
        }

        foreach (ClaimTier tier in tiers)
        {
            if (tier.Claims is null || tier.Claims.Count == 0)
            {
                return $"The {tier.Kind} tier has no claims.";
            }
        }

        var seen = new bool[byte.MaxValue + 1];
        foreach (ClaimTier tier in tiers)
        {
            foreach (Claim? claim in tier.Claims)
            {
                if (claim is null)
                {
                    return $"A claim of the {tier.Kind} tier is missing.";
                }

                if (claim.Number is 0 or > ClaimNumberMax)
                {
                    return $"Claim number {claim.Number} in the {tier.Kind} tier is outside 1 to {ClaimNumberMax}.";
                }

                if (seen[claim.Number])
                {
                    return $"Claim number {claim.Number} appears more than once.";
                }

                seen[claim.Number] = true;
            }
        }

        foreach (ClaimTier tier in tiers)
        {
            foreach (Claim claim in tier.Claims)
            {
                if (claim.AmountFen <= 0)
                {
                    return $"Claim {claim.Number} is owed {YuanText.Of(claim.AmountFen)} yuan; a claim must be positive.";
                }
            }
        }

        // At most 254 positive longs: the sum fits Int128 with room to spare.
        Int128 total = tiers.SelectMany(t => t.Claims).Aggregate(Int128.Zero, (sum, c) => sum + c.AmountFen);
        return total > long.MaxValue
            ? $"The claims add up to {YuanText.Of(total)} yuan, more than the {YuanText.Of(long.MaxValue)} yuan an amount can hold."
            : null;
    }

    /// <summary>The allocator's proposal for <paramref name="tiers"/>.</summary>
    /// <param name="netProceedsFen">The net proceeds of the sale, in fen.</param>
    /// <param name="tiers">The tiers of claims, in the order the law pays them.</param>
    /// <exception cref="ArgumentException">The input is not valid; the message is <see cref="Problem"/>'s.</exception>
    public static DistributionResult Allocate(long netProceedsFen, IReadOnlyList<ClaimTier> tiers)
    {
        string? problem = Problem(netProceedsFen, tiers);
        return problem is null ? AllocateCore(netProceedsFen, tiers) : throw new ArgumentException(problem);
    }

    /// <summary>The mode of the <see cref="TierKind.Ordinary"/> tier by law: pro rata (参与分配) for an individual or other non-corporate debtor, in order of seizure for a company outside bankruptcy.</summary>
    /// <param name="debtor">What the debtor is.</param>
    public static TierMode OrdinaryModeFor(DebtorKind debtor) => debtor switch
    {
        DebtorKind.Individual or DebtorKind.OtherNonCorporate => TierMode.ProRata,
        DebtorKind.Company => TierMode.Sequential,
        _ => throw new ArgumentOutOfRangeException(nameof(debtor), debtor, "Not a debtor kind."),
    };

    internal static DistributionResult AllocateCore(long netProceedsFen, IReadOnlyList<ClaimTier> tiers)
    {
        var allocations = new List<Allocation>();
        long remaining = netProceedsFen;
        foreach (ClaimTier tier in tiers)
        {
            // Claim numbers are unique, so (RankMs, Number) is a total order: the result cannot depend on the input order.
            Claim[] ordered = [.. tier.Claims.OrderBy(c => c.RankMs).ThenBy(c => c.Number)];
            long[] paid = tier.Mode == TierMode.Sequential ? Sequential(ordered, ref remaining) : ProRata(ordered, ref remaining);
            for (int i = 0; i < ordered.Length; i++)
            {
                Debug.Assert(paid[i] >= 0 && paid[i] <= ordered[i].AmountFen);
                allocations.Add(new Allocation(ordered[i].Number, paid[i]));
            }
        }

        // Money conserved, always checked: a distribution that creates or loses a fen must never leave here.
        Int128 allocated = allocations.Aggregate(Int128.Zero, (sum, a) => sum + a.AmountFen);
        if (remaining < 0 || allocated + remaining != netProceedsFen)
        {
            throw new InvalidOperationException($"The allocations ({allocated} fen) and the surplus ({remaining} fen) do not add up to the net proceeds ({netProceedsFen} fen).");
        }

        return new DistributionResult(allocations, remaining);
    }

    private static long[] Sequential(Claim[] ordered, ref long remaining)
    {
        long[] paid = new long[ordered.Length];
        for (int i = 0; i < ordered.Length; i++)
        {
            paid[i] = Math.Min(ordered[i].AmountFen, remaining);
            remaining -= paid[i];
        }

        return paid;
    }

    private static long[] ProRata(Claim[] ordered, ref long remaining)
    {
        long[] paid = new long[ordered.Length];
        long total = ordered.Sum(c => c.AmountFen);
        if (remaining >= total)
        {
            for (int i = 0; i < ordered.Length; i++)
            {
                paid[i] = ordered[i].AmountFen;
            }

            remaining -= total;
            return paid;
        }

        // remaining < total < 2^63 and each claim < 2^63, so each product is below 2^126: exact in Int128.
        // Each exact share is floor + remainder / total with remainder < total, so the floors fall short
        // of remaining by fewer fen than there are claims with a remainder, and a floor + 1 never exceeds
        // its claim (remaining × claim / total < claim).
        var remainder = new Int128[ordered.Length];
        long floors = 0;
        for (int i = 0; i < ordered.Length; i++)
        {
            Int128 product = (Int128)remaining * ordered[i].AmountFen;
            paid[i] = (long)(product / total);
            remainder[i] = product % total;
            floors += paid[i];
        }

        // OrderByDescending is stable and ordered is already by (RankMs, Number): equal remainders go to
        // the earlier registration or seizure, then the smaller number.
        long leftover = remaining - floors;
        Debug.Assert(leftover >= 0 && leftover < ordered.Length);
        foreach (int i in Enumerable.Range(0, ordered.Length).OrderByDescending(i => remainder[i]).Take((int)leftover))
        {
            Debug.Assert(remainder[i] > 0);
            paid[i]++;
        }

        remaining = 0;
        return paid;
    }
}
