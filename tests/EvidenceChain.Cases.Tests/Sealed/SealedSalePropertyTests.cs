using CsCheck;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Ledger.Escrow;
using H = EvidenceChain.Cases.Tests.Sealed.SealedSaleHarness;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// Random claim sets and prices through the whole plan path on one shared ledger: the court's plan
/// (the allocator's) issued, final after its window, every payout on the statement, the case closed,
/// and then every account of the case at 0 and the escrow bank account back where it was before the
/// buyer paid.
/// </summary>
public sealed class SealedSalePropertyTests : IDisposable
{
    // Small, mid and huge claims; the price from 1 fen up, so plans run short in every tier or leave a surplus.
    private static readonly Gen<long> s_amountFen = Gen.Frequency(
        (2, Gen.Long[1, 100]),
        (3, Gen.Long[1, 100_000_000]),
        (1, Gen.Long[(long.MaxValue / 64) - 1_000, long.MaxValue / 64]));

    private static readonly Gen<ClaimTier[]> s_tiers = Gen.Select(
        Gen.Bool.Array[5],
        Gen.Enum<TierMode>().Array[5],
        Gen.Select(s_amountFen, Gen.Long[0, 3]).Array[1, 6].Array[5],
        Gen.Shuffle(Enumerable.Range(1, Allocator.ClaimNumberMax).Select(n => (byte)n).ToArray())).Select((present, modes, claims, numbers) =>
        {
            var tiers = new List<ClaimTier>();
            int next = 0;
            for (int k = 0; k < 5; k++)
            {
                if (present[k] || (k == 4 && tiers.Count == 0))
                {
                    tiers.Add(new ClaimTier((TierKind)(k + 1), modes[k], [.. claims[k].Select(c => new Claim(numbers[next++], c.Item1, c.Item2))]));
                }
            }

            return tiers.ToArray();
        });

    private static readonly Gen<(long PriceFen, ClaimTier[] Tiers)> s_sale = Gen.Select(
        Gen.Frequency((1, Gen.Long[1, 10]), (3, Gen.Long[1, 400_000_000]), (1, Gen.Long[1, 1_000_000_000_000])),
        s_tiers);

    private readonly H _case = new();
    private uint _nextCase = 0x5EA2_0000;

    [Fact]
    public void RandomPlans_IssuedFinalPaidClosed_EveryCaseAccountZero_BankAsBefore()
    {
        // One harness and ledger for every sample, so the cases run one at a time.
        s_sale.Sample(
            (price, tiers) =>
            {
                _case.Open(new CaseId(++_nextCase));
                _case.Day = new DateOnly(2025, 11, 3);
                _case.RunToNotarized(_case.Terms(priceFen: price));
                AccountBalance before = _case.BalanceOf(H.Bank);
                _case.Fund();
                _case.IssueAssistance();
                _case.ConfirmTransfer();

                _case.Day = new DateOnly(2025, 12, 10);
                ClaimPayee[] payees = [.. tiers.SelectMany(t => t.Claims).Select(c => new ClaimPayee(c.Number, new PayeeAccount($"62220000{c.Number:D3}", $"债权人{c.Number}")))];
                DistributionPlan plan = H.PlanOf(price, tiers, payees);
                _case.IssuePlan(plan);
                _case.Day = new DateOnly(2025, 12, 26);
                SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
                Assert.Equal(plan.Booked.Select(a => a.AmountFen), final.Payouts.Select(p => p.AmountFen));
                Assert.Equal(price, final.Payouts.Sum(p => p.AmountFen));
                _case.PayoutsPosted(final, _case.Day);
                _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
                _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));

                Assert.Equal(SealedSaleState.Closed, _case.Case.State);
                _case.AssertCaseAccountsSettled();
                AccountBalance after = _case.BalanceOf(H.Bank);
                Assert.Equal((before.DebitsPending, before.CreditsPending), (after.DebitsPending, after.CreditsPending));
                Assert.Equal(before.DebitsPosted - before.CreditsPosted, after.DebitsPosted - after.CreditsPosted);
                Assert.Equal(before.DebitsPosted + price, after.DebitsPosted);
            },
            iter: 60,
            threads: 1);
        _case.Ledger.CheckInvariants();
    }

    public void Dispose() => _case.Dispose();
}
