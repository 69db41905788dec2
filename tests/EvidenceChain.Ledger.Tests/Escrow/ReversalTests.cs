using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

public class ReversalTests
{
    [Fact]
    public void CreateTransfers_ReversalsUpToWhatWasPosted_ApplyThenExceed()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000));

        ledger.AssertOk(Reverse(2, 1, Buyer, Bank, 300), Reverse(3, 1, Buyer, Bank, 700));

        Assert.Equal(1_000, ledger.ReversedAmountOf(T(1)));
        Assert.Equal(CreateTransferResult.ExceedsReversibleAmount, ledger.Apply(Reverse(4, 1, Buyer, Bank, 1)));
        ledger.AssertBalance(Bank, 0, 1_000, 0, 1_000);
        ledger.AssertBalance(Buyer, 0, 1_000, 0, 1_000);
        Assert.Equal(TransferState.Posted, ledger.StateOf(T(2)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_ReversalOfAPartialPost_LimitedToWhatThePostPosted()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000), Pending(2, Buyer, Seller, 800), Post(3, 2, Buyer, Seller, 500));

        Assert.Equal(CreateTransferResult.ExceedsReversibleAmount, ledger.Apply(Reverse(4, 3, Seller, Buyer, 501)));
        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Reverse(5, 3, Seller, Buyer, 500)));

        Assert.Equal(500, ledger.ReversedAmountOf(T(3)));
        Assert.Equal(0, ledger.ReversedAmountOf(T(2)));
        ledger.AssertBalance(Seller, 0, 500, 0, 500);
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_ReversalOfMoneyAlreadyMovedOn_ExceedsCredits()
    {
        // A reversal is checked like any transfer that moves money: the buyer's money went to the
        // seller, so reversing the deposit would make the buyer's account negative.
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000), Single(2, Buyer, Seller, 600));

        Assert.Equal(CreateTransferResult.ExceedsCredits, ledger.Apply(Reverse(3, 1, Buyer, Bank, 500)));
        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Reverse(4, 1, Buyer, Bank, 400)));
        Assert.Equal(400, ledger.ReversedAmountOf(T(1)));
    }

    [Fact]
    public void CreateTransfers_ReversalsOfPendingVoidOrReversal_NotReversible()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000), Pending(2, Buyer, Seller, 100), Void(3, 2, Buyer, Seller), Reverse(4, 1, Buyer, Bank, 10));

        Assert.Equal(
            [CreateTransferResult.ReversedTransferNotReversible, CreateTransferResult.ReversedTransferNotReversible, CreateTransferResult.ReversedTransferNotReversible],
            ledger.Apply(Reverse(5, 2, Seller, Buyer, 1), Reverse(6, 3, Seller, Buyer, 1), Reverse(7, 4, Bank, Buyer, 1)));
    }

    [Fact]
    public void CreateTransfers_ReversalWithItsOwnReasonCode_Applies()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000));

        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Reverse(2, 1, Buyer, Bank, 1_000, code: 4242)));
    }
}
