using System.Buffers.Binary;
using EvidenceChain.Cli.Tests.Support;
using EvidenceChain.Protocol.V1;
using Google.Protobuf;
using Grpc.Net.Client;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// <c>evidencechain bank</c> against a real service configured with one escrow bank account: the
/// worked example statement imported (and again, with nothing new), reconciled, an unmatched debit's
/// incident listed and resolved, payment instructions saved; unusable input is one line and exit 2.
/// </summary>
public sealed class BankCommandTests : IDisposable
{
    private const string BankNumber = "6222021001001234567";
    private const ulong Bank = 1, Buyer = 2, Seller = 3, Suspense = 4, Interest = 5;

    private readonly TempDirectory _data = new();
    private readonly ServiceHostProcess _service;

    public BankCommandTests()
    {
        _service = ServiceHostProcess.Start(
            _data.Path,
            "--Sequencer:Interval=00:00:00.100",
            "--Ledger:AllowRawPayouts=true", // the bank desk alone: its pending payouts are made by hand here, not by cases
            $"--Bank:Accounts:{BankNumber}={Hex(Bank)}",
            $"--Bank:SuspenseAccount={Hex(Suspense)}",
            $"--Bank:InterestAccount={Hex(Interest)}");
    }

    [Fact]
    public async Task ImportIncidentsResolve_AgainstTheService()
    {
        await SetUpAsync();
        using var workspace = new OnlineWorkspace(_service.Address);
        string example = Path.Combine(ServiceHostProcess.RepoRoot(), "docs", "examples", "bank-statement.csv");

        CliResult imported = await workspace.RunAsync("bank", "import", example, "--lang", "en");
        CliResult again = await workspace.RunAsync("bank", "import", example, "--lang", "en");
        CliResult reconciled = await workspace.RunAsync("bank", "reconcile", example, "--lang", "en");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("serial 20251221000002: Booked (CreditSuspense, unmatched: NoReference)", imported.Output, StringComparison.Ordinal);
        Assert.Contains("4 booked, 0 imported before, 0 incidents, 0 refused", imported.Output, StringComparison.Ordinal);
        Assert.Contains("0 booked, 4 imported before, 0 incidents, 0 refused", again.Output, StringComparison.Ordinal);
        Assert.True(reconciled.ExitCode == 0, reconciled.ToString());
        Assert.Contains("reconciliation of 2025-12-21 recorded", reconciled.Output, StringComparison.Ordinal);
        Assert.Contains($"account {BankNumber}: ledger 1500623.45 yuan, bank closing 1500623.45 yuan, difference 0.00 yuan", reconciled.Output, StringComparison.Ordinal);

        string debit = workspace.Write("debit.csv",
            "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"line,{BankNumber},D1,2025-12-22,D,700,6228480000000000009,no reference\n");
        CliResult raised = await workspace.RunAsync("bank", "import", debit, "--lang", "en");
        CliResult open = await workspace.RunAsync("bank", "incidents", "--open", "--lang", "en");
        string incident = open.Output.Split(' ', ':')[1];
        CliResult resolved = await workspace.RunAsync("bank", "resolve", incident, "--note", "bank refunded a duplicate debit", "--evidence-leaf", "0", "--lang", "en");
        CliResult listed = await workspace.RunAsync("bank", "incidents", "--lang", "en");
        CliResult noneOpen = await workspace.RunAsync("bank", "incidents", "--open", "--lang", "en");
        CliResult twice = await workspace.RunAsync("bank", "resolve", incident, "--note", "again", "--lang", "en");

        Assert.Contains("serial D1: IncidentRaised (RaiseIncident, unmatched: NoReference)", raised.Output, StringComparison.Ordinal);
        Assert.Contains($"incident {incident}: open, UnmatchedDebit, account {BankNumber}, 2025-12-22, 7.00 yuan, serial D1", open.Output, StringComparison.Ordinal);
        Assert.True(resolved.ExitCode == 0, resolved.ToString());
        Assert.Contains($"incident {incident}: resolved", listed.Output, StringComparison.Ordinal);
        Assert.Contains("bank refunded a duplicate debit", listed.Output, StringComparison.Ordinal);
        Assert.Contains("No bank incidents.", noneOpen.Output, StringComparison.Ordinal);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("NotFound", twice.Error, StringComparison.Ordinal);
        _service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task ExportInstructions_PendingPayout_SavedAsTheBanksCsv_UnusableInputExit2()
    {
        await SetUpAsync();
        using var workspace = new OnlineWorkspace(_service.Address);
        string path = workspace.File("instructions.csv");

        CliResult exported = await workspace.RunAsync("bank", "export-instructions", $"{Hex(11)},6228480000000000001,李四", "--out", path, "--lang", "en");
        CliResult badOrder = await workspace.RunAsync("bank", "export-instructions", "0b,6228", "--out", workspace.File("x.csv"), "--lang", "en");
        CliResult badId = await workspace.RunAsync("bank", "resolve", "xyz", "--note", "n", "--lang", "en");
        string malformed = workspace.Write("malformed.csv",
            "type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n"
            + $"line,{BankNumber},S1,2025-12-21,C,1.00,,\n");
        CliResult refused = await workspace.RunAsync("bank", "import", malformed, "--lang", "en");

        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.EndsWith($",{BankNumber},100000000,6228480000000000001,李四,EC{Hex(11)}\n", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal((2, 2, 2), (badOrder.ExitCode, badId.ExitCode, refused.ExitCode));
        Assert.Contains("is not a payment order", badOrder.Error, StringComparison.Ordinal);
        Assert.Contains("'xyz' is not a bank incident id", badId.Error, StringComparison.Ordinal);
        Assert.Contains("line 2, column 6 (amount_fen)", refused.Error, StringComparison.Ordinal);
        Assert.Single(refused.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task AllocateInterest_SharesByValueDatedBalances_ThenNothingNew()
    {
        await SetUpAsync();
        using var workspace = new OnlineWorkspace(_service.Address);
        string example = Path.Combine(ServiceHostProcess.RepoRoot(), "docs", "examples", "bank-statement.csv");
        using GrpcChannel channel = GrpcChannel.ForAddress(_service.Address);
        ImportStatementResponse imported = await new BankService.BankServiceClient(channel).ImportStatementAsync(new ImportStatementRequest { StatementCsv = ByteString.CopyFrom(File.ReadAllBytes(example)) });
        string interest = Convert.ToHexStringLower(imported.Lines[3].TransferId.Span);
        string[] arguments = ["bank", "allocate-interest", interest, "--from", "2025-12-21", "--to", "2025-12-31", $"{Hex(Buyer)},{Hex(Seller)}", $"{Hex(Suspense)},self", "--lang", "en"];

        CliResult allocated = await workspace.RunAsync(arguments);
        CliResult again = await workspace.RunAsync(arguments);
        CliResult badClaim = await workspace.RunAsync("bank", "allocate-interest", interest, "--from", "2025-12-21", "--to", "2025-12-31", Hex(Buyer), "--lang", "en");
        CliResult badDay = await workspace.RunAsync("bank", "allocate-interest", interest, "--from", "21.12.2025", "--to", "2025-12-31", $"{Hex(Buyer)},self", "--lang", "en");

        Assert.True(allocated.ExitCode == 0, allocated.ToString());
        Assert.Contains($"sub-account {Hex(Buyer)}: 1650000000 fen-days of end-of-day balances, earned 123.41 yuan, to {Hex(Seller)}", allocated.Output, StringComparison.Ordinal);
        Assert.Contains($"sub-account {Hex(Suspense)}: 550000 fen-days of end-of-day balances, earned 0.04 yuan, to {Hex(Suspense)}", allocated.Output, StringComparison.Ordinal);
        Assert.Contains("interest for 2025-12-21 to 2025-12-31 allocated (leaf ", allocated.Output, StringComparison.Ordinal);
        Assert.Contains($"123.41 yuan to {Hex(Seller)} (Exists)", again.Output, StringComparison.Ordinal);
        Assert.Equal((2, 2), (badClaim.ExitCode, badDay.ExitCode));
        Assert.Contains("is not an interest claim", badClaim.Error, StringComparison.Ordinal);
        Assert.Contains("'21.12.2025' is not a date", badDay.Error, StringComparison.Ordinal);
        _service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task Import_LargestStatement_EveryOutcomeReceived()
    {
        // 65,536 lines (the format's most) with 64-character serials: about 7 MB in, and an answer of
        // about 10 MB, over the 4 MiB a gRPC client receives by default.
        await SetUpAsync();
        using var workspace = new OnlineWorkspace(_service.Address);
        var text = new System.Text.StringBuilder("type,bank_account,serial,value_date,direction,amount_fen,counterparty_account,reference\n");
        for (int i = 0; i < 65_536; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"line,{BankNumber},{i:D64},2025-12-21,C,1,,\n");
        }

        string statement = workspace.Write("large.csv", text.ToString());

        CliResult imported = await workspace.RunAsync("bank", "import", statement, "--lang", "en");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("65536 booked, 0 imported before, 0 incidents, 0 refused", imported.Output, StringComparison.Ordinal);
        _service.ThrowIfErrorsLogged();
    }

    public void Dispose()
    {
        _service.Dispose();
        _data.Dispose();
    }

    /// <summary>The example's world before its statement: the seller's 1,000,000.00 yuan in, a deposit of 1,500,000.00 expected (pending 10), a payout of 1,000,000.00 instructed (pending 11).</summary>
    private async Task SetUpAsync()
    {
        using GrpcChannel channel = GrpcChannel.ForAddress(_service.Address);
        var escrow = new EscrowService.EscrowServiceClient(channel);
        await escrow.CreateAccountsAsync(new CreateAccountsRequest
        {
            Accounts =
            {
                new LedgerAccount { Id = Id(Bank), Kind = LedgerAccountKind.EscrowBank, Ledger = 1, Code = 1 },
                new LedgerAccount { Id = Id(Buyer), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 2 },
                new LedgerAccount { Id = Id(Seller), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 3 },
                new LedgerAccount { Id = Id(Suspense), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 4 },
                new LedgerAccount { Id = Id(Interest), Kind = LedgerAccountKind.Liability, Ledger = 1, Code = 5 },
            },
        });
        CreateTransfersResponse transfers = await escrow.CreateTransfersAsync(new CreateTransfersRequest
        {
            Transfers =
            {
                new LedgerTransfer { Id = Id(1), DebitAccountId = Id(Bank), CreditAccountId = Id(Seller), AmountFen = 100_000_000, Ledger = 1, Code = 1 },
                new LedgerTransfer { Id = Id(10), DebitAccountId = Id(Bank), CreditAccountId = Id(Buyer), AmountFen = 150_000_000, Ledger = 1, Code = 1, Flags = 2 },
                new LedgerTransfer { Id = Id(11), DebitAccountId = Id(Seller), CreditAccountId = Id(Bank), AmountFen = 100_000_000, Ledger = 1, Code = 3, Flags = 2 },
            },
        });
        Assert.All(transfers.ResultNames, r => Assert.Equal("Ok", r));
    }

    private static ByteString Id(ulong value)
    {
        byte[] bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return ByteString.CopyFrom(bytes);
    }

    private static string Hex(ulong value) => ((UInt128)value).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
