using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Escrow.Bank;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceChain.Engine.Tests.Bank;

/// <summary>
/// The bank desk over the real store: the worked example statement imported (and imported again,
/// changing nothing), suspense for unmatched credits, incidents for unmatched debits and
/// reconciliation differences that hold payouts until a recorded resolution, all surviving a reopen.
/// </summary>
public sealed class BankDeskTests : IDisposable
{
    private const uint Cny = 1;
    private const string BankNumber = "6222021001001234567";
    private static readonly AccountId s_bank = new(1);
    private static readonly AccountId s_buyer = new(2);
    private static readonly AccountId s_seller = new(3);
    private static readonly AccountId s_suspense = new(4);
    private static readonly AccountId s_interest = new(5);
    private static readonly Caller s_notary = new("0123456789abcdef0123456789abcdef", PartyRole.Notary);
    private static readonly DateOnly s_day = new(2025, 12, 21);
    private static readonly BankDeskOptions s_options = new(new Dictionary<string, AccountId> { [BankNumber] = s_bank }, s_suspense, s_interest, Cny, 90, 91);

    private readonly TestLog _log = new();

    [Fact]
    public async Task Import_WorkedExample_BooksEveryLineAndReconciles_ImportTwiceChangesNothing()
    {
        (EscrowBook book, BankDesk desk) = Open();
        await SetUpAsync(book);

        (StatementCsvError? error, IReadOnlyList<StatementLineOutcome> lines) = await desk.ImportAsync(s_notary, new StatementCsvFile(ExamplePath()), CancellationToken.None);

        Assert.Null(error);
        Assert.All(lines, l => Assert.Equal(StatementLineStatus.Booked, l.Status));
        Assert.Equal(
            [LineDisposition.PostNamedTransfer, LineDisposition.CreditSuspense, LineDisposition.PostNamedTransfer, LineDisposition.CreditInterest],
            lines.Select(l => l.Disposition!.Value));
        Assert.Equal(MatchFailure.NoReference, lines[1].Failure);
        Assert.Equal(TransferState.PendingPosted, book.StateOf(new TransferId(10)));
        Assert.Equal(TransferState.PendingPosted, book.StateOf(new TransferId(11)));
        Assert.Equal(50000, book.BalanceOf(s_suspense)!.Value.CreditsPosted);
        Assert.Equal(12345, book.BalanceOf(s_interest)!.Value.CreditsPosted);
        Assert.Equal(new AccountBalance(0, 100_000_000 + 150_000_000 + 50_000 + 12_345, 0, 100_000_000), book.BalanceOf(s_bank));

        ulong leaves = _log.Store.LeafCount;
        ulong batches = book.LastBatchNumber;
        (_, IReadOnlyList<StatementLineOutcome> again) = await desk.ImportAsync(s_notary, new StatementCsvFile(ExamplePath()), CancellationToken.None);

        Assert.All(again, l => Assert.Equal(StatementLineStatus.AlreadyImported, l.Status));
        Assert.Equal(leaves, _log.Store.LeafCount);
        Assert.Equal(batches, book.LastBatchNumber);

        // The same line sent to the ledger again meets its fixed outcome: Exists, nothing applied.
        Transfer booked = book.FindTransfer(lines[1].TransferId)!;
        LedgerBatchOutcome retried = await book.CreateTransfersAsync(s_notary, [booked], CancellationToken.None);
        Assert.Equal(CreateTransferResult.Exists, Assert.Single(retried.TransferResults));

        Statement statement = StatementCsv.Parse(File.ReadAllBytes(ExamplePath())).Statement!;
        ReconciliationOutcome reconciled = await desk.ReconcileAsync(s_notary, s_day, statement.Closings, CancellationToken.None);
        Assert.Equal(ReconciliationRefusal.None, reconciled.Refusal);
        Assert.True(reconciled.Reconciliation!.IsBalanced);
        Assert.Empty(reconciled.OpenedIncidents);
        Assert.Equal(Core.Leaves.LeafType.LedgerBatch, LeafTypeOf(reconciled.LeafIndex!.Value));
    }

    [Fact]
    public async Task Import_SameSerialOtherContent_Refused()
    {
        (EscrowBook book, BankDesk desk) = Open();
        await SetUpAsync(book);
        await desk.ImportAsync(s_notary, new Statement([Line("S1", StatementDirection.Credit, 500, "no reference")], []), CancellationToken.None);

        IReadOnlyList<StatementLineOutcome> changed = await desk.ImportAsync(s_notary, new Statement([Line("S1", StatementDirection.Credit, 501, "no reference")], []), CancellationToken.None);
        IReadOnlyList<StatementLineOutcome> unknown = await desk.ImportAsync(s_notary, new Statement([Line("S2", StatementDirection.Credit, 1, string.Empty) with { BankAccount = "999" }], []), CancellationToken.None);

        Assert.Equal(StatementLineStatus.DuplicateSerialWithDifferentContent, Assert.Single(changed).Status);
        Assert.Equal(StatementLineStatus.UnknownBankAccount, Assert.Single(unknown).Status);
        Assert.Equal(500, book.BalanceOf(s_suspense)!.Value.CreditsPosted);
    }

    [Fact]
    public async Task Import_UnmatchedDebit_IncidentHoldsPayoutsUntilResolved_AcrossReopen()
    {
        (EscrowBook book, BankDesk desk) = Open();
        await SetUpAsync(book);

        StatementLineOutcome line = Assert.Single(await desk.ImportAsync(s_notary, new Statement([Line("D1", StatementDirection.Debit, 700, "EC000000000000000000000000000000ff")], []), CancellationToken.None));

        Assert.Equal((StatementLineStatus.IncidentRaised, MatchFailure.TransferNotFound), (line.Status, line.Failure));
        BankIncident incident = Assert.Single(desk.OpenIncidents);
        Assert.Equal((IncidentCause.UnmatchedDebit, s_bank, 700L), (incident.Cause, incident.BankAccount, incident.AmountFen));
        await AssertPayoutHeldAsync(book, desk, 20);

        // Held across a restart: the incident is a record of the log.
        desk.Dispose();
        (book, desk) = Open();
        Assert.Equal(incident, Assert.Single(desk.OpenIncidents));
        await AssertPayoutHeldAsync(book, desk, 22);
        Assert.Equal(StatementLineStatus.AlreadyImported, Assert.Single(await desk.ImportAsync(s_notary, new Statement([Line("D1", StatementDirection.Debit, 700, "EC000000000000000000000000000000ff")], []), CancellationToken.None)).Status);

        await desk.ResolveAsync(s_notary, new IncidentResolution(incident.Id, null, "bank confirmed a duplicate debit, refunded on 2025-12-22"), CancellationToken.None);

        Assert.Empty(desk.OpenIncidents);
        LedgerBatchOutcome payout = await book.CreateTransfersAsync(s_notary, [new Transfer(new TransferId(20), s_buyer, s_bank, 1, Cny, 3, TransferFlags.Pending)], CancellationToken.None);
        Assert.Equal(CreateTransferResult.Ok, Assert.Single(payout.TransferResults));
        await Assert.ThrowsAsync<QueryException>(() => desk.ResolveAsync(s_notary, new IncidentResolution(incident.Id, null, "again"), CancellationToken.None));
        (_, desk) = Open();
        Assert.Empty(desk.OpenIncidents);
    }

    [Fact]
    public async Task Reconcile_Different_IncidentHoldsPayouts_MissingClosingRefused()
    {
        (EscrowBook book, BankDesk desk) = Open();
        await SetUpAsync(book);
        ulong leaves = _log.Store.LeafCount;

        ReconciliationOutcome missing = await desk.ReconcileAsync(s_notary, s_day, [new ClosingBalance(BankNumber, s_day.AddDays(-1), 0)], CancellationToken.None);
        Assert.Equal(ReconciliationRefusal.ClosingBalanceMissing, missing.Refusal);
        Assert.Equal(leaves, _log.Store.LeafCount);

        ReconciliationOutcome different = await desk.ReconcileAsync(s_notary, s_day, [new ClosingBalance(BankNumber, s_day, 99_999_000)], CancellationToken.None);

        ReconciliationRow row = Assert.Single(different.Reconciliation!.Rows);
        Assert.Equal((100_000_000L, 99_999_000L, 1_000L), (row.LedgerBalanceFen, row.StatementClosingFen, row.DifferenceFen));
        IncidentId opened = Assert.Single(different.OpenedIncidents);
        await AssertPayoutHeldAsync(book, desk, 21);

        (book, desk) = Open();
        Assert.Equal(opened, Assert.Single(desk.OpenIncidents).Id);
        Assert.Single(desk.Reconciliations);
        await desk.ResolveAsync(s_notary, new IncidentResolution(opened, different.LeafIndex, "statement corrected by the bank"), CancellationToken.None);
        Assert.Null(desk.HoldReason(s_bank));
    }

    [Fact]
    public async Task AllocateInterest_DailyBalancesFromTheNotarizedHistory_ByValueDate_Once()
    {
        // 1 to 20 December: the seller's money is in from the 1st (booked that day); the buyer's
        // deposit arrives with value date the 5th though booked on the 6th; the seller's pending
        // payout leaves with value date the 15th. Interest for the period is credited on the 21st.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 1, 10, 0, 0, DailyBalances.ChinaStandardTime));
        (EscrowBook book, BankDesk desk) = Open(clock);
        await SetUpAsync(book);
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 6, 9, 0, 0, DailyBalances.ChinaStandardTime));
        await desk.ImportAsync(s_notary, new Statement([Line("B1", StatementDirection.Credit, 150_000_000, "EC0000000000000000000000000000000a") with { ValueDate = new(2025, 12, 5) }], []), CancellationToken.None);
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 16, 9, 0, 0, DailyBalances.ChinaStandardTime));
        await desk.ImportAsync(s_notary, new Statement([Line("P1", StatementDirection.Debit, 100_000_000, "EC0000000000000000000000000000000b") with { ValueDate = new(2025, 12, 15) }], []), CancellationToken.None);
        StatementLineOutcome interest = Assert.Single(await desk.ImportAsync(s_notary, new Statement([Line("I1", StatementDirection.Credit, 10_000, string.Empty) with { Type = StatementRowType.Interest, ValueDate = new(2025, 12, 21) }], []), CancellationToken.None));
        DateOnly first = new(2025, 12, 1), last = new(2025, 12, 20);
        InterestClaim[] claims = [new(s_buyer, InterestRule.FollowsBalance, s_seller), new(s_seller, InterestRule.ToPayee, s_seller)];

        QueryException early = await Assert.ThrowsAsync<QueryException>(() => desk.AllocateInterestAsync(s_notary, interest.TransferId, first, last, claims, CancellationToken.None));
        Assert.Contains("has not ended", early.Message, StringComparison.Ordinal);
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 21, 9, 0, 0, DailyBalances.ChinaStandardTime));
        QueryException notSubAccount = await Assert.ThrowsAsync<QueryException>(() => desk.AllocateInterestAsync(s_notary, interest.TransferId, first, last, [new(s_bank, InterestRule.FollowsBalance, s_seller)], CancellationToken.None));
        Assert.Equal(QueryFailure.InvalidArgument, notSubAccount.Failure);

        (book, desk) = Open(clock);
        InterestOutcome outcome = await desk.AllocateInterestAsync(s_notary, interest.TransferId, first, last, claims, CancellationToken.None);

        Assert.Equal([.. Enumerable.Repeat(0L, 4), .. Enumerable.Repeat(150_000_000L, 16)], outcome.Weights[0].DailyBalancesFen);
        Assert.Equal([.. Enumerable.Repeat(100_000_000L, 14), .. Enumerable.Repeat(0L, 6)], outcome.Weights[1].DailyBalancesFen);

        // Weights 2.4e9 and 1.4e9 fen-days: 6,315.79 and 3,684.21 fen; the leftover fen goes to the larger remainder.
        Assert.Equal([(s_buyer, 6_316L), (s_seller, 3_684L)], outcome.Allocation!.Shares.Select(s => (s.Recipient, s.AmountFen)));
        Assert.All(outcome.Batch!.TransferResults, r => Assert.Equal(CreateTransferResult.Ok, r));
        Transfer share = book.FindTransfer(BankIds.InterestShareId(interest.TransferId, s_buyer))!;
        Assert.Equal((interest.TransferId.Value, 20251201UL, 20U), (share.UserData128, share.UserData64, share.UserData32));
        Assert.Equal(0, book.BalanceOf(s_interest)!.Value.CreditsPosted - book.BalanceOf(s_interest)!.Value.DebitsPosted);

        InterestOutcome again = await desk.AllocateInterestAsync(s_notary, interest.TransferId, first, last, claims, CancellationToken.None);
        Assert.All(again.Batch!.TransferResults, r => Assert.Equal(CreateTransferResult.Exists, r));
        Assert.Equal(150_000_000 + 6_316, book.BalanceOf(s_buyer)!.Value.CreditsPosted);
    }

    [Fact]
    public async Task ExportInstructions_PendingPayout_WrittenWithItsReference()
    {
        (EscrowBook book, BankDesk desk) = Open();
        await SetUpAsync(book);
        string path = Path.Combine(Path.GetTempPath(), $"bank-instructions-{Guid.NewGuid():N}.csv");
        try
        {
            IReadOnlyList<PaymentInstruction> written = await desk.ExportInstructionsAsync([new PaymentOrder(new TransferId(11), "6228480000000000001", "李四")], new PaymentInstructionCsvFile(path), CancellationToken.None);

            Assert.Equal("EC0000000000000000000000000000000b", Assert.Single(written).Reference);
            Assert.EndsWith(",100000000,6228480000000000001,李四,EC0000000000000000000000000000000b\n", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
            await Assert.ThrowsAsync<QueryException>(() => desk.ExportInstructionsAsync([new PaymentOrder(new TransferId(10), "6228", "X")], new PaymentInstructionCsvFile(path + ".2"), CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => _log.Dispose();

    private static async Task AssertPayoutHeldAsync(EscrowBook book, BankDesk desk, ulong id)
    {
        ulong before = book.LastBatchNumber;
        QueryException held = await Assert.ThrowsAsync<QueryException>(() => book.CreateTransfersAsync(s_notary, [new Transfer(new TransferId(id), s_seller, s_bank, 1000, Cny, 3, TransferFlags.Pending)], CancellationToken.None));
        Assert.Equal(QueryFailure.Held, held.Failure);
        Assert.Equal(before, book.LastBatchNumber);
        Assert.NotNull(desk.HoldReason(s_bank));

        // Money in is not a payout: deposits still book while payouts are held.
        LedgerBatchOutcome deposit = await book.CreateTransfersAsync(s_notary, [new Transfer(new TransferId(id + 1000), s_bank, s_buyer, 1, Cny, 1)], CancellationToken.None);
        Assert.Equal(CreateTransferResult.Ok, Assert.Single(deposit.TransferResults));
    }

    /// <summary>The example's world before its statement: the seller's 1,000,000.00 yuan already in, a deposit of 1,500,000.00 expected (pending 10), a payout of 1,000,000.00 instructed (pending 11).</summary>
    private static async Task SetUpAsync(EscrowBook book)
    {
        await book.CreateAccountsAsync(s_notary, [
            new(s_bank, AccountKind.EscrowBank, Cny, 1),
            new(s_buyer, AccountKind.Liability, Cny, 2),
            new(s_seller, AccountKind.Liability, Cny, 3),
            new(s_suspense, AccountKind.Liability, Cny, 4),
            new(s_interest, AccountKind.Liability, Cny, 5)], CancellationToken.None);
        LedgerBatchOutcome setup = await book.CreateTransfersAsync(s_notary, [
            new(new TransferId(1), s_bank, s_seller, 100_000_000, Cny, 1),
            new(new TransferId(10), s_bank, s_buyer, 150_000_000, Cny, 1, TransferFlags.Pending),
            new(new TransferId(11), s_seller, s_bank, 100_000_000, Cny, 3, TransferFlags.Pending)], CancellationToken.None);
        Assert.All(setup.TransferResults, r => Assert.Equal(CreateTransferResult.Ok, r));
    }

    private (EscrowBook Book, BankDesk Desk) Open(TimeProvider? time = null)
    {
        EscrowBook book = EscrowBook.Open(_log.Store, _log.Intake, time ?? TimeProvider.System, RandomNumberGenerator.Fill);
        return (book, BankDesk.Open(_log.Store, book, _log.Intake, time ?? TimeProvider.System, RandomNumberGenerator.Fill, s_options));
    }

    private Core.Leaves.LeafType LeafTypeOf(ulong leafIndex) => _log.Store.FindRecord(leafIndex)!.Type;

    private static StatementLine Line(string serial, StatementDirection direction, long amountFen, string reference) =>
        new(BankNumber, serial, s_day, StatementRowType.Line, direction, amountFen, "6217001234567890123", reference);

    private static string ExamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvidenceChain.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "examples", "bank-statement.csv");
            }
        }

        throw new InvalidOperationException("EvidenceChain.sln not found above " + AppContext.BaseDirectory);
    }
}
