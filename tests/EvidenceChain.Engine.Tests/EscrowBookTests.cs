using System.Security.Cryptography;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Ports;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Engine.Tests.Support;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;

namespace EvidenceChain.Engine.Tests;

/// <summary>
/// The escrow ledger with its durability: each batch is a ledger-batch record leaf of the log,
/// durable before it is answered, and replaying the records rebuilds the ledger exactly — or
/// refuses to, when a record does not match its leaf.
/// </summary>
public sealed class EscrowBookTests : IDisposable
{
    private const uint Cny = 1;
    private static readonly AccountId s_bank = new(1);
    private static readonly AccountId s_buyer = new(2);
    private static readonly AccountId s_seller = new(3);
    private static readonly Caller s_notary = new("0123456789abcdef0123456789abcdef", PartyRole.Notary);

    private readonly StoreFaults _faults = new();
    private readonly TestLog _log;

    public EscrowBookTests() => _log = new TestLog(decorate: store => _faults.Wrap(store));

    [Fact]
    public async Task Batches_StoredAsLeaves_ReplayGivesTheSameBalancesAndOutcomes()
    {
        EscrowBook book = Open();
        LedgerBatchOutcome accounts = await book.CreateAccountsAsync(s_notary, Accounts(), CancellationToken.None);
        LedgerBatchOutcome deposit = await book.CreateTransfersAsync(s_notary, [Transfer(10, s_bank, s_buyer, 1_000_000_00)], CancellationToken.None);
        LedgerBatchOutcome overdraft = await book.CreateTransfersAsync(s_notary, [Transfer(11, s_buyer, s_seller, 2_000_000_00)], CancellationToken.None);
        LedgerBatchOutcome payout = await book.CreateTransfersAsync(s_notary, [Transfer(12, s_buyer, s_seller, 400_000_00, TransferFlags.Pending)], CancellationToken.None);

        Assert.Equal([1UL, 2UL, 3UL, 4UL], new[] { accounts, deposit, overdraft, payout }.Select(o => o.BatchNumber));
        Assert.All(accounts.AccountResults, r => Assert.Equal(CreateAccountResult.Ok, r));
        Assert.Equal(CreateTransferResult.ExceedsCredits, Assert.Single(overdraft.TransferResults));
        StoredRecord stored = _log.Store.FindRecord(payout.LeafIndex)!;
        Assert.Equal(LeafType.LedgerBatch, stored.Type);
        Assert.True(LedgerBatchRecord.TryDecode(stored.Bytes, out LedgerBatchRecord? record, out _));
        Assert.Equal([s_buyer, s_seller], record!.Touched.Select(t => t.Id));
        Assert.Equal(2UL, record.Touched[0].PreviousBatchNumber);

        EscrowBook replayed = Open();

        Assert.Equal(4UL, replayed.LastBatchNumber);
        foreach (AccountId id in new[] { s_bank, s_buyer, s_seller })
        {
            Assert.Equal(book.BalanceOf(id), replayed.BalanceOf(id));
        }

        Assert.Equal(new AccountBalance(400_000_00, 0, 0, 1_000_000_00), replayed.BalanceOf(s_buyer));

        // The outcome of an id is fixed across the replay: the refused transfer is refused again, the same way.
        LedgerBatchOutcome retried = await replayed.CreateTransfersAsync(s_notary, [Transfer(11, s_buyer, s_seller, 2_000_000_00)], CancellationToken.None);
        Assert.Equal(CreateTransferResult.ExceedsCredits, Assert.Single(retried.TransferResults));
        Assert.Equal(5UL, retried.BatchNumber);
    }

    [Fact]
    public async Task Open_RecordChangedOnDisk_RefusesToReplay()
    {
        ulong leafIndex;
        EscrowBook book = Open();
        await book.CreateAccountsAsync(s_notary, Accounts(), CancellationToken.None);
        leafIndex = (await book.CreateTransfersAsync(s_notary, [Transfer(10, s_bank, s_buyer, 500)], CancellationToken.None)).LeafIndex;

        _faults.TamperedRecordLeafIndex = leafIndex;

        InvalidDataException refused = Assert.Throws<InvalidDataException>(Open);

        Assert.Contains($"leaf {leafIndex}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTransfers_EmptyOrTooLargeBatch_RefusedAndNothingStored()
    {
        EscrowBook book = Open();
        ulong leaves = _log.Store.LeafCount;

        QueryException empty = await Assert.ThrowsAsync<QueryException>(() => book.CreateTransfersAsync(s_notary, [], CancellationToken.None));
        QueryException large = await Assert.ThrowsAsync<QueryException>(() => book.CreateTransfersAsync(
            s_notary, [.. Enumerable.Range(1, EscrowLedger.BatchEventsMax + 1).Select(i => Transfer((ulong)i, s_bank, s_buyer, 1))], CancellationToken.None));

        Assert.Equal(QueryFailure.InvalidArgument, empty.Failure);
        Assert.Equal(QueryFailure.InvalidArgument, large.Failure);
        Assert.Equal(leaves, _log.Store.LeafCount);
        Assert.Equal(0UL, book.LastBatchNumber);
    }

    public void Dispose() => _log.Dispose();

    private EscrowBook Open() => EscrowBook.Open(_log.Store, _log.Intake, TimeProvider.System, RandomNumberGenerator.Fill);

    private static List<Account> Accounts() =>
    [
        new(s_bank, AccountKind.EscrowBank, Cny, 1),
        new(s_buyer, AccountKind.Liability, Cny, 2),
        new(s_seller, AccountKind.Liability, Cny, 3),
    ];

    private static Transfer Transfer(ulong id, AccountId debit, AccountId credit, long amountFen, TransferFlags flags = TransferFlags.None) =>
        new(new TransferId(id), debit, credit, amountFen, Cny, 1, flags);
}
