using CsCheck;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Banking;

public class InterestAllocationTests
{
    private static readonly AccountId s_payee = new(100);

    private static readonly Gen<(long Interest, InterestWeight[] Weights)> s_input =
        Gen.Int[1, 5].SelectMany(days =>
            Gen.Select(
                Gen.Long[0, 10_000_000_000],
                Gen.Select(Gen.Int[1, 1000], Gen.Long[0, 1_000_000_000_000].Array[days]).Array[1, 20]))
        .Select((interest, rows) => (interest, rows
            .DistinctBy(r => r.Item1)
            .Select(r => new InterestWeight(new AccountId((UInt128)r.Item1), new AccountId((UInt128)(r.Item1 % 3) + 1000), r.Item2))
            .ToArray()));

    [Fact]
    public void TryAllocate_AnyInput_SharesSumToTheInterestNoneNegativeAndOrderDoesNotMatter()
    {
        s_input.Sample((interest, weights) =>
        {
            InterestAllocationRefusal refusal = InterestAllocation.TryAllocate(interest, weights, out InterestAllocation? allocation);
            if (weights.All(w => w.DailyBalancesFen.All(b => b == 0)) && interest > 0)
            {
                return refusal == InterestAllocationRefusal.NoBalanceEarnedIt;
            }

            InterestAllocation? reversed;
            return refusal == InterestAllocationRefusal.None
                && allocation!.Shares.Sum(s => s.AmountFen) == interest
                && allocation.ByRecipient().Sum(r => r.AmountFen) == interest
                && allocation.Shares.All(s => s.AmountFen >= 0)
                && InterestAllocation.TryAllocate(interest, [.. weights.Reverse()], out reversed) == InterestAllocationRefusal.None
                && reversed!.Shares.SequenceEqual(allocation.Shares);
        });
    }

    [Fact]
    public void TryAllocate_EachShareWithinOneFenOfItsExactShare()
    {
        s_input.Sample((interest, weights) =>
        {
            if (InterestAllocation.TryAllocate(interest, weights, out InterestAllocation? allocation) != InterestAllocationRefusal.None)
            {
                return true;
            }

            Int128 total = weights.Aggregate(Int128.Zero, (t, w) => t + w.DailyBalancesFen.Aggregate(Int128.Zero, (s, b) => s + b));
            return allocation!.Shares.All(s =>
            {
                Int128 weight = weights.Single(w => w.SubAccount == s.SubAccount).DailyBalancesFen.Aggregate(Int128.Zero, (a, b) => a + b);
                Int128 floor = (Int128)interest * weight / total;
                return s.AmountFen == floor || s.AmountFen == floor + 1;
            });
        });
    }

    [Fact]
    public void TryAllocate_LeftoverFen_GoToLargestRemaindersTiesByLowerId()
    {
        // 10 fen over three equal balances: 3.33 each, one fen left, to the lowest id.
        InterestWeight[] weights = [W(3, 100), W(1, 100), W(2, 100)];

        Assert.Equal(InterestAllocationRefusal.None, InterestAllocation.TryAllocate(10, weights, out InterestAllocation? allocation));
        Assert.Equal([4L, 3L, 3L], allocation!.Shares.Select(s => s.AmountFen));

        // 10 fen by 1:2 over two days each: 3.33 and 6.67; the larger remainder (0.67) gets the fen.
        Assert.Equal(InterestAllocationRefusal.None, InterestAllocation.TryAllocate(10, [W(1, 50, 50), W(2, 100, 100)], out allocation));
        Assert.Equal([3L, 7L], allocation!.Shares.Select(s => s.AmountFen));
    }

    [Fact]
    public void Recipient_DefaultRule_IsThePayee()
    {
        Assert.Equal(s_payee, new InterestClaim(new AccountId(1), InterestRule.ToPayee, s_payee).Recipient);
        Assert.Equal(new AccountId(1), new InterestClaim(new AccountId(1), InterestRule.FollowsBalance, s_payee).Recipient);
    }

    [Fact]
    public void TryAllocate_BadInput_Refused()
    {
        Assert.Equal(InterestAllocationRefusal.InterestMustNotBeNegative, InterestAllocation.TryAllocate(-1, [W(1, 1)], out _));
        Assert.Equal(InterestAllocationRefusal.SubAccountCountOutOfRange, InterestAllocation.TryAllocate(1, [], out _));
        Assert.Equal(InterestAllocationRefusal.SubAccountRepeated, InterestAllocation.TryAllocate(1, [W(1, 1), W(1, 2)], out _));
        Assert.Equal(InterestAllocationRefusal.PeriodDaysDiffer, InterestAllocation.TryAllocate(1, [W(1, 1), W(2, 1, 1)], out _));
        Assert.Equal(InterestAllocationRefusal.DailyBalanceMustNotBeNegative, InterestAllocation.TryAllocate(1, [W(1, -1)], out _));
        Assert.Equal(InterestAllocationRefusal.NoBalanceEarnedIt, InterestAllocation.TryAllocate(1, [W(1, 0)], out _));
    }

    private static InterestWeight W(ulong id, params long[] daily) => new(new AccountId(id), new AccountId(id), daily);
}
