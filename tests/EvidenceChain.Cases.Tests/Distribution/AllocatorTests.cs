using EvidenceChain.Cases.Distribution;

namespace EvidenceChain.Cases.Tests.Distribution;

/// <summary>The allocator on hand-written plans: DOMAIN.md §4.3's example, each mode's edge, each input problem, and amounts near the top of <see cref="long"/>.</summary>
public sealed class AllocatorTests
{
    private const long RankMs = 1_700_000_000_000;

    [Fact]
    public void Allocate_DomainExampleIndividualDebtor_SharesProRataAndAGetsTheLeftoverFen()
    {
        DistributionResult result = Allocator.Allocate(WorkedExample.NetProceedsFen, WorkedExample.Tiers(DebtorKind.Individual));

        Assert.Equal(
            [new(WorkedExample.Costs, 2_000_000), new(WorkedExample.Mortgage, 50_000_000), new(WorkedExample.A, 20_571_429), new Allocation(WorkedExample.B, 27_428_571)],
            result.Allocations);
        Assert.Equal(0, result.DebtorSurplusFen);
        Assert.Equal((PlanRejection.None, ""), PlanCheck.Verify(WorkedExample.NetProceedsFen, WorkedExample.Tiers(DebtorKind.Individual), result.Allocations, result.DebtorSurplusFen));
    }

    [Fact]
    public void Allocate_DomainExampleCompanyDebtor_PaysInOrderOfSeizure()
    {
        DistributionResult result = Allocator.Allocate(WorkedExample.NetProceedsFen, WorkedExample.Tiers(DebtorKind.Company));

        Assert.Equal(
            [new(WorkedExample.Costs, 2_000_000), new(WorkedExample.Mortgage, 50_000_000), new(WorkedExample.A, 30_000_000), new Allocation(WorkedExample.B, 18_000_000)],
            result.Allocations);
        Assert.Equal(0, result.DebtorSurplusFen);
        Assert.Equal((PlanRejection.None, ""), PlanCheck.Verify(WorkedExample.NetProceedsFen, WorkedExample.Tiers(DebtorKind.Company), result.Allocations, result.DebtorSurplusFen));
    }

    [Theory]
    [InlineData(DebtorKind.Individual, TierMode.ProRata)]
    [InlineData(DebtorKind.OtherNonCorporate, TierMode.ProRata)]
    [InlineData(DebtorKind.Company, TierMode.Sequential)]
    public void OrdinaryModeFor_EachDebtorKind_TheModeTheLawGives(DebtorKind debtor, TierMode mode)
    {
        Assert.Equal(mode, Allocator.OrdinaryModeFor(debtor));
    }

    [Fact]
    public void OrdinaryModeFor_UndefinedKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Allocator.OrdinaryModeFor((DebtorKind)0));
    }

    [Fact]
    public void Allocate_MoreThanEnough_PaysAllInFullAndTheRestToTheDebtor()
    {
        ClaimTier[] tiers =
        [
            new(TierKind.Costs, TierMode.ProRata, [new Claim(1, 100, RankMs), new Claim(2, 50, RankMs)]),
            new(TierKind.Ordinary, TierMode.Sequential, [new Claim(3, 1_000, RankMs)]),
        ];

        DistributionResult result = Allocator.Allocate(10_000, tiers);

        Assert.Equal([new(1, 100), new(2, 50), new Allocation(3, 1_000)], result.Allocations);
        Assert.Equal(8_850, result.DebtorSurplusFen);
    }

    [Fact]
    public void Allocate_NoTiers_AllToTheDebtor()
    {
        DistributionResult result = Allocator.Allocate(12_345, []);

        Assert.Empty(result.Allocations);
        Assert.Equal(12_345, result.DebtorSurplusFen);
    }

    [Fact]
    public void Allocate_NothingToShare_EveryClaimGetsZero()
    {
        DistributionResult result = Allocator.Allocate(0, WorkedExample.Tiers(DebtorKind.Individual));

        Assert.All(result.Allocations, a => Assert.Equal(0, a.AmountFen));
        Assert.Equal(0, result.DebtorSurplusFen);
    }

    [Fact]
    public void Allocate_Sequential_PaysByRankThenNumberAndStopsWhenShort()
    {
        // Claim 9 and claim 4 were registered at the same time: the smaller number ranks first.
        ClaimTier[] tiers = [new(TierKind.Secured, TierMode.Sequential, [new Claim(9, 300, RankMs), new Claim(7, 500, RankMs - 1), new Claim(4, 300, RankMs), new Claim(2, 100, RankMs + 1)])];

        DistributionResult result = Allocator.Allocate(1_000, tiers);

        Assert.Equal([new(7, 500), new(4, 300), new(9, 200), new Allocation(2, 0)], result.Allocations);
        Assert.Equal(0, result.DebtorSurplusFen);
    }

    [Fact]
    public void Allocate_ProRataEqualRemainders_LeftoverFenGoToEarlierRankThenSmallerNumber()
    {
        // 100 fen over three equal claims: 33 each, remainders equal, one fen left over.
        ClaimTier[] byRank = [new(TierKind.Ordinary, TierMode.ProRata, [new Claim(1, 50, RankMs + 2), new Claim(2, 50, RankMs + 1), new Claim(3, 50, RankMs + 3)])];
        ClaimTier[] byNumber = [new(TierKind.Ordinary, TierMode.ProRata, [new Claim(6, 50, RankMs), new Claim(5, 50, RankMs), new Claim(8, 50, RankMs)])];

        Assert.Equal([new(2, 34), new(1, 33), new Allocation(3, 33)], Allocator.Allocate(100, byRank).Allocations);
        Assert.Equal([new(5, 34), new(6, 33), new Allocation(8, 33)], Allocator.Allocate(100, byNumber).Allocations);
    }

    [Fact]
    public void Allocate_ProRata_LeftoverFenGoToTheLargestRemaindersFirst()
    {
        // 10 fen over 3, 3 and 4 (total 10 → exact), then 7 fen: shares 2.1, 2.1, 2.8 → floors 2, 2, 2 and one fen to the 0.8.
        ClaimTier[] tiers = [new(TierKind.Ordinary, TierMode.ProRata, [new Claim(1, 3, RankMs), new Claim(2, 3, RankMs), new Claim(3, 4, RankMs + 1)])];

        Assert.Equal([new(1, 3), new(2, 3), new Allocation(3, 4)], Allocator.Allocate(10, tiers).Allocations);
        Assert.Equal([new(1, 2), new(2, 2), new Allocation(3, 3)], Allocator.Allocate(7, tiers).Allocations);
    }

    [Fact]
    public void Allocate_ProRataProductsAbove2To63_ExactAndTheLargerRemainderWins()
    {
        // Two claims that sum to long.MaxValue, one fen short: each exact share is claim − claim / total,
        // so each floor is claim − 1 and the remainders are the other claim. The smaller claim has the
        // larger remainder and gets the leftover fen. The products are near 2^125.
        const long small = long.MaxValue / 2;
        const long large = long.MaxValue - small;
        ClaimTier[] tiers = [new(TierKind.Ordinary, TierMode.ProRata, [new Claim(1, large, RankMs), new Claim(2, small, RankMs)])];

        DistributionResult result = Allocator.Allocate(long.MaxValue - 1, tiers);

        Assert.Equal([new(1, large - 1), new Allocation(2, small)], result.Allocations);
        Assert.Equal(0, result.DebtorSurplusFen);
    }

    [Fact]
    public void Allocate_ProRataHugeAndTinyClaims_TinyHasTheLargestRemainderAndGetsTheFen()
    {
        // h = 2^62 − 1 = 2m + 1, and the claims h, h and 1 sum to long.MaxValue. Sharing h: each big
        // exact share is h² / (2h + 1) = m + (m + 1) / (4m + 3), about m + 0.25; the 1-fen claim's is
        // h / (2h + 1), just under 0.5, so the one leftover fen goes to it.
        const long huge = (long.MaxValue - 1) / 2;
        ClaimTier[] tiers = [new(TierKind.Statutory, TierMode.ProRata, [new Claim(1, huge, RankMs), new Claim(2, huge, RankMs + 1), new Claim(3, 1, RankMs + 2)])];

        DistributionResult result = Allocator.Allocate(huge, tiers);

        Assert.Equal(huge, result.Allocations.Sum(a => a.AmountFen));
        Assert.Equal([new(1, huge / 2), new(2, huge / 2), new Allocation(3, 1)], result.Allocations);
        Assert.Equal((PlanRejection.None, ""), PlanCheck.Verify(huge, tiers, result.Allocations, result.DebtorSurplusFen));
    }

    [Fact]
    public void Allocate_ClaimsNearLongMax_PaysAllAndNothingOverflows()
    {
        ClaimTier[] tiers =
        [
            new(TierKind.Costs, TierMode.Sequential, [new Claim(1, long.MaxValue - 3, RankMs)]),
            new(TierKind.Ordinary, TierMode.ProRata, [new Claim(2, 1, RankMs), new Claim(3, 1, RankMs)]),
        ];

        DistributionResult result = Allocator.Allocate(long.MaxValue, tiers);

        Assert.Equal([new(1, long.MaxValue - 3), new(2, 1), new Allocation(3, 1)], result.Allocations);
        Assert.Equal(1, result.DebtorSurplusFen);
        Assert.Equal([new(1, long.MaxValue - 3), new(2, 1), new Allocation(3, 0)], Allocator.Allocate(long.MaxValue - 2, tiers).Allocations);
    }

    [Fact]
    public void Problem_ValidPlan_Null()
    {
        Assert.Null(Allocator.Problem(WorkedExample.NetProceedsFen, WorkedExample.Tiers(DebtorKind.Individual)));
        Assert.Null(Allocator.Problem(0, []));
        Assert.Null(Allocator.Problem(long.MaxValue, [Tier(TierKind.Costs, new Claim(1, long.MaxValue - 1, RankMs)), Tier(TierKind.Ordinary, new Claim(254, 1, RankMs))]));
    }

    public static TheoryData<string, long, ClaimTier[], string> Problems => new()
    {
        { "net negative", -1, [Tier(TierKind.Costs, new Claim(1, 1, RankMs))], "The net proceeds are negative (-0.01 yuan)." },
        { "tier missing", 1, [Tier(TierKind.Costs, new Claim(1, 1, RankMs)), null!], "Tier 2 is missing." },
        { "kind undefined", 1, [Tier((TierKind)6, new Claim(1, 1, RankMs))], "Tier 1 has kind 6 and mode 1; one of them is not defined." },
        { "mode undefined", 1, [new ClaimTier(TierKind.Costs, (TierMode)0, [new Claim(1, 1, RankMs)])], "Tier 1 has kind 1 and mode 0; one of them is not defined." },
        { "kinds descending", 1, [Tier(TierKind.Ordinary, new Claim(1, 1, RankMs)), Tier(TierKind.Secured, new Claim(2, 1, RankMs))], "The Secured tier comes after the Ordinary tier: tiers must be in ascending order of kind, each kind at most once." },
        { "kind repeated", 1, [Tier(TierKind.Secured, new Claim(1, 1, RankMs)), Tier(TierKind.Secured, new Claim(2, 1, RankMs))], "The Secured tier comes after the Secured tier: tiers must be in ascending order of kind, each kind at most once." },
        { "tier empty", 1, [Tier(TierKind.Costs, new Claim(1, 1, RankMs)), Tier(TierKind.Ordinary)], "The Ordinary tier has no claims." },
        { "claims null", 1, [new ClaimTier(TierKind.Costs, TierMode.Sequential, null!)], "The Costs tier has no claims." },
        { "claim missing", 1, [Tier(TierKind.Costs, new Claim(1, 1, RankMs), null!)], "A claim of the Costs tier is missing." },
        { "number 0", 1, [Tier(TierKind.Costs, new Claim(0, 1, RankMs))], "Claim number 0 in the Costs tier is outside 1 to 254." },
        { "number 255", 1, [Tier(TierKind.Secured, new Claim(255, 1, RankMs))], "Claim number 255 in the Secured tier is outside 1 to 254." },
        { "number repeated across tiers", 1, [Tier(TierKind.Costs, new Claim(7, 1, RankMs)), Tier(TierKind.Ordinary, new Claim(7, 2, RankMs))], "Claim number 7 appears more than once." },
        { "amount 0", 1, [Tier(TierKind.Costs, new Claim(1, 0, RankMs))], "Claim 1 is owed 0.00 yuan; a claim must be positive." },
        { "amount negative", 1, [Tier(TierKind.Costs, new Claim(1, 5, RankMs), new Claim(2, -123_456_789, RankMs))], "Claim 2 is owed -1,234,567.89 yuan; a claim must be positive." },
        { "amount long.MinValue", 1, [Tier(TierKind.Costs, new Claim(1, long.MinValue, RankMs))], "Claim 1 is owed -92,233,720,368,547,758.08 yuan; a claim must be positive." },
        { "sum overflows by 1 fen", 1, [Tier(TierKind.Costs, new Claim(1, long.MaxValue, RankMs)), Tier(TierKind.Ordinary, new Claim(2, 1, RankMs))], "The claims add up to 92,233,720,368,547,758.08 yuan, more than the 92,233,720,368,547,758.07 yuan an amount can hold." },
        { "sum overflows within a tier", 1, [Tier(TierKind.Ordinary, new Claim(1, long.MaxValue / 2 + 1, RankMs), new Claim(2, long.MaxValue / 2 + 1, RankMs))], "The claims add up to 92,233,720,368,547,758.08 yuan, more than the 92,233,720,368,547,758.07 yuan an amount can hold." },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Problem_EachInvalidInput_NamesIt_AndAllocateThrowsWithIt(string name, long netProceedsFen, ClaimTier[] tiers, string problem)
    {
        Assert.NotEmpty(name);
        Assert.Equal(problem, Allocator.Problem(netProceedsFen, tiers));
        ArgumentException error = Assert.Throws<ArgumentException>(() => Allocator.Allocate(netProceedsFen, tiers));
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void Problem_NetNegativeAndTiersBad_NetReportedFirst()
    {
        Assert.Equal("The net proceeds are negative (-1.00 yuan).", Allocator.Problem(-100, [Tier(TierKind.Costs)]));
    }

    [Fact]
    public void Problem_NullTiers_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Allocator.Problem(0, null!));
    }

    private static ClaimTier Tier(TierKind kind, params Claim[] claims) => new(kind, TierMode.Sequential, claims);
}
