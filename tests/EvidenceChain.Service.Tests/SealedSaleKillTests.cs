using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using S = EvidenceChain.Service.Tests.Support.SaleDriver;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// 带封过户 cases start to close (<see cref="SaleDriver.StartToCloseSteps"/>) side by side on a real
/// server killed (-9) at random moments and restarted on its data: nothing acknowledged is lost,
/// every case resumes where it stood and closes, nothing is paid twice, no booked transfer is left
/// without its transition. Its own server, not <see cref="SealedSaleServiceTests"/>' shared one: the
/// kills would break the other tests' calls. Kill cycles: EVIDENCECHAIN_KILL_CYCLES (CI 2), as
/// <see cref="CaseServiceTests"/>.
/// </summary>
public sealed class SealedSaleKillTests
{
    private static readonly int s_cycles = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_KILL_CYCLES"), out int cycles) && cycles > 0 ? cycles : 2;

    [Fact]
    public async Task RandomSales_ServerKilledInTheMiddle_NothingAcknowledgedLost_NothingPaidTwice()
    {
        var random = new Random(20261130);

        // DOMAIN.md §4.3 for an individual debtor (pro rata: A gets the extra fen) and a company (in
        // order of seizure), and one where B's claim is 100,000.00: every claim is paid in full and
        // the debtor keeps 80,000.00.
        (ByteString CaseId, DebtorKind Debtor, long ClaimBFen, long[] AllocatedFen, long SurplusFen)[] sales =
        [
            (S.IdOf(0x5EA1_1001), DebtorKind.Individual, S.ClaimBFen, [S.CostsFen, S.MortgageFen, 20_571_429, 27_428_571], 0),
            (S.IdOf(0x5EA1_1002), DebtorKind.Company, S.ClaimBFen, [S.CostsFen, S.MortgageFen, S.ClaimAFen, 18_000_000], 0),
            (S.IdOf(0x5EA1_1003), DebtorKind.Individual, 10_000_000, [S.CostsFen, S.MortgageFen, S.ClaimAFen, 10_000_000], 8_000_000),
        ];
        using var driver = new SaleDriver();
        var steps = new IReadOnlyList<(string Name, Func<Task> Run)>[sales.Length];
        int totalSteps = 0;

        // One slot per case, each written only by its own case's task.
        int[] done = new int[sales.Length];
        ulong[] acknowledged = new ulong[sales.Length];
        for (int cycle = 0; cycle <= s_cycles; cycle++)
        {
            if (cycle == 0)
            {
                await driver.InitializeAsync();
                for (int c = 0; c < sales.Length; c++)
                {
                    steps[c] = driver.StartToCloseSteps(sales[c].CaseId, sales[c].Debtor, sales[c].ClaimBFen);
                }

                totalSteps = steps.Sum(s => s.Count);
            }
            else
            {
                driver.StartAfterKill();
            }

            // Nothing acknowledged before the kill is lost.
            for (int c = 0; c < sales.Length; c++)
            {
                if (acknowledged[c] > 0)
                {
                    Assert.True((await driver.GetAsync(sales[c].CaseId)).TransitionCount >= acknowledged[c], $"case {c}: fewer transitions than the {acknowledged[c]} acknowledged");
                }
            }

            // The cases advance side by side, each step retried from where it stood; the last cycle runs them to the end.
            Task[] runs = [.. sales.Select((sale, c) => Task.Run(async () =>
            {
                try
                {
                    for (; done[c] < steps[c].Count; done[c]++)
                    {
                        await steps[c][done[c]].Run();
                        acknowledged[c] = (await driver.GetAsync(sale.CaseId)).TransitionCount;
                    }
                }
                catch (RpcException) when (cycle < s_cycles)
                {
                    // The kill: this step is run again after the restart.
                }
            }))];
            if (cycle < s_cycles)
            {
                // Kill k lands at a random point of the k-th of s_cycles equal parts of the run (counted
                // in steps done), then a random moment into whatever calls are in flight: however many
                // cycles, the kills spread over the whole case, the plan and the payouts included.
                int killAtStep = (int)((long)totalSteps * cycle / s_cycles) + random.Next(Math.Max(1, totalSteps / s_cycles));
                while (Enumerable.Range(0, sales.Length).Sum(c => Volatile.Read(ref done[c])) < killAtStep && !runs.All(r => r.IsCompleted))
                {
                    await Task.Delay(10);
                }

                await Task.Delay(random.Next(250));
                driver.Kill();
            }

            await Task.WhenAll(runs);
        }

        Assert.Equal(steps.Select(s => s.Count), done);
        foreach ((ByteString caseId, DebtorKind _, long _, long[] allocatedFen, long surplusFen) in sales)
        {
            GetSealedSaleResponse closed = await driver.GetAsync(caseId);
            Assert.Equal("Closed", closed.StateName);
            Assert.Empty(closed.UnrecordedTransferIds); // every booked transfer belongs to a recorded transition
            Assert.Equal(allocatedFen, closed.Plan.Allocations.Select(a => a.AmountFen));
            Assert.Equal(surplusFen, closed.Plan.DebtorSurplusFen);
            await AssertSettledAsync(driver, caseId, allocatedFen, surplusFen);
        }

        // The escrow bank account took in each price once and paid it out once: nothing created, lost or paid twice.
        AccountWithBalance bank = await driver.BankAsync();
        Assert.Equal((sales.Length * S.PriceFen, sales.Length * S.PriceFen, 0L, 0L), (bank.DebitsPosted, bank.CreditsPosted, bank.DebitsPending, bank.CreditsPending));
        driver.Service.ThrowIfErrorsLogged();
    }

    /// <summary>
    /// Every account of the case at zero with nothing pending, each having moved exactly once: the
    /// price through the buyer's account and the proceeds, each claim's allocation and the debtor's
    /// surplus in and out of its own account.
    /// </summary>
    private static async Task AssertSettledAsync(SaleDriver driver, ByteString caseId, long[] allocatedFen, long surplusFen)
    {
        CaseId id = S.CaseIdOf(caseId);
        var expected = new List<(AccountId Account, long MovedFen)>
        {
            (CaseAccounts.Of(id, CaseAccountPurpose.Buyer), S.PriceFen),
            (CaseAccounts.Of(id, CaseAccountPurpose.Proceeds), S.PriceFen),
        };
        expected.AddRange(allocatedFen.Select((amountFen, i) => (CaseAccounts.Of(id, CaseAccountPurpose.Payee, (byte)(i + 1)), amountFen)));
        if (surplusFen > 0)
        {
            expected.Add((CaseAccounts.Of(id, CaseAccountPurpose.DebtorSurplus), surplusFen));
        }

        LookupAccountsResponse accounts = await driver.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { expected.Select(e => CaseDriver.Id(e.Account.Value)) } });
        Assert.Equal(
            expected.Select(e => (CaseDriver.Id(e.Account.Value), e.MovedFen, e.MovedFen, 0L, 0L)),
            accounts.Accounts.Select(a => (a.Account.Id, a.DebitsPosted, a.CreditsPosted, a.DebitsPending, a.CreditsPending)));
    }
}
