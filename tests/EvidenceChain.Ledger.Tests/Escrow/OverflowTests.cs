using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

public class OverflowTests
{
    private const long Max = long.MaxValue;

    [Fact]
    public void CreateTransfers_PostedFieldPastLongMax_OverflowsAndChangesNothing()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, Max));

        Assert.Equal(CreateTransferResult.Overflows, ledger.Apply(Deposit(2, 1, Seller)));

        ledger.AssertBalance(Bank, 0, Max, 0, 0);
        ledger.AssertBalance(Seller, 0, 0, 0, 0);
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_PendingPlusPostedPastLongMax_Overflows()
    {
        // Each field alone would fit; their sum, which the balance rules add up, would not.
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Pending(1, MemoA, MemoB, Max - 10));

        Assert.Equal(CreateTransferResult.Overflows, ledger.Apply(Single(2, MemoA, MemoB, 11)));
        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Single(3, MemoA, MemoB, 10)));
        ledger.AssertBalance(MemoA, Max - 10, 10, 0, 0);
    }

    [Fact]
    public void CreateTransfers_OverflowAndExceedsCredits_OverflowsFirst()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, Max), Single(2, Buyer, Bank, Max));

        // Buyer's debits would pass long.MaxValue, and so its credits: rule 38 before 39 and 40.
        Assert.Equal(CreateTransferResult.Overflows, ledger.Apply(Single(3, Buyer, Bank, 1)));
    }

    [Fact]
    public void CreateTransfers_PostOfALongMaxPending_AppliesAndItsReversalOverflows()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, Max), Pending(2, Buyer, Bank, Max));

        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Post(3, 2, Buyer, Bank, Max)));
        ledger.AssertBalance(Buyer, 0, Max, 0, Max);

        // Reversing any of it would push the bank's posted debits past long.MaxValue.
        Assert.Equal(CreateTransferResult.Overflows, ledger.Apply(Reverse(4, 3, Bank, Buyer, 1)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CheckInvariants_SumsOverAccountsPastLongMax_StillHold()
    {
        // The sums over all accounts are kept in Int128: two accounts at long.MaxValue are fine.
        EscrowLedger ledger = Chart();
        var memoC = new AccountId(20);
        var memoD = new AccountId(21);
        ledger.CreateAccounts([Memo(memoC), Memo(memoD)]);

        ledger.AssertOk(Single(1, MemoA, MemoB, Max), Single(2, memoC, memoD, Max), Deposit(3, Max), Deposit(4, Max, Seller) with { DebitAccountId = SecondBank });

        ledger.CheckInvariants();
    }
}
