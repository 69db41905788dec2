using EvidenceChain.Cases.Distribution;

namespace EvidenceChain.Cases.Tests.Distribution;

/// <summary>The plan checker on hand-written plans over DOMAIN.md §4.3's example: each rejection with its sentence, the order of the checks, and plans the court may choose that differ from the allocator's.</summary>
public sealed class PlanCheckTests
{
    private const long Net = WorkedExample.NetProceedsFen;
    private static readonly ClaimTier[] s_tiers = WorkedExample.Tiers(DebtorKind.Individual);

    // The allocator's plan: costs 2,000,000, mortgage 50,000,000, A 20,571,429, B 27,428,571.
    private static Allocation[] Plan(long costs = 2_000_000, long mortgage = 50_000_000, long a = 20_571_429, long b = 27_428_571) =>
        [new(WorkedExample.Costs, costs), new(WorkedExample.Mortgage, mortgage), new(WorkedExample.A, a), new(WorkedExample.B, b)];

    [Fact]
    public void Verify_AllocatorsPlanInAnyOrder_Accepted()
    {
        Assert.Equal((PlanRejection.None, ""), PlanCheck.Verify(Net, s_tiers, Plan(), 0));
        Assert.Equal((PlanRejection.None, ""), PlanCheck.Verify(Net, s_tiers, [.. Plan().Reverse()], 0));
    }

    [Fact]
    public void Verify_CourtSharesDifferentlyWithinTheShortTier_Accepted()
    {
        // The court may round the other way, or pay A in full first: only the listed rules bind it.
        Assert.Equal(PlanRejection.None, PlanCheck.Verify(Net, s_tiers, Plan(a: 20_571_428, b: 27_428_572), 0).Rejection);
        Assert.Equal(PlanRejection.None, PlanCheck.Verify(Net, s_tiers, Plan(a: 30_000_000, b: 18_000_000), 0).Rejection);
    }

    [Fact]
    public void Verify_TiersInvalid_ReturnsTheProblem()
    {
        ClaimTier[] tiers = [.. s_tiers.Reverse()];

        Assert.Equal(
            (PlanRejection.TiersInvalid, "The Secured tier comes after the Ordinary tier: tiers must be in ascending order of kind, each kind at most once."),
            PlanCheck.Verify(Net, tiers, Plan(), 0));
        Assert.Equal((PlanRejection.TiersInvalid, "The net proceeds are negative (-1,000,000.00 yuan)."), PlanCheck.Verify(-Net, s_tiers, Plan(), 0));
    }

    [Fact]
    public void Verify_ClaimWithoutAllocation_AllocationsDoNotMatchClaims()
    {
        Allocation[] plan = [.. Plan().Where(a => a.ClaimNumber != WorkedExample.B)];

        Assert.Equal((PlanRejection.AllocationsDoNotMatchClaims, "Claim 4 has no allocation."), PlanCheck.Verify(Net, s_tiers, plan, 27_428_571));
    }

    [Fact]
    public void Verify_ClaimAllocatedTwice_AllocationsDoNotMatchClaims()
    {
        Allocation[] plan = [.. Plan(a: 10_000_000), new(WorkedExample.A, 10_571_429)];

        Assert.Equal((PlanRejection.AllocationsDoNotMatchClaims, "Claim 3 has 2 allocations; each claim has exactly one."), PlanCheck.Verify(Net, s_tiers, plan, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(255)]
    public void Verify_AllocationOfNoClaim_AllocationsDoNotMatchClaims(byte number)
    {
        Allocation[] plan = [.. Plan(b: 27_428_570), new(number, 1)];

        Assert.Equal(
            (PlanRejection.AllocationsDoNotMatchClaims, $"The allocation of 0.01 yuan to claim {number} names no claim of the plan."),
            PlanCheck.Verify(Net, s_tiers, plan, 0));
    }

    [Fact]
    public void Verify_NullAllocation_AllocationsDoNotMatchClaims()
    {
        Assert.Equal((PlanRejection.AllocationsDoNotMatchClaims, "An allocation is missing."), PlanCheck.Verify(Net, s_tiers, [.. Plan(), null!], 0));
    }

    [Fact]
    public void Verify_NegativeAllocation_NegativeAmount()
    {
        // B's −1 fen is given to A, so the sum still matches: only the sign is wrong.
        Assert.Equal(
            (PlanRejection.NegativeAmount, "Claim 4 is allocated -0.01 yuan; an allocation cannot be negative."),
            PlanCheck.Verify(Net, s_tiers, Plan(a: 48_000_001, b: -1), 0));
    }

    [Fact]
    public void Verify_NegativeSurplus_NegativeAmount()
    {
        Assert.Equal(
            (PlanRejection.NegativeAmount, "The debtor surplus is -0.01 yuan; it cannot be negative."),
            PlanCheck.Verify(Net, s_tiers, Plan(a: 20_571_430), -1));
    }

    [Fact]
    public void Verify_OneFenTooMany_SumMismatch()
    {
        Assert.Equal(
            (PlanRejection.SumMismatch, "The allocations (1,000,000.01 yuan) and the debtor surplus (0.00 yuan) add up to 1,000,000.01 yuan, not the net proceeds of 1,000,000.00 yuan."),
            PlanCheck.Verify(Net, s_tiers, Plan(a: 20_571_430), 0));
    }

    [Fact]
    public void Verify_OneFenLost_SumMismatch()
    {
        Assert.Equal(PlanRejection.SumMismatch, PlanCheck.Verify(Net, s_tiers, Plan(b: 27_428_570), 0).Rejection);
        Assert.Equal(PlanRejection.SumMismatch, PlanCheck.Verify(Net, s_tiers, Plan(), 1).Rejection);
    }

    [Fact]
    public void Verify_AllocationsAboveLongMax_SumMismatchWithoutOverflow()
    {
        ClaimTier[] tiers = [new(TierKind.Ordinary, TierMode.ProRata, [new Claim(1, long.MaxValue / 2, 0), new Claim(2, long.MaxValue / 2, 0)])];
        Allocation[] plan = [new(1, long.MaxValue), new(2, long.MaxValue)];

        (PlanRejection rejection, string detail) = PlanCheck.Verify(long.MaxValue - 1, tiers, plan, long.MaxValue);

        Assert.Equal(PlanRejection.SumMismatch, rejection);
        Assert.Contains("add up to 276,701,161,105,643,274.21 yuan", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ClaimPaidMoreThanOwed_ClaimExceeded()
    {
        // The sum is right; B is paid more than its 400,000.00 yuan.
        Assert.Equal(
            (PlanRejection.ClaimExceeded, "Claim 4 is allocated 400,000.01 yuan, more than the 400,000.00 yuan it is owed."),
            PlanCheck.Verify(Net, s_tiers, Plan(a: 7_999_999, b: 40_000_001), 0));
    }

    [Fact]
    public void Verify_OrdinaryPaidWhileMortgageShort_LowerTierPaidWhileHigherShort()
    {
        Assert.Equal(
            (PlanRejection.LowerTierPaidWhileHigherShort, "Claim 3 (Ordinary) is allocated 205,714.30 yuan while claim 2 (Secured) is owed 500,000.00 yuan and allocated only 499,999.99 yuan; a tier is paid only once every earlier tier is paid in full."),
            PlanCheck.Verify(Net, s_tiers, Plan(mortgage: 49_999_999, a: 20_571_430), 0));
    }

    [Fact]
    public void Verify_DebtorKeepsMoneyWhileAClaimIsShort_LowerTierPaidWhileHigherShort()
    {
        Assert.Equal(
            (PlanRejection.LowerTierPaidWhileHigherShort, "The debtor surplus is 0.01 yuan while claim 3 (Ordinary) is owed 300,000.00 yuan and allocated only 205,714.28 yuan; the debtor keeps money only once every claim is paid in full."),
            PlanCheck.Verify(Net, s_tiers, Plan(a: 20_571_428), 1));
    }

    [Fact]
    public void Verify_EveryRuleBroken_TheFirstInOrderIsReported()
    {
        // Negative, wrong sum, exceeded and out of tier order all at once: NegativeAmount comes first.
        Assert.Equal(PlanRejection.NegativeAmount, PlanCheck.Verify(Net, s_tiers, Plan(costs: -1, b: 90_000_000), 5).Rejection);

        // Wrong sum and exceeded: SumMismatch comes first.
        Assert.Equal(PlanRejection.SumMismatch, PlanCheck.Verify(Net, s_tiers, Plan(b: 90_000_000), 0).Rejection);

        // Exceeded and out of tier order: ClaimExceeded comes first.
        Assert.Equal(PlanRejection.ClaimExceeded, PlanCheck.Verify(Net, s_tiers, Plan(mortgage: 0, a: 30_000_000, b: 68_000_000), 0).Rejection);
    }

    [Fact]
    public void Verify_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PlanCheck.Verify(Net, null!, Plan(), 0));
        Assert.Throws<ArgumentNullException>(() => PlanCheck.Verify(Net, s_tiers, null!, 0));
    }
}
