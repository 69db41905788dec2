using CsCheck;
using EvidenceChain.Cases.Distribution;

namespace EvidenceChain.Cases.Tests.Distribution;

/// <summary>
/// Properties of the allocator over random plans (DOMAIN.md §4.3's invariants), each checked against
/// the rule spelled out directly rather than against the allocator's own steps; and the plan checker
/// accepting every allocator output and refusing each kind of damage to it.
/// </summary>
public sealed class DistributionPropertyTests
{
    // Tiny and small amounts make pro-rata remainders collide; large ones reach 2^63 / 64, so thirty
    // claims never overflow a long while their products pass 2^63 by far.
    private static readonly Gen<long> s_amountFen = Gen.Frequency(
        (2, Gen.Long[1, 4]),
        (3, Gen.Long[1, 1_000]),
        (3, Gen.Long[1, 100_000_000_000]),
        (1, Gen.Long[(long.MaxValue / 64) - 1_000, long.MaxValue / 64]));

    // Few distinct ranks, so ties on RankMs are common and the Number tie-break is exercised.
    private static readonly Gen<(long AmountFen, long RankMs)> s_claim = Gen.Select(s_amountFen, Gen.Long[0, 3]);

    private static readonly Gen<ClaimTier[]> s_tiers = Gen.Select(
        Gen.Bool.Array[5],
        Gen.Enum<TierMode>().Array[5],
        s_claim.Array[1, 6].Array[5],
        Gen.Shuffle(Enumerable.Range(1, Allocator.ClaimNumberMax).Select(n => (byte)n).ToArray())).Select((present, modes, claims, numbers) =>
        {
            var tiers = new List<ClaimTier>();
            int next = 0;
            for (int k = 0; k < 5; k++)
            {
                if (present[k])
                {
                    tiers.Add(new ClaimTier((TierKind)(k + 1), modes[k], [.. claims[k].Select(c => new Claim(numbers[next++], c.AmountFen, c.RankMs))]));
                }
            }

            return tiers.ToArray();
        });

    // Net proceeds anywhere from 0 to past the total, and often exactly at a tier boundary or a fen off it.
    private static readonly Gen<(long NetProceedsFen, ClaimTier[] Tiers)> s_plan = s_tiers.SelectMany(tiers =>
    {
        long[] boundaries = [0, .. Prefix(tiers)];
        long total = boundaries[^1];
        return Gen.Frequency(
            (3, Gen.Long[0, total + (total / 4) + 10]),
            (1, Gen.Select(Gen.Int[0, boundaries.Length - 1], Gen.Long[-2, 2]).Select((i, delta) => Math.Max(0, boundaries[i] + delta))))
            .Select(net => (net, tiers));
    });

    [Fact]
    public void Allocate_AllocationsAndSurplusSumToNet()
    {
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);

            Assert.Equal(net, result.Allocations.Aggregate((Int128)result.DebtorSurplusFen, (sum, a) => sum + a.AmountFen));
            Assert.True(result.DebtorSurplusFen >= 0);
        });
    }

    [Fact]
    public void Allocate_OneAllocationPerClaimInTierThenRankOrder_NoneNegativeOrOverpaid()
    {
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);

            Claim[] ranked = [.. tiers.SelectMany(t => t.Claims.OrderBy(c => c.RankMs).ThenBy(c => c.Number))];
            Assert.Equal(ranked.Select(c => c.Number), result.Allocations.Select(a => a.ClaimNumber));
            for (int i = 0; i < ranked.Length; i++)
            {
                Assert.InRange(result.Allocations[i].AmountFen, 0, ranked[i].AmountFen);
            }
        });
    }

    [Fact]
    public void Allocate_NoLaterTierOrSurplusPaidWhileAnEarlierClaimIsShort()
    {
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);
            Dictionary<byte, long> paid = result.Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);

            for (int k = 0; k < tiers.Length; k++)
            {
                if (tiers[k].Claims.Any(c => paid[c.Number] < c.AmountFen))
                {
                    Assert.All(tiers.Skip(k + 1).SelectMany(t => t.Claims), c => Assert.Equal(0, paid[c.Number]));
                    Assert.Equal(0, result.DebtorSurplusFen);
                }
            }
        });
    }

    [Fact]
    public void Allocate_ShuffledClaimsAndRebuiltRecords_SameResult()
    {
        Gen.Select(s_plan, Gen.Int).Sample((plan, seed) =>
        {
            var random = new Random(seed);
            ClaimTier[] shuffled = [.. plan.Tiers.Select(t => t with { Claims = [.. t.Claims.Select(c => c with { }).OrderBy(_ => random.Next())] })];

            DistributionResult expected = Allocator.Allocate(plan.NetProceedsFen, plan.Tiers);
            DistributionResult actual = Allocator.Allocate(plan.NetProceedsFen, shuffled);

            Assert.Equal(expected.Allocations, actual.Allocations);
            Assert.Equal(expected.DebtorSurplusFen, actual.DebtorSurplusFen);
        });
    }

    [Fact]
    public void Allocate_ProRataShortTier_EachShareWithinOneFenOfTheExactShare()
    {
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);
            Dictionary<byte, long> paid = result.Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);

            long remaining = net;
            foreach (ClaimTier tier in tiers)
            {
                long total = tier.Claims.Sum(c => c.AmountFen);
                if (tier.Mode == TierMode.ProRata && remaining < total)
                {
                    // |paid − remaining × claim ÷ total| < 1, multiplied through by total: exact in Int128.
                    foreach (Claim claim in tier.Claims)
                    {
                        Int128 error = ((Int128)paid[claim.Number] * total) - ((Int128)remaining * claim.AmountFen);
                        Assert.True(Int128.Abs(error) < total, $"claim {claim.Number}: {paid[claim.Number]} fen is a fen or more off {remaining} × {claim.AmountFen} / {total}");
                    }
                }

                remaining -= tier.Claims.Sum(c => paid[c.Number]);
            }
        });
    }

    [Fact]
    public void Allocate_ProRataShortTier_LeftoverFenGoToLargerRemaindersFirst()
    {
        // Among the claims of a short pro-rata tier, one that got a leftover fen has a remainder at least
        // as large as one that did not, and if equal it ranks first.
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);
            Dictionary<byte, long> paid = result.Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);

            long remaining = net;
            foreach (ClaimTier tier in tiers)
            {
                long total = tier.Claims.Sum(c => c.AmountFen);
                if (tier.Mode == TierMode.ProRata && remaining < total)
                {
                    var rounded = tier.Claims.Select(c => (Claim: c, Up: paid[c.Number] * (Int128)total > (Int128)remaining * c.AmountFen, Remainder: (Int128)remaining * c.AmountFen % total)).ToArray();
                    foreach (var up in rounded.Where(r => r.Up))
                    {
                        foreach (var down in rounded.Where(r => !r.Up))
                        {
                            Assert.True(
                                up.Remainder > down.Remainder || (up.Remainder == down.Remainder && (up.Claim.RankMs, up.Claim.Number).CompareTo((down.Claim.RankMs, down.Claim.Number)) < 0),
                                $"claim {up.Claim.Number} got a leftover fen before claim {down.Claim.Number}");
                        }
                    }
                }

                remaining -= tier.Claims.Sum(c => paid[c.Number]);
            }
        });
    }

    [Fact]
    public void Allocate_SequentialTier_PaysInRankOrder()
    {
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);
            Dictionary<byte, long> paid = result.Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);

            foreach (ClaimTier tier in tiers.Where(t => t.Mode == TierMode.Sequential))
            {
                Claim[] ranked = [.. tier.Claims.OrderBy(c => c.RankMs).ThenBy(c => c.Number)];
                for (int j = 1; j < ranked.Length; j++)
                {
                    if (paid[ranked[j].Number] > 0)
                    {
                        Assert.All(ranked.Take(j), earlier => Assert.Equal(earlier.AmountFen, paid[earlier.Number]));
                    }
                }
            }
        });
    }

    [Fact]
    public void Verify_EveryAllocatorOutput_Accepted()
    {
        s_plan.Sample((net, tiers) =>
        {
            DistributionResult result = Allocator.Allocate(net, tiers);

            Assert.Equal((PlanRejection.None, ""), PlanCheck.Verify(net, tiers, result.Allocations, result.DebtorSurplusFen));
        });
    }

    [Fact]
    public void Verify_FenMovedFromAnEarlierTierToALaterOneOrTheDebtor_Rejected()
    {
        // Taking a fen from a paid claim makes it short; giving it to a claim of a later tier pays that
        // tier too early, or over-pays it if it was already paid in full.
        Gen.Select(s_plan, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((plan, from, to) =>
        {
            (long net, ClaimTier[] tiers) = plan;
            DistributionResult result = Allocator.Allocate(net, tiers);
            Dictionary<byte, long> paid = result.Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);
            var donors = tiers.SelectMany((t, k) => t.Claims.Where(c => paid[c.Number] > 0).Select(c => (Claim: c, Tier: k))).ToArray();
            if (donors.Length == 0)
            {
                return;
            }

            var donor = donors[from % donors.Length];
            Claim[] later = [.. tiers.Skip(donor.Tier + 1).SelectMany(t => t.Claims)];
            int pick = to % (later.Length + 1);
            long surplus = result.DebtorSurplusFen;
            paid[donor.Claim.Number]--;
            PlanRejection expected;
            if (pick == later.Length)
            {
                surplus++;
                expected = PlanRejection.LowerTierPaidWhileHigherShort;
            }
            else
            {
                Claim recipient = later[pick];
                expected = paid[recipient.Number] == recipient.AmountFen ? PlanRejection.ClaimExceeded : PlanRejection.LowerTierPaidWhileHigherShort;
                paid[recipient.Number]++;
            }

            Assert.Equal(expected, PlanCheck.Verify(net, tiers, [.. paid.Select(p => new Allocation(p.Key, p.Value))], surplus).Rejection);
        });
    }

    [Fact]
    public void Verify_FenMovedWithinAShortTier_AcceptedBecauseTheCourtDecides()
    {
        Gen.Select(s_plan, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((plan, from, to) =>
        {
            (long net, ClaimTier[] tiers) = plan;
            DistributionResult result = Allocator.Allocate(net, tiers);
            Dictionary<byte, long> paid = result.Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);
            ClaimTier? tier = tiers.FirstOrDefault(t => t.Claims.Any(c => paid[c.Number] < c.AmountFen));
            Claim[] donors = tier is null ? [] : [.. tier.Claims.Where(c => paid[c.Number] > 0)];
            if (tier is null || donors.Length == 0)
            {
                return;
            }

            Claim donor = donors[from % donors.Length];
            Claim[] recipients = [.. tier.Claims.Where(c => c != donor && paid[c.Number] < c.AmountFen)];
            if (recipients.Length == 0)
            {
                return;
            }

            paid[donor.Number]--;
            paid[recipients[to % recipients.Length].Number]++;

            Assert.Equal(PlanRejection.None, PlanCheck.Verify(net, tiers, [.. paid.Select(p => new Allocation(p.Key, p.Value))], result.DebtorSurplusFen).Rejection);
        });
    }

    [Fact]
    public void Verify_FenAddedOrLost_SumMismatch()
    {
        Gen.Select(s_plan, Gen.Int[0, int.MaxValue], Gen.Bool, Gen.Bool).Sample((plan, at, toSurplus, add) =>
        {
            (long net, ClaimTier[] tiers) = plan;
            DistributionResult result = Allocator.Allocate(net, tiers);
            Allocation[] allocations = [.. result.Allocations];
            long surplus = result.DebtorSurplusFen;
            long delta = add ? 1 : -1;
            if (toSurplus || allocations.Length == 0)
            {
                surplus += delta;
            }
            else
            {
                int i = at % allocations.Length;
                allocations[i] = allocations[i] with { AmountFen = allocations[i].AmountFen + delta };
            }

            // Taking a fen from a 0 makes it negative, which is checked first.
            PlanRejection expected = surplus < 0 || allocations.Any(a => a.AmountFen < 0) ? PlanRejection.NegativeAmount : PlanRejection.SumMismatch;
            Assert.Equal(expected, PlanCheck.Verify(net, tiers, allocations, surplus).Rejection);
        });
    }

    [Fact]
    public void Verify_AllocationDroppedOrDuplicated_AllocationsDoNotMatchClaims()
    {
        Gen.Select(s_plan, Gen.Int[0, int.MaxValue], Gen.Bool).Sample((plan, at, drop) =>
        {
            (long net, ClaimTier[] tiers) = plan;
            DistributionResult result = Allocator.Allocate(net, tiers);
            if (result.Allocations.Count == 0)
            {
                return;
            }

            int i = at % result.Allocations.Count;
            Allocation[] allocations = drop ? [.. result.Allocations.Where((_, j) => j != i)] : [.. result.Allocations, result.Allocations[i]];

            Assert.Equal(PlanRejection.AllocationsDoNotMatchClaims, PlanCheck.Verify(net, tiers, allocations, result.DebtorSurplusFen).Rejection);
        });
    }

    [Fact]
    public void Verify_AnAllocationNegated_NegativeAmount()
    {
        Gen.Select(s_plan, Gen.Int[0, int.MaxValue]).Sample((plan, at) =>
        {
            (long net, ClaimTier[] tiers) = plan;
            DistributionResult result = Allocator.Allocate(net, tiers);
            if (result.Allocations.Count == 0)
            {
                return;
            }

            Allocation[] allocations = [.. result.Allocations];
            int i = at % allocations.Length;
            allocations[i] = allocations[i] with { AmountFen = -allocations[i].AmountFen - 1 };

            Assert.Equal(PlanRejection.NegativeAmount, PlanCheck.Verify(net, tiers, allocations, result.DebtorSurplusFen).Rejection);
        });
    }

    private static IEnumerable<long> Prefix(ClaimTier[] tiers)
    {
        long sum = 0;
        foreach (ClaimTier tier in tiers)
        {
            sum += tier.Claims.Sum(c => c.AmountFen);
            yield return sum;
        }
    }
}
