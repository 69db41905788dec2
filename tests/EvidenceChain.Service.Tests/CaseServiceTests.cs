using System.Buffers.Binary;
using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Core.Records;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// 带押过户 cases over gRPC on a real server. DOMAIN.md §3.4's worked example start to close: in
/// 2,000,000.00, out 600,850.00 + 3,000.00 + 1,396,150.00, every case account at zero, a refused
/// event changing nothing, a restart in the middle, the statement verified. And random runs of
/// several cases at once with the server killed (-9) in the middle: nothing acknowledged lost,
/// nothing paid twice, the ledger's invariants hold. Kill cycles: EVIDENCECHAIN_KILL_CYCLES (CI 2).
/// </summary>
public sealed class CaseServiceTests : IDisposable
{
    private static readonly int s_cycles = int.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_KILL_CYCLES"), out int cycles) && cycles > 0 ? cycles : 2;

    private readonly TempDirectory _data = new();
    private readonly CaseDriver _driver = new();

    [Fact]
    public async Task WorkedExample_LoanIntoEscrow_StartToClose_OverGrpc()
    {
        ByteString caseId = CaseDriver.Id(0xCA5E_0001);
        ApplyTransitionResponse settled;
        using (ServiceProcess service = Start())
        {
            await _driver.SetUpAsync();
            await _driver.OpenAsync(caseId);

            // A guard names what is wrong, and a refused event changes nothing.
            ulong wrongType = await _driver.ArtefactAsync(caseId, ArtefactType.RegistryReceipt, _driver.Registry, ArtefactSubjects.TransferPreNotice);
            RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await _driver.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.Accept, artefacts: [wrongType])));
            Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
            Assert.StartsWith("GuardNotSatisfied/WrongArtefactType", refused.Status.Detail, StringComparison.Ordinal);
            Assert.Equal("Draft", (await _driver.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).StateName);

            // Everything up to the settlement, step by step.
            IReadOnlyList<(string Name, Func<Task> Run)> steps = _driver.WorkedExampleSteps(caseId, LoanRoute.IntoEscrow);
            foreach ((string _, Func<Task> run) in steps.Skip(1).TakeWhile(s => !s.Name.StartsWith("Settle", StringComparison.Ordinal)))
            {
                await run();
            }

            RpcException unapproved = await Assert.ThrowsAsync<RpcException>(async () => await _driver.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.Settle)));
            Assert.Equal(StatusCode.FailedPrecondition, unapproved.StatusCode);
            Assert.StartsWith("ApprovalsInvalid/TooFewApprovals", unapproved.Status.Detail, StringComparison.Ordinal);

            settled = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Settle));
            Assert.Equal([139_615_000L, 300_000L], settled.Payouts.Select(p => p.AmountFen));
            Assert.Equal(["6228480000000000002", "6222000000000000004"], settled.Payouts.Select(p => p.Payee.BankAccount));
            Assert.Equal(["Ok", "Ok", "Ok", "Ok"], settled.TransferResultNames);

            // What is due: the certificate, the notice and the public notice run from today's deposit; acceptance was met.
            ListDueDeadlinesResponse due = await _driver.Escrow.ListDueDeadlinesAsync(new ListDueDeadlinesRequest { Through = DateTime.UtcNow.AddDays(120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(["Certificate", "Notice", "PublicNotice"], due.Deadlines.Select(d => d.Deadline.RuleName));
            Assert.All(due.Deadlines, d => Assert.Equal(caseId, d.CaseId));
            Assert.Equal(0, service.Terminate());
        }

        // The case survives a restart: rebuilt from its records, each checked against its leaf.
        using ServiceProcess restarted = Start();
        Assert.Equal("Settling", (await _driver.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).StateName);
        RpcException early = await Assert.ThrowsAsync<RpcException>(async () => await _driver.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.Close)));
        Assert.StartsWith("CaseNotSettled", early.Status.Detail, StringComparison.Ordinal);

        await _driver.StatementAsync(settled.Payouts[0].TransferId, 139_615_000, 'D');
        await _driver.StatementAsync(settled.Payouts[1].TransferId, 300_000, 'D');
        ApplyTransitionResponse closed = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Close));
        Assert.Equal("Closed", closed.StateName);
        await AssertSettledAsync([caseId], 200_000_000);
        Assert.Empty((await _driver.Escrow.ListDueDeadlinesAsync(new ListDueDeadlinesRequest())).Deadlines);

        // The statement verifies offline: every record with its proof against a signed checkpoint.
        await _driver.WaitSignedAsync(closed.LeafIndex);
        GetCaseStatementResponse statement = await _driver.Escrow.GetCaseStatementAsync(new GetCaseStatementRequest { CaseId = caseId });
        Assert.True(RecordStatement.TryParse(statement.StatementJson, out RecordStatement? parsed).IsValid);
        IReadOnlyList<Core.Notes.NoteVerifier> keys = File.ReadAllLines(Path.Combine(_data.Path, "notary.vkeys")).Where(l => l.Length > 0).Select(Core.Notes.NoteVerifierKey.Parse).ToList();
        Assert.True(parsed!.Verify(keys, [Core.Leaves.LeafType.CaseTransition, Core.Leaves.LeafType.LedgerBatch], out _, out _).IsValid);
        // The opening, 13 transitions, 15 artefacts (the refused one included: it was recorded; a fresh
        // quote for the send), and 11 ledger batches: the case's accounts, its six events that booked
        // postings, and the bank's five statement lines that posted its deposits and payouts.
        Assert.Equal(1 + 13 + 15 + 11, parsed.Entries.Count);
        GetCaseDeadlinesResponse deadlines = await _driver.Escrow.GetCaseDeadlinesAsync(new GetCaseDeadlinesRequest { CaseId = caseId });
        Assert.Equal(["Acceptance", "Certificate", "Notice", "PublicNotice", "Lapse"], deadlines.Deadlines.Select(d => d.RuleName));
        restarted.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task CourtFreezeAndDeduction_ThenRefundOnTheSellersWaiver_OverGrpc()
    {
        ByteString caseId = CaseDriver.Id(0xCA5E_0002);
        using ServiceProcess service = Start();
        await _driver.SetUpAsync();
        IReadOnlyList<(string Name, Func<Task> Run)> steps = _driver.WorkedExampleSteps(caseId, LoanRoute.DirectToSeller);
        foreach ((string _, Func<Task> run) in steps.TakeWhile(s => !s.Name.StartsWith("ReservePayoff", StringComparison.Ordinal)))
        {
            await run();
        }

        // A court freezes 50,000.00 of the seller's entitlement: payoffs wait; its deduction pays the court's account.
        ApplyTransitionResponse frozen = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Freeze, leg: 1, artefacts: [await _driver.ArtefactAsync(caseId, ArtefactType.CourtDocument, _driver.Court, ArtefactSubjects.Freeze, leg: 1, amountFen: 5_000_000)]));
        Assert.Equal("FrozenByCourt", frozen.StateName);
        RpcException blocked = await Assert.ThrowsAsync<RpcException>(async () => await _driver.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.ReservePayoff, leg: 1)));
        Assert.StartsWith("EventNotAllowedInState", blocked.Status.Detail, StringComparison.Ordinal);

        CaseEventRequest deduct = CaseDriver.Request(caseId, MortgageEvent.Deduct, leg: 1, artefacts: [await _driver.ArtefactAsync(caseId, ArtefactType.CourtDocument, _driver.Court, ArtefactSubjects.Deduction, leg: 1)]);
        deduct.Payee = new CasePayee { BankAccount = "6217000000000000009", Name = "济南市中级人民法院执行款专户" };
        ApplyTransitionResponse deducted = await _driver.ApplyAsync(deduct);
        Assert.Equal(("TitleLocked", 5_000_000L, "6217000000000000009"), (deducted.StateName, Assert.Single(deducted.Payouts).AmountFen, deducted.Payouts[0].Payee.BankAccount));
        await _driver.StatementAsync(deducted.Payouts[0].TransferId, 5_000_000, 'D');

        // The deal falls through before any payoff: a refund opens only on evidence, here the seller's waiver.
        RpcException noEvidence = await Assert.ThrowsAsync<RpcException>(async () => await _driver.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.Refund)));
        Assert.Equal(StatusCode.InvalidArgument, noEvidence.StatusCode);
        ApplyTransitionResponse refund = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Refund, artefacts: [await _driver.ArtefactAsync(caseId, ArtefactType.Waiver, _driver.Seller)]));
        Assert.Equal(("Refunding", 75_000_000L, "6228480000000000003"), (refund.StateName, Assert.Single(refund.Payouts).AmountFen, refund.Payouts[0].Payee.BankAccount));
        await _driver.StatementAsync(refund.Payouts[0].TransferId, 75_000_000, 'D');
        Assert.Equal("Closed", (await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Close))).StateName);

        AccountWithBalance bank = Assert.Single((await _driver.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseDriver.Bank) } })).Accounts);
        Assert.Equal((80_000_000L, 80_000_000L), (bank.DebitsPosted, bank.CreditsPosted));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task PayoffReturnedThenResent_ThenTheTransferFails_UnwoundAndClosed_OverGrpc()
    {
        ByteString caseId = CaseDriver.Id(0xCA5E_0004);
        using ServiceProcess service = Start();
        await _driver.SetUpAsync();
        foreach ((string _, Func<Task> run) in _driver.WorkedExampleSteps(caseId, LoanRoute.DirectToSeller).TakeWhile(s => !s.Name.StartsWith("statement PayoffPayment", StringComparison.Ordinal)))
        {
            await run();
        }

        // The outcome is unknown until the statement says: nothing resolves the payment but the bank.
        RpcException unknown = await Assert.ThrowsAsync<RpcException>(async () => await _driver.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.ConfirmPayoff, leg: 1)));
        Assert.StartsWith("PaymentNotOnStatement", unknown.Status.Detail, StringComparison.Ordinal);
        ApplyTransitionResponse returned = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.ReturnPayoff, leg: 1, artefacts: [await _driver.ArtefactAsync(caseId, ArtefactType.BankStatementLine, _driver.SellerBank, ArtefactSubjects.PaymentReturned, leg: 1)]));
        Assert.Equal("PayoffReserved", returned.StateName);
        ApplyTransitionResponse resent = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.SendPayoff, leg: 1, artefacts: [await _driver.QuoteAsync(caseId)]));
        var id = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span));
        Assert.Equal(CaseDriver.Id(CaseTransferIds.Of(id, CaseStep.PayoffPayment, 1, attempt: 1).Value), Assert.Single(resent.Payouts).TransferId); // a new attempt under a new id
        Assert.NotEqual(CaseDriver.Id(CaseTransferIds.Of(id, CaseStep.PayoffPayment, 1).Value), resent.Payouts[0].TransferId);
        await _driver.StatementAsync(resent.Payouts[0].TransferId, 60_085_000, 'D');
        Assert.Equal("PayoffConfirmed", (await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.ConfirmPayoff, leg: 1))).StateName);

        // The registry refuses the transfer after the payoff: the rest goes back to the buyer, the paid-off sum becomes the buyer's claim.
        ApplyTransitionResponse unwound = await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Unwind, artefacts: [await _driver.ArtefactAsync(caseId, ArtefactType.RegistryReceipt, _driver.Registry, ArtefactSubjects.RegistrationRefused)]));
        Assert.Equal(("UnwindingAfterPayoff", 19_915_000L, "6228480000000000003"), (unwound.StateName, Assert.Single(unwound.Payouts).AmountFen, unwound.Payouts[0].Payee.BankAccount));
        await _driver.StatementAsync(unwound.Payouts[0].TransferId, 19_915_000, 'D');
        Assert.Equal("Closed", (await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.Close))).StateName);

        AccountWithBalance claim = Assert.Single((await _driver.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseAccounts.Of(id, CaseAccountPurpose.BuyerClaim).Value) } })).Accounts);
        Assert.Equal(60_085_000, claim.CreditsPosted);
        AccountWithBalance bank = Assert.Single((await _driver.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseDriver.Bank) } })).Accounts);
        Assert.Equal((80_000_000L, 80_000_000L), (bank.DebitsPosted, bank.CreditsPosted));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Interest_ClaimedByTheCasesSubAccounts_ToTheSellerByDefault()
    {
        ByteString caseId = CaseDriver.Id(0xCA5E_0003);
        using ServiceProcess service = Start();
        await _driver.SetUpAsync();
        IReadOnlyList<(string Name, Func<Task> Run)> steps = _driver.WorkedExampleSteps(caseId, LoanRoute.DirectToSeller);
        foreach ((string _, Func<Task> run) in steps.TakeWhile(s => !s.Name.StartsWith("statement", StringComparison.Ordinal)))
        {
            await run();
        }

        // The buyer's 800,000.00 arrived ten days ago by value date; the bank credits interest today.
        DateOnly today = CaseDriver.Today;
        var id = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span));
        await _driver.StatementAsync(CaseDriver.Id(CaseTransferIds.Of(id, CaseStep.BuyerDeposit, 1).Value), 80_000_000, 'C', today.AddDays(-10));
        await _driver.ApplyAsync(CaseDriver.Request(caseId, MortgageEvent.ConfirmFunding));
        var bank = new BankService.BankServiceClient(service.Channel);
        string interestLine = "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"interest,{CaseDriver.BankNumber},I1,{today:yyyy-MM-dd},C,2345,,结息\n";

        // The interest account is the desk's default one (Bank:InterestAccount), created as the office would.
        await _driver.Escrow.CreateAccountsAsync(new CreateAccountsRequest { Accounts = { new LedgerAccount { Id = CaseDriver.Id(0xB002), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 91 } } });
        ImportStatementResponse interest = await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = ByteString.CopyFromUtf8(interestLine) });
        Assert.Equal("Booked", Assert.Single(interest.Lines).StatusName);

        AllocateInterestResponse allocated = await bank.AllocateInterestAsync(new AllocateInterestRequest
        {
            InterestTransferId = interest.Lines[0].TransferId,
            FirstDay = today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            LastDay = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            CaseIds = { caseId },
        });

        ByteString seller = CaseDriver.Id(CaseAccounts.Of(id, CaseAccountPurpose.Seller).Value);
        Assert.Equal([("800000000", 2_345L), ("0", 0L), ("0", 0L)], allocated.Shares.OrderByDescending(s => s.AmountFen).Select(s => (s.WeightFenDays, s.AmountFen)));
        Assert.All(allocated.Shares, s => Assert.Equal(seller, s.Recipient));
        Assert.Equal((seller, 2_345L, "Ok"), (Assert.Single(allocated.Transfers).Recipient, allocated.Transfers[0].AmountFen, allocated.Transfers[0].ResultName));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task RandomCases_ServerKilledInTheMiddle_NothingAcknowledgedLost_NothingPaidTwice()
    {
        var random = new Random(20261129);
        ByteString[] cases = [.. Enumerable.Range(1, 3).Select(i => CaseDriver.Id(0xCA5E_1000 + (UInt128)i))];
        var steps = new Dictionary<ByteString, IReadOnlyList<(string Name, Func<Task> Run)>>();
        // One slot per case, each written only by its own case's task.
        int[] done = new int[cases.Length];
        ulong[] acknowledged = new ulong[cases.Length];
        for (int cycle = 0; cycle <= s_cycles; cycle++)
        {
            using ServiceProcess service = Start();
            if (cycle == 0)
            {
                await _driver.SetUpAsync();
                // Both variants of DOMAIN §3.4: the buyer's loan into escrow, and paid to the seller directly.
                for (int c = 0; c < cases.Length; c++)
                {
                    steps[cases[c]] = _driver.WorkedExampleSteps(cases[c], c % 2 == 0 ? LoanRoute.IntoEscrow : LoanRoute.DirectToSeller);
                }
            }

            // Nothing acknowledged before the kill is lost.
            for (int c = 0; c < cases.Length; c++)
            {
                if (acknowledged[c] > 0)
                {
                    Assert.True((await _driver.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = cases[c] })).TransitionCount >= acknowledged[c]);
                }
            }

            // The cases advance side by side, each step retried from where it stood; the last cycle runs them to the end.
            Task[] runs = [.. cases.Select((caseId, c) => Task.Run(async () =>
            {
                try
                {
                    for (; done[c] < steps[caseId].Count; done[c]++)
                    {
                        await steps[caseId][done[c]].Run();
                        acknowledged[c] = (await _driver.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId })).TransitionCount;
                    }
                }
                catch (RpcException) when (cycle < s_cycles)
                {
                    // The kill: this step is run again after the restart.
                }
            }))];
            if (cycle < s_cycles)
            {
                await Task.Delay(300 + random.Next(1500));
                service.Kill();
            }

            await Task.WhenAll(runs);
            if (cycle == s_cycles)
            {
                Assert.Equal(cases.Select(c => steps[c].Count), done);
                foreach (ByteString caseId in cases)
                {
                    GetCaseResponse closed = await _driver.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
                    Assert.Equal("Closed", closed.StateName);
                    Assert.Empty(closed.UnrecordedTransferIds); // every booked transfer belongs to a recorded transition
                }

                await AssertSettledAsync(cases, 200_000_000 + 80_000_000 + 200_000_000); // into escrow, direct, into escrow
                service.ThrowIfErrorsLogged();
            }
        }
    }

    public void Dispose()
    {
        _driver.Dispose();
        _data.Dispose();
    }

    private ServiceProcess Start()
    {
        ServiceProcess service = ServiceProcess.Start(_data.Path, CaseDriver.ServiceArguments);
        _driver.Attach(service);
        return service;
    }

    /// <summary>Every case account at zero with nothing pending, and the escrow bank account took in exactly <paramref name="inFen"/> and paid out exactly that: nothing created, lost or paid twice.</summary>
    private async Task AssertSettledAsync(ByteString[] cases, long inFen)
    {
        foreach (ByteString caseId in cases)
        {
            var id = new CaseId(BinaryPrimitives.ReadUInt128BigEndian(caseId.Span));
            LookupAccountsResponse accounts = await _driver.Escrow.LookupAccountsAsync(new LookupAccountsRequest
            {
                Ids =
                {
                    new[] { CaseAccountPurpose.Buyer, CaseAccountPurpose.Seller, CaseAccountPurpose.Fees, CaseAccountPurpose.TreasuryPayable }.Select(p => CaseDriver.Id(CaseAccounts.Of(id, p).Value)),
                    CaseDriver.Id(CaseAccounts.Of(id, CaseAccountPurpose.Payoff, 1).Value),
                },
            });
            Assert.Equal(5, accounts.Accounts.Count);
            Assert.All(accounts.Accounts, a => Assert.Equal((0L, 0L, a.CreditsPosted), (a.DebitsPending, a.CreditsPending, a.DebitsPosted)));
        }

        AccountWithBalance bank = Assert.Single((await _driver.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseDriver.Bank) } })).Accounts);
        Assert.Equal((0L, 0L, bank.DebitsPosted), (bank.DebitsPending, bank.CreditsPending, bank.CreditsPosted));
        Assert.Equal(inFen, bank.DebitsPosted);
    }
}
