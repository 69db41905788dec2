using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Proofs;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Engine.Tests;

/// <summary>
/// An account statement from the real store: every batch that moved the account with its proof,
/// verified as a court would — the proofs, then the account's history from its creation — and
/// refused when a batch is left out or a record changed.
/// </summary>
public sealed class LedgerStatementTests : IDisposable
{
    private const uint Cny = 1;
    private static readonly AccountId s_bank = new(1);
    private static readonly AccountId s_buyer = new(2);
    private static readonly AccountId s_seller = new(3);
    private static readonly AccountId s_fees = new(4);
    private static readonly Caller s_notary = new("0123456789abcdef0123456789abcdef", PartyRole.Notary);

    private readonly TestLog _log = new();
    private readonly LogQueries _queries;

    public LedgerStatementTests() => _queries = new LogQueries(_log.Store, _log.Notary, _log.Sequencer);

    [Fact]
    public async Task StatementOf_BuyerThroughEveryKindOfTransfer_VerifiesAndFollowsToTheBalance()
    {
        EscrowBook book = await BookWithHistoryAsync();
        _log.Sequencer.SignPending();

        RecordStatement statement = new RecordStatements(_log.Store, _queries).StatementOf(LeafRecord.AccountKey(s_buyer.Value), 0, 100);
        Assert.True(RecordStatement.TryParse(statement.ToJson(), out RecordStatement? parsed).IsValid);
        Verdict verdict = parsed!.Verify(_log.Notary.VerifierKeys, LeafType.LedgerBatch, out _, out _);
        List<LedgerBatchRecord> records = Records(parsed);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(6, records.Count); // the accounts, then five transfer batches that moved the buyer (not the seller-only one)
        Assert.True(AccountHistory.TryFollow(s_buyer, records, out AccountBalance balance, out string problem), problem);
        Assert.Equal(book.BalanceOf(s_buyer), balance);
    }

    [Fact]
    public async Task StatementOf_ManyFullBatches_PagedByRecordBytes_PagesTogetherFollowTheAccount()
    {
        EscrowBook book = EscrowBook.Open(_log.Store, _log.Intake, TimeProvider.System, RandomNumberGenerator.Fill);
        await book.CreateAccountsAsync(s_notary, [new(s_bank, AccountKind.EscrowBank, Cny, 1), new(s_buyer, AccountKind.Liability, Cny, 2)], CancellationToken.None);
        const int batches = 10;
        for (int b = 0; b < batches; b++)
        {
            Transfer[] transfers = [.. Enumerable.Range(0, EscrowLedger.BatchEventsMax).Select(i => new Transfer(new TransferId((UInt128)((b * EscrowLedger.BatchEventsMax) + i + 1)), s_bank, s_buyer, 1, Cny, 1))];
            Assert.All((await book.CreateTransfersAsync(s_notary, transfers, CancellationToken.None)).TransferResults, r => Assert.Equal(CreateTransferResult.Ok, r));
        }

        _log.Sequencer.SignPending();
        var statements = new RecordStatements(_log.Store, _queries);
        var records = new List<LedgerBatchRecord>();
        int pages = 0;
        for (ulong from = 0; records.Count < batches + 1; pages++)
        {
            RecordStatement page = statements.StatementOf(LeafRecord.AccountKey(s_buyer.Value), from, RecordStatement.EntriesMax);
            Assert.True(page.Entries.Sum(e => (long)e.Record.Length) <= RecordStatements.RecordBytesMax);
            Assert.True(page.Verify(_log.Notary.VerifierKeys, LeafType.LedgerBatch, out _, out _).IsValid);
            records.AddRange(Records(page));
            from = page.Entries[^1].LeafIndex + 1;
        }

        Assert.True(pages > 1);
        Assert.True(AccountHistory.TryFollow(s_buyer, records, out AccountBalance balance, out string problem), problem);
        Assert.Equal(book.BalanceOf(s_buyer), balance);
    }

    [Fact]
    public async Task AccountHistory_BatchLeftOutOrBalanceChanged_Refused()
    {
        EscrowBook book = await BookWithHistoryAsync();
        _log.Sequencer.SignPending();
        List<LedgerBatchRecord> records = Records(new RecordStatements(_log.Store, _queries).StatementOf(LeafRecord.AccountKey(s_buyer.Value), 0, 100));

        List<LedgerBatchRecord> gap = [.. records.Take(2), .. records.Skip(3)];
        LedgerBatchRecord last = records[^1];
        AccountSnapshot buyer = last.Touched.Single(t => t.Id == s_buyer);
        LedgerBatchRecord inflated = last with
        {
            Touched = [.. last.Touched.Select(t => t == buyer ? t with { Balance = t.Balance with { CreditsPosted = t.Balance.CreditsPosted + 1 } } : t)],
        };

        Assert.False(AccountHistory.TryFollow(s_buyer, gap, out _, out string gapProblem));
        Assert.Contains("moved last in batch", gapProblem, StringComparison.Ordinal);
        Assert.False(AccountHistory.TryFollow(s_buyer, [.. records[..^1], inflated], out _, out string balanceProblem));
        Assert.Contains("its transfers give", balanceProblem, StringComparison.Ordinal);
        Assert.False(AccountHistory.TryFollow(s_buyer, records.Skip(1).ToList(), out _, out _));
    }

    [Fact]
    public async Task Verify_RecordNotTheOneTheLeafCommitsTo_Refused()
    {
        EscrowBook book = await BookWithHistoryAsync();
        _log.Sequencer.SignPending();
        RecordStatement statement = new RecordStatements(_log.Store, _queries).StatementOf(LeafRecord.AccountKey(s_buyer.Value), 0, 100);
        RecordStatementEntry first = statement.Entries[1];
        RecordStatement changed = statement with { Entries = [statement.Entries[0], first with { Record = [.. first.Record[..^1], (byte)(first.Record[^1] ^ 1)] }, .. statement.Entries.Skip(2)] };

        Assert.Equal(VerificationFailure.CommitmentMismatch, changed.Verify(_log.Notary.VerifierKeys, LeafType.LedgerBatch, out _, out _).Failure);
    }

    public void Dispose() => _log.Dispose();

    private static List<LedgerBatchRecord> Records(RecordStatement statement) =>
        [.. statement.Entries.Select(e => LedgerBatchRecord.TryDecode(e.Record, out LedgerBatchRecord? record, out string reason) ? record! : throw new InvalidDataException(reason))];

    /// <summary>
    /// A buyer's deposit, a pending payoff partly posted, a pending fee voided, a correction by
    /// reversal, a refused overdraft, and one batch that does not touch the buyer at all.
    /// </summary>
    private async Task<EscrowBook> BookWithHistoryAsync()
    {
        EscrowBook book = EscrowBook.Open(_log.Store, _log.Intake, TimeProvider.System, RandomNumberGenerator.Fill);
        await book.CreateAccountsAsync(s_notary, [new(s_bank, AccountKind.EscrowBank, Cny, 1), new(s_buyer, AccountKind.Liability, Cny, 2), new(s_seller, AccountKind.Liability, Cny, 3), new(s_fees, AccountKind.Liability, Cny, 4)], CancellationToken.None);
        await Transfers(book, T(10, s_bank, s_buyer, 1_000_000_00));
        await Transfers(book, T(11, s_buyer, s_seller, 600_000_00, TransferFlags.Pending), T(12, s_buyer, s_fees, 5_000_00, TransferFlags.Pending));
        await Transfers(book, T(13, s_buyer, s_seller, 550_000_00, TransferFlags.PostPending, pending: 11), T(14, s_buyer, s_fees, 0, TransferFlags.VoidPending, pending: 12));
        await Transfers(book, T(15, s_seller, s_buyer, 50_000_00, TransferFlags.Reversal, reversed: 13), T(16, s_buyer, s_seller, 9_000_000_00));
        await Transfers(book, T(17, s_seller, s_fees, 1_000_00));
        await Transfers(book, T(18, s_buyer, s_seller, 100_00));
        return book;
    }

    private static Task<LedgerBatchOutcome> Transfers(EscrowBook book, params Transfer[] transfers) => book.CreateTransfersAsync(s_notary, transfers, CancellationToken.None);

    private static Transfer T(ulong id, AccountId debit, AccountId credit, long amountFen, TransferFlags flags = TransferFlags.None, ulong pending = 0, ulong reversed = 0) =>
        new(new TransferId(id), debit, credit, amountFen, Cny, 1, flags, new TransferId(pending), new TransferId(reversed));
}
