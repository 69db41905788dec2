using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

public class TwoPhaseTests
{
    private static EscrowLedger Funded()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 10_000), Pending(2, Buyer, Bank, 4_000));
        return ledger;
    }

    [Fact]
    public void CreateTransfers_Pending_ReservesOnBothPendingFields()
    {
        EscrowLedger ledger = Funded();

        ledger.AssertBalance(Buyer, 4_000, 0, 0, 10_000);
        ledger.AssertBalance(Bank, 0, 10_000, 4_000, 0);
        Assert.Equal(TransferState.Pending, ledger.StateOf(T(2)));
    }

    [Fact]
    public void CreateTransfers_SpendingWhatAPendingReserved_ExceedsCredits()
    {
        EscrowLedger ledger = Funded();

        Assert.Equal(CreateTransferResult.ExceedsCredits, ledger.Apply(Single(3, Buyer, Seller, 6_001)));
        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Single(4, Buyer, Seller, 6_000)));
    }

    [Fact]
    public void CreateTransfers_PartialPost_PostsItsAmountAndReleasesTheRest()
    {
        EscrowLedger ledger = Funded();

        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Post(3, 2, Buyer, Bank, 2_500)));

        ledger.AssertBalance(Buyer, 0, 2_500, 0, 10_000);
        ledger.AssertBalance(Bank, 0, 10_000, 0, 2_500);
        Assert.Equal(TransferState.PendingPosted, ledger.StateOf(T(2)));
        Assert.Equal(TransferState.Posted, ledger.StateOf(T(3)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_PostOfTheFullAmount_PostsIt()
    {
        EscrowLedger ledger = Funded();

        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Post(3, 2, Buyer, Bank, 4_000)));

        ledger.AssertBalance(Buyer, 0, 4_000, 0, 10_000);
        ledger.AssertBalance(Bank, 0, 10_000, 0, 4_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4_000)]
    public void CreateTransfers_Void_ReleasesThePendingAmount(long amountFen)
    {
        EscrowLedger ledger = Funded();

        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Void(3, 2, Buyer, Bank, amountFen)));

        ledger.AssertBalance(Buyer, 0, 0, 0, 10_000);
        ledger.AssertBalance(Bank, 0, 10_000, 0, 0);
        Assert.Equal(TransferState.PendingVoided, ledger.StateOf(T(2)));
        Assert.Equal(TransferState.Posted, ledger.StateOf(T(3)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_SecondPostOrVoid_RefusedAsAlreadyResolved()
    {
        EscrowLedger ledger = Funded();
        ledger.AssertOk(Pending(3, Buyer, Bank, 1_000), Post(4, 2, Buyer, Bank, 1_000), Void(5, 3, Buyer, Bank));

        Assert.Equal(
            [
                CreateTransferResult.PendingTransferAlreadyPosted, CreateTransferResult.PendingTransferAlreadyPosted,
                CreateTransferResult.PendingTransferAlreadyVoided, CreateTransferResult.PendingTransferAlreadyVoided,
            ],
            ledger.Apply(Post(6, 2, Buyer, Bank, 1), Void(7, 2, Buyer, Bank), Post(8, 3, Buyer, Bank, 1), Void(9, 3, Buyer, Bank)));
        ledger.AssertBalance(Buyer, 0, 1_000, 0, 10_000);
    }

    [Fact]
    public void CreateTransfers_PostInTheSameBatchAsItsPending_Applies()
    {
        EscrowLedger ledger = Chart();

        ledger.AssertOk(Deposit(1, 500), Pending(2, Buyer, Seller, 500), Post(3, 2, Buyer, Seller, 100));

        ledger.AssertBalance(Buyer, 0, 100, 0, 500);
        ledger.AssertBalance(Seller, 0, 0, 0, 100);
    }

    [Fact]
    public void CreateTransfers_PostAndVoidOfOnePendingInOneBatch_SecondRefused()
    {
        EscrowLedger ledger = Funded();

        Assert.Equal(
            [CreateTransferResult.Ok, CreateTransferResult.PendingTransferAlreadyVoided],
            ledger.Apply(Void(3, 2, Buyer, Bank), Post(4, 2, Buyer, Bank, 4_000)));
    }

    [Fact]
    public void CreateTransfers_MemoPending_HasNoBalanceRule()
    {
        EscrowLedger ledger = Chart();

        ledger.AssertOk(Pending(1, MemoA, MemoB, 5_000), Post(2, 1, MemoA, MemoB, 5_000));

        ledger.AssertBalance(MemoA, 0, 5_000, 0, 0);
        ledger.AssertBalance(MemoB, 0, 0, 0, 5_000);
        ledger.CheckInvariants();
    }

    [Fact]
    public void StateOf_UnknownOrFailedId_IsNull()
    {
        EscrowLedger ledger = Chart();
        Assert.Equal(CreateTransferResult.ExceedsCredits, ledger.Apply(Single(1, Buyer, Seller, 1)));

        Assert.Null(ledger.StateOf(T(1)));
        Assert.Null(ledger.StateOf(T(2)));
        Assert.Equal(0, ledger.ReversedAmountOf(T(1)));
    }
}
