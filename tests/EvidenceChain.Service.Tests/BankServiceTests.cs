using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// The bank desk on the real service: the worked example statement (docs/examples/bank-statement.csv)
/// imported as its accounts and pending transfers expect, and again with nothing new; a malformed
/// file refused with its line and column and nothing stored; reconciliation equal and different; an
/// incident that holds payouts until resolved, across a restart; payment instructions exported.
/// </summary>
public sealed class BankServiceTests : IDisposable
{
    private const string BankNumber = "6222021001001234567";
    private const ulong Bank = 1, Buyer = 2, Seller = 3, Suspense = 4, Interest = 5;

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task ImportStatement_WorkedExample_EachLineAsTheRuleSays_TwiceNothingNew_Reconciles()
    {
        using ServiceProcess service = Start();
        var bank = new BankService.BankServiceClient(service.Channel);
        var escrow = new EscrowService.EscrowServiceClient(service.Channel);
        await SetUpAsync(escrow);

        ImportStatementResponse first = await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = Example() });
        LookupAccountsResponse after = await escrow.LookupAccountsAsync(Lookup(Bank, Suspense, Interest));
        ImportStatementResponse second = await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = Example() });
        LookupAccountsResponse again = await escrow.LookupAccountsAsync(Lookup(Bank, Suspense, Interest));

        Assert.Equal(["Booked", "Booked", "Booked", "Booked"], first.Lines.Select(l => l.StatusName));
        Assert.Equal(["PostNamedTransfer", "CreditSuspense", "PostNamedTransfer", "CreditInterest"], first.Lines.Select(l => l.DispositionName));
        Assert.Equal(["20251221000001", "20251221000002", "20251221000003", "20251221000004"], first.Lines.Select(l => l.Serial));
        Assert.Equal("NoReference", first.Lines[1].MatchFailureName);
        Assert.All(first.Lines, l => Assert.Equal(16, l.TransferId.Length));
        Assert.Equal(50_000, after.Accounts[1].CreditsPosted);
        Assert.Equal(12_345, after.Accounts[2].CreditsPosted);
        Assert.Equal(150_062_345, after.Accounts[0].DebitsPosted - after.Accounts[0].CreditsPosted);
        Assert.All(second.Lines, l => Assert.Equal(BankLineStatus.AlreadyImported, l.Status));
        Assert.Equal(after, again);

        ReconcileResponse equal = await bank.ReconcileAsync(new ReconcileRequest { StatementCsv = Example() });
        BankReconciliationRow row = Assert.Single(equal.Rows);
        Assert.True(equal.Balanced);
        Assert.Equal(("2025-12-21", BankNumber, 150_062_345L, 0L), (equal.Date, row.BankAccount, row.LedgerBalanceFen, row.DifferenceFen));
        Assert.True(row.IncidentId.IsEmpty);
        Assert.Empty((await bank.ListIncidentsAsync(new ListIncidentsRequest())).Incidents);

        ReconcileResponse different = await bank.ReconcileAsync(new ReconcileRequest
        {
            Date = "2025-12-22",
            Closings = { new BankClosingBalance { BankAccount = BankNumber, Date = "2025-12-22", AmountFen = 150_062_000 } },
        });
        BankReconciliationRow differs = Assert.Single(different.Rows);
        Assert.False(different.Balanced);
        Assert.Equal(345, differs.DifferenceFen);
        BankIncidentEntry incident = Assert.Single((await bank.ListIncidentsAsync(new ListIncidentsRequest())).Incidents);
        Assert.Equal((differs.IncidentId, "ReconciliationDifference", true, different.LeafIndex), (incident.Id, incident.CauseName, incident.Open, incident.LeafIndex));
        Assert.Equal(StatusCode.FailedPrecondition, (await PayoutRefusedAsync(escrow, 30)).StatusCode);

        RpcException missing = await Assert.ThrowsAsync<RpcException>(async () => await bank.ReconcileAsync(new ReconcileRequest
        {
            Date = "2025-12-23",
            Closings = { new BankClosingBalance { BankAccount = BankNumber, Date = "2025-12-22", AmountFen = 1 } },
        }));
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.StartsWith("closings:", missing.Status.Detail, StringComparison.Ordinal);
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task ImportStatement_Malformed_RefusedWithLineAndColumn_NothingStored()
    {
        using ServiceProcess service = Start();
        var bank = new BankService.BankServiceClient(service.Channel);
        var escrow = new EscrowService.EscrowServiceClient(service.Channel);
        await SetUpAsync(escrow);
        LookupAccountsResponse before = await escrow.LookupAccountsAsync(Lookup(Bank, Suspense, Interest));
        string text = Encoding.UTF8.GetString(Example().Span).Replace(",50000,", ",500.00,", StringComparison.Ordinal);

        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = ByteString.CopyFromUtf8(text) }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("statement_csv: line 3, column 6 (amount_fen):", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("AmountMalformed", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await escrow.LookupAccountsAsync(Lookup(Bank, Suspense, Interest)));
        Assert.All((await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = Example() })).Lines, l => Assert.Equal(BankLineStatus.Booked, l.Status));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task UnmatchedDebit_IncidentHoldsPayoutsAndInstructionsAcrossARestart_UntilResolved()
    {
        byte[] debit = Encoding.UTF8.GetBytes(
            "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"line,{BankNumber},D1,2025-12-21,D,700,6228480000000000009,EC000000000000000000000000000000ff\n");
        BankLineOutcome line;
        using (ServiceProcess service = Start())
        {
            var bank = new BankService.BankServiceClient(service.Channel);
            var escrow = new EscrowService.EscrowServiceClient(service.Channel);
            await SetUpAsync(escrow);
            line = Assert.Single((await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = ByteString.CopyFrom(debit) })).Lines);
            Assert.Equal((BankLineStatus.IncidentRaised, "TransferNotFound"), (line.Status, line.MatchFailureName));
            Assert.Equal(0, service.Terminate());
        }

        using ServiceProcess restarted = Start();
        var desk = new BankService.BankServiceClient(restarted.Channel);
        var ledger = new EscrowService.EscrowServiceClient(restarted.Channel);
        BankIncidentEntry open = Assert.Single((await desk.ListIncidentsAsync(new ListIncidentsRequest())).Incidents);
        Assert.Equal((line.IncidentId, "UnmatchedDebit", "D1", 700L, true), (open.Id, open.CauseName, open.Serial, open.AmountFen, open.Open));
        Assert.Equal(StatusCode.FailedPrecondition, (await PayoutRefusedAsync(ledger, 30)).StatusCode);
        ExportInstructionsRequest order = new() { Orders = { new BankPaymentOrder { TransferId = Id(11), PayeeAccount = "6228480000000000001", PayeeName = "李四" } } };
        RpcException held = await Assert.ThrowsAsync<RpcException>(async () => await desk.ExportInstructionsAsync(order));
        Assert.Contains("held", held.Status.Detail, StringComparison.Ordinal);

        RpcException noNote = await Assert.ThrowsAsync<RpcException>(async () => await desk.ResolveIncidentAsync(new ResolveIncidentRequest { IncidentId = open.Id }));
        RpcException noLeaf = await Assert.ThrowsAsync<RpcException>(async () => await desk.ResolveIncidentAsync(new ResolveIncidentRequest { IncidentId = open.Id, Note = "x", EvidenceLeafIndex = 1_000_000 }));
        ResolveIncidentResponse resolved = await desk.ResolveIncidentAsync(new ResolveIncidentRequest { IncidentId = open.Id, Note = "bank confirmed a duplicate debit, refunded", EvidenceLeafIndex = 0 });
        RpcException twice = await Assert.ThrowsAsync<RpcException>(async () => await desk.ResolveIncidentAsync(new ResolveIncidentRequest { IncidentId = open.Id, Note = "again" }));

        Assert.StartsWith("note:", noNote.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("evidence_leaf_index:", noLeaf.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, twice.StatusCode);
        BankIncidentEntry closed = Assert.Single((await desk.ListIncidentsAsync(new ListIncidentsRequest())).Incidents);
        Assert.Equal((false, "bank confirmed a duplicate debit, refunded", resolved.LeafIndex, 0UL), (closed.Open, closed.ResolutionNote, closed.ResolutionLeafIndex, closed.EvidenceLeafIndex));
        Assert.True(closed.HasEvidenceLeafIndex);

        ExportInstructionsResponse exported = await desk.ExportInstructionsAsync(order);
        Assert.Equal(
            "instruction_id,bank_account,amount_fen,payee_account,payee_name,reference\n"
            + $"0000000000000000000000000000000b,{BankNumber},100000000,6228480000000000001,李四,EC0000000000000000000000000000000b\n",
            exported.InstructionsCsv);
        RpcException notPending = await Assert.ThrowsAsync<RpcException>(async () => await desk.ExportInstructionsAsync(new ExportInstructionsRequest { Orders = { new BankPaymentOrder { TransferId = Id(10), PayeeAccount = "1", PayeeName = "X" } } }));
        Assert.Equal(StatusCode.InvalidArgument, notPending.StatusCode);
        Assert.StartsWith("orders[0].transfer_id:", notPending.Status.Detail, StringComparison.Ordinal);
        CreateTransfersResponse payout = await ledger.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { Transfer(32, Bank, Seller, 1), Transfer(31, Seller, Bank, 1, pending: true) } });
        Assert.Equal(["Ok", "Ok"], payout.ResultNames);
        restarted.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task AllocateInterest_ByValueDatedDailyBalances_ToPayeeByDefault_Once()
    {
        using ServiceProcess service = Start();
        var bank = new BankService.BankServiceClient(service.Channel);
        var escrow = new EscrowService.EscrowServiceClient(service.Channel);
        await SetUpAsync(escrow);
        ImportStatementResponse imported = await bank.ImportStatementAsync(new ImportStatementRequest { StatementCsv = Example() });
        ByteString interest = imported.Lines[3].TransferId;
        AllocateInterestRequest request = new()
        {
            InterestTransferId = interest,
            FirstDay = "2025-12-21",
            LastDay = "2025-12-31",
            Claims =
            {
                new BankInterestClaim { SubAccount = Id(Buyer), Payee = Id(Seller) },
                new BankInterestClaim { SubAccount = Id(Suspense), Rule = BankInterestRule.FollowsBalance },
            },
        };

        // The seller's 1,000,000.00 yuan came in by a transfer booked today, but its payout left with
        // the statement's value date, 2025-12-21: by value date it is negative then, so it is refused.
        RpcException negative = await Assert.ThrowsAsync<RpcException>(async () => await bank.AllocateInterestAsync(new AllocateInterestRequest(request) { Claims = { new BankInterestClaim { SubAccount = Id(Seller), Payee = Id(Seller) } } }));
        RpcException notEnded = await Assert.ThrowsAsync<RpcException>(async () => await bank.AllocateInterestAsync(new AllocateInterestRequest(request) { FirstDay = Today(-1), LastDay = Today(0) }));
        RpcException payeeForItself = await Assert.ThrowsAsync<RpcException>(async () => await bank.AllocateInterestAsync(new AllocateInterestRequest(request) { Claims = { new BankInterestClaim { SubAccount = Id(Seller), Rule = BankInterestRule.FollowsBalance, Payee = Id(Seller) } } }));
        RpcException notInterest = await Assert.ThrowsAsync<RpcException>(async () => await bank.AllocateInterestAsync(new AllocateInterestRequest(request) { InterestTransferId = imported.Lines[1].TransferId }));
        Assert.Equal(StatusCode.FailedPrecondition, negative.StatusCode);
        Assert.Contains("value date", negative.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument), (notEnded.StatusCode, payeeForItself.StatusCode, notInterest.StatusCode));
        Assert.Contains("has not ended", notEnded.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("claims[2].payee:", payeeForItself.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await escrow.LookupAccountsAsync(Lookup(Interest))).Accounts[0].DebitsPosted);

        AllocateInterestResponse allocated = await bank.AllocateInterestAsync(request);
        AllocateInterestResponse again = await bank.AllocateInterestAsync(request);

        // 11 days of 150,000,000 and of 50,000 fen: 12,345 fen split 12,340.89 and 4.11, the leftover fen to the larger remainder.
        Assert.Equal([("1650000000", 12_341L), ("550000", 4L)], allocated.Shares.Select(s => (s.WeightFenDays, s.AmountFen)));
        Assert.Equal([(Id(Seller), 12_341L, "Ok"), (Id(Suspense), 4L, "Ok")], allocated.Transfers.Select(t => (t.Recipient, t.AmountFen, t.ResultName)));
        Assert.Equal(["Exists", "Exists"], again.Transfers.Select(t => t.ResultName));
        AccountWithBalance interestAccount = (await escrow.LookupAccountsAsync(Lookup(Interest))).Accounts[0];
        Assert.Equal(interestAccount.CreditsPosted, interestAccount.DebitsPosted);
        service.ThrowIfErrorsLogged();
    }

    public void Dispose() => _data.Dispose();

    private ServiceProcess Start() => ServiceProcess.Start(
        _data.Path,
        "--Sequencer:Interval=00:00:00.100",
        "--Ledger:AllowRawPayouts=true", // the bank desk alone: its pending payouts are made by hand here, not by cases
        $"--Bank:Accounts:{BankNumber}={Hex(Bank)}",
        $"--Bank:SuspenseAccount={Hex(Suspense)}",
        $"--Bank:InterestAccount={Hex(Interest)}");

    /// <summary>A pending payout from the bank account, refused whole while an incident holds it.</summary>
    private static async Task<RpcException> PayoutRefusedAsync(EscrowService.EscrowServiceClient escrow, ulong id) =>
        await Assert.ThrowsAsync<RpcException>(async () => await escrow.CreateTransfersAsync(new CreateTransfersRequest { Transfers = { Transfer(id, Seller, Bank, 1_000, pending: true) } }));

    /// <summary>The example's world before its statement: the seller's 1,000,000.00 yuan in, a deposit of 1,500,000.00 expected (pending 10), a payout of 1,000,000.00 instructed (pending 11).</summary>
    private static async Task SetUpAsync(EscrowService.EscrowServiceClient escrow)
    {
        CreateAccountsResponse accounts = await escrow.CreateAccountsAsync(new CreateAccountsRequest
        {
            Accounts =
            {
                Account(Bank, LedgerAccountKind.EscrowBank, 1),
                Account(Buyer, LedgerAccountKind.Liability, 2),
                Account(Seller, LedgerAccountKind.Liability, 3),
                Account(Suspense, LedgerAccountKind.Liability, 4),
                Account(Interest, LedgerAccountKind.Liability, 5),
            },
        });
        CreateTransfersResponse transfers = await escrow.CreateTransfersAsync(new CreateTransfersRequest
        {
            Transfers = { Transfer(1, Bank, Seller, 100_000_000), Transfer(10, Bank, Buyer, 150_000_000, pending: true), Transfer(11, Seller, Bank, 100_000_000, pending: true, code: 3) },
        });
        Assert.All(accounts.ResultNames, r => Assert.Equal("Ok", r));
        Assert.All(transfers.ResultNames, r => Assert.Equal("Ok", r));
    }

    private static LedgerAccount Account(ulong id, LedgerAccountKind kind, uint code) => new() { Id = Id(id), Kind = kind, Ledger = 1, Code = code };

    private static LedgerTransfer Transfer(ulong id, ulong debit, ulong credit, long amountFen, bool pending = false, uint code = 1) =>
        new() { Id = Id(id), DebitAccountId = Id(debit), CreditAccountId = Id(credit), AmountFen = amountFen, Ledger = 1, Code = code, Flags = pending ? 2u : 0u };

    private static LookupAccountsRequest Lookup(params ulong[] ids) => new() { Ids = { ids.Select(Id) } };

    private static ByteString Id(ulong value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    /// <summary>The day <paramref name="offset"/> days from today, China Standard Time, YYYY-MM-DD.</summary>
    private static string Today(int offset) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Hex(ulong value) => ((UInt128)value).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static ByteString Example() =>
        ByteString.CopyFrom(File.ReadAllBytes(Path.Combine(ServiceProcess.RepoRoot(), "docs", "examples", "bank-statement.csv")));
}
