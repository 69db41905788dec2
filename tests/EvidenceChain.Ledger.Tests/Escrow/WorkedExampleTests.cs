using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

/// <summary>
/// DOMAIN.md §3.4: selling a mortgaged home (带押过户) through escrow. Price 2,000,000.00 yuan; the
/// buyer deposits 800,000.00; the payoff is 600,850.00; the buyer's bank lends 1,200,000.00; the
/// seller bears a 3,000.00 fee. Every amount in fen.
/// </summary>
public class WorkedExampleTests
{
    private static readonly AccountId s_bank = new(1);
    private static readonly AccountId s_buyer = new(11);
    private static readonly AccountId s_payoff = new(12);
    private static readonly AccountId s_seller = new(13);
    private static readonly AccountId s_fees = new(14);

    private const ushort BuyerDeposit = 1;
    private const ushort Payoff = 2;
    private const ushort Entitlement = 3;
    private const ushort Fee = 4;
    private const ushort Payout = 5;

    private static EscrowLedger CaseBooks()
    {
        var ledger = new EscrowLedger();
        Assert.All(
            ledger.CreateAccounts(
            [
                new Account(s_bank, AccountKind.EscrowBank, Cny, 100),
                new Account(s_buyer, AccountKind.Liability, Cny, 201, UserData128: 7),
                new Account(s_payoff, AccountKind.Liability, Cny, 202, UserData128: 7),
                new Account(s_seller, AccountKind.Liability, Cny, 203, UserData128: 7),
                new Account(s_fees, AccountKind.Liability, Cny, 204, UserData128: 7),
            ]),
            r => Assert.Equal(CreateAccountResult.Ok, r));
        return ledger;
    }

    private static Transfer Move(ulong id, AccountId debit, AccountId credit, long amountFen, ushort code, TransferFlags flags = TransferFlags.None) =>
        new(T(id), debit, credit, amountFen, Cny, code, flags, UserData128: 7);

    [Fact]
    public void CreateTransfers_MortgagedHomeSale_EveryBalanceAsPosted()
    {
        EscrowLedger ledger = CaseBooks();

        // P1: the buyer's 800,000.00 appears on the bank statement.
        ledger.AssertOk(Move(1, s_bank, s_buyer, 80_000_000, BuyerDeposit) with { UserData64 = 5001 });
        ledger.AssertBalance(s_bank, 0, 80_000_000, 0, 0);
        ledger.AssertBalance(s_buyer, 0, 0, 0, 80_000_000);

        // P2: earmark the payoff; P3: the payment instruction reserves the bank balance.
        ledger.AssertOk(
            Move(2, s_buyer, s_payoff, 60_085_000, Payoff),
            Move(3, s_payoff, s_bank, 60_085_000, Payoff, TransferFlags.Pending));
        ledger.AssertBalance(s_buyer, 0, 60_085_000, 0, 80_000_000);
        ledger.AssertBalance(s_payoff, 60_085_000, 0, 0, 60_085_000);
        ledger.AssertBalance(s_bank, 0, 80_000_000, 60_085_000, 0);
        Assert.Equal(TransferState.Pending, ledger.StateOf(T(3)));

        // P4: the bank confirms the debit: post P3.
        ledger.AssertOk(Move(4, s_payoff, s_bank, 60_085_000, Payoff, TransferFlags.PostPending) with { PendingId = T(3) });
        ledger.AssertBalance(s_payoff, 0, 60_085_000, 0, 60_085_000);
        ledger.AssertBalance(s_bank, 0, 80_000_000, 0, 60_085_000);
        Assert.Equal(TransferState.PendingPosted, ledger.StateOf(T(3)));

        // P5: the buyer's loan of 1,200,000.00 appears on the statement.
        ledger.AssertOk(Move(5, s_bank, s_buyer, 120_000_000, BuyerDeposit));
        ledger.AssertBalance(s_bank, 0, 200_000_000, 0, 60_085_000);
        ledger.AssertBalance(s_buyer, 0, 60_085_000, 0, 200_000_000);

        // P6–P8, one chain: entitlement to the seller, the seller's fee, the payout instruction.
        ledger.AssertOk(
            Move(6, s_buyer, s_seller, 139_915_000, Entitlement, TransferFlags.Linked),
            Move(7, s_seller, s_fees, 300_000, Fee, TransferFlags.Linked),
            Move(8, s_seller, s_bank, 139_615_000, Payout, TransferFlags.Pending));
        ledger.AssertBalance(s_buyer, 0, 200_000_000, 0, 200_000_000);
        ledger.AssertBalance(s_seller, 139_615_000, 300_000, 0, 139_915_000);
        ledger.AssertBalance(s_fees, 0, 0, 0, 300_000);
        ledger.AssertBalance(s_bank, 0, 200_000_000, 139_615_000, 60_085_000);

        // P9: the fee leaves for the notary's operating account, pending; then both are confirmed.
        ledger.AssertOk(Move(9, s_fees, s_bank, 300_000, Fee, TransferFlags.Pending));
        ledger.AssertBalance(s_bank, 0, 200_000_000, 139_915_000, 60_085_000);
        ledger.AssertOk(
            Move(10, s_seller, s_bank, 139_615_000, Payout, TransferFlags.PostPending) with { PendingId = T(8) },
            Move(11, s_fees, s_bank, 300_000, Fee, TransferFlags.PostPending) with { PendingId = T(9) });

        // In 800,000 + 1,200,000 = out 600,850 + 3,000 + 1,396,150; every L:c:* account ends at 0.
        ledger.AssertBalance(s_bank, 0, 200_000_000, 0, 200_000_000);
        ledger.AssertBalance(s_buyer, 0, 200_000_000, 0, 200_000_000);
        ledger.AssertBalance(s_payoff, 0, 60_085_000, 0, 60_085_000);
        ledger.AssertBalance(s_seller, 0, 139_915_000, 0, 139_915_000);
        ledger.AssertBalance(s_fees, 0, 300_000, 0, 300_000);
        Assert.Equal(TransferState.PendingPosted, ledger.StateOf(T(8)));
        Assert.Equal(TransferState.PendingPosted, ledger.StateOf(T(9)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_BankRejectsThePayoff_VoidKeepsTheMoneyEarmarked()
    {
        EscrowLedger ledger = CaseBooks();
        ledger.AssertOk(
            Move(1, s_bank, s_buyer, 80_000_000, BuyerDeposit),
            Move(2, s_buyer, s_payoff, 60_085_000, Payoff),
            Move(3, s_payoff, s_bank, 60_085_000, Payoff, TransferFlags.Pending));

        ledger.AssertOk(Move(4, s_payoff, s_bank, 0, Payoff, TransferFlags.VoidPending) with { PendingId = T(3) });

        ledger.AssertBalance(s_payoff, 0, 0, 0, 60_085_000);
        ledger.AssertBalance(s_bank, 0, 80_000_000, 0, 0);
        Assert.Equal(TransferState.PendingVoided, ledger.StateOf(T(3)));
        Assert.Equal(TransferState.Posted, ledger.StateOf(T(4)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_PayoutChainBeyondTheSellersEntitlement_AppliesNoneOfIt()
    {
        EscrowLedger ledger = CaseBooks();
        ledger.AssertOk(Move(1, s_bank, s_buyer, 200_000_000, BuyerDeposit));

        // The payout forgets the fee: the seller would go negative, so the entitlement and fee go too.
        IReadOnlyList<CreateTransferResult> results = ledger.Apply(
            Move(6, s_buyer, s_seller, 139_915_000, Entitlement, TransferFlags.Linked),
            Move(7, s_seller, s_fees, 300_000, Fee, TransferFlags.Linked),
            Move(8, s_seller, s_bank, 139_915_000, Payout, TransferFlags.Pending));

        Assert.Equal([CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed, CreateTransferResult.ExceedsCredits], results);
        ledger.AssertBalance(s_buyer, 0, 0, 0, 200_000_000);
        ledger.AssertBalance(s_seller, 0, 0, 0, 0);
        ledger.AssertBalance(s_fees, 0, 0, 0, 0);
        ledger.AssertBalance(s_bank, 0, 200_000_000, 0, 0);
        Assert.Null(ledger.StateOf(T(6)));
        ledger.CheckInvariants();
    }
}
