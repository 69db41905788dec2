using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Tests.Escrow;

/// <summary>
/// Builders for the example-based tests: a small chart of accounts on ledger 1 (CNY escrow) and
/// one-line constructors for each kind of transfer, so a test reads as its postings.
/// </summary>
internal static class Books
{
    public const uint Cny = 1;
    public const uint OtherLedger = 2;
    public const ushort DepositCode = 1;
    public const ushort MoveCode = 2;

    public static readonly AccountId Bank = new(1);
    public static readonly AccountId Buyer = new(2);
    public static readonly AccountId Seller = new(3);
    public static readonly AccountId Fees = new(4);
    public static readonly AccountId MemoA = new(5);
    public static readonly AccountId MemoB = new(6);
    public static readonly AccountId Foreign = new(7);
    public static readonly AccountId SecondBank = new(8);
    public static readonly AccountId Unknown = new(99);

    public static Account EscrowBank(AccountId id, uint ledger = Cny) => new(id, AccountKind.EscrowBank, ledger, 10);

    public static Account Liability(AccountId id, uint ledger = Cny, ushort code = 20) => new(id, AccountKind.Liability, ledger, code);

    public static Account Memo(AccountId id) => new(id, AccountKind.Memo, Cny, 30);

    /// <summary>A ledger with the chart above and nothing posted.</summary>
    public static EscrowLedger Chart()
    {
        var ledger = new EscrowLedger();
        IReadOnlyList<CreateAccountResult> results = ledger.CreateAccounts(
        [
            EscrowBank(Bank), Liability(Buyer), Liability(Seller), Liability(Fees), Memo(MemoA), Memo(MemoB),
            Liability(Foreign, OtherLedger), EscrowBank(SecondBank),
        ]);
        Assert.All(results, r => Assert.Equal(CreateAccountResult.Ok, r));
        return ledger;
    }

    public static TransferId T(ulong id) => new(id);

    public static Transfer Single(ulong id, AccountId debit, AccountId credit, long amountFen, ushort code = MoveCode, TransferFlags flags = TransferFlags.None) =>
        new(T(id), debit, credit, amountFen, Cny, code, flags);

    public static Transfer Deposit(ulong id, long amountFen, AccountId? to = null) =>
        new(T(id), Bank, to ?? Buyer, amountFen, Cny, DepositCode);

    public static Transfer Pending(ulong id, AccountId debit, AccountId credit, long amountFen, ushort code = MoveCode, TransferFlags flags = TransferFlags.None) =>
        new(T(id), debit, credit, amountFen, Cny, code, TransferFlags.Pending | flags);

    public static Transfer Post(ulong id, ulong pendingId, AccountId debit, AccountId credit, long amountFen, ushort code = MoveCode) =>
        new(T(id), debit, credit, amountFen, Cny, code, TransferFlags.PostPending, PendingId: T(pendingId));

    public static Transfer Void(ulong id, ulong pendingId, AccountId debit, AccountId credit, long amountFen = 0, ushort code = MoveCode) =>
        new(T(id), debit, credit, amountFen, Cny, code, TransferFlags.VoidPending, PendingId: T(pendingId));

    public static Transfer Reverse(ulong id, ulong reversedId, AccountId debit, AccountId credit, long amountFen, ushort code = 9) =>
        new(T(id), debit, credit, amountFen, Cny, code, TransferFlags.Reversal, ReversedId: T(reversedId));

    public static Transfer Linked(this Transfer transfer) => transfer with { Flags = transfer.Flags | TransferFlags.Linked };

    public static CreateTransferResult Apply(this EscrowLedger ledger, Transfer transfer) => ledger.CreateTransfers([transfer])[0];

    public static IReadOnlyList<CreateTransferResult> Apply(this EscrowLedger ledger, params Transfer[] transfers) => ledger.CreateTransfers(transfers);

    public static void AssertOk(this EscrowLedger ledger, params Transfer[] transfers) =>
        Assert.All(ledger.CreateTransfers(transfers), r => Assert.Equal(CreateTransferResult.Ok, r));

    public static void AssertBalance(this EscrowLedger ledger, AccountId id, long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) =>
        Assert.Equal(new AccountBalance(debitsPending, debitsPosted, creditsPending, creditsPosted), ledger.BalanceOf(id));
}
