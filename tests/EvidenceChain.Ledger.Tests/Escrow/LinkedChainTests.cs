using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

public class LinkedChainTests
{
    [Fact]
    public void CreateTransfers_ChainThatSucceeds_AppliesEveryEvent()
    {
        EscrowLedger ledger = Chart();

        ledger.AssertOk(Deposit(1, 1_000).Linked(), Single(2, Buyer, Seller, 400).Linked(), Single(3, Seller, Fees, 100));

        ledger.AssertBalance(Buyer, 0, 400, 0, 1_000);
        ledger.AssertBalance(Seller, 0, 100, 0, 400);
        ledger.AssertBalance(Fees, 0, 0, 0, 100);
    }

    [Fact]
    public void CreateTransfers_ChainWithAFailure_UndoesEveryEffectAndNamesTheFailure()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000), Pending(2, Buyer, Seller, 300));
        AccountBalance[] before = ledger.Accounts.Select(a => ledger.BalanceOf(a.Id)!.Value).ToArray();

        // A deposit, a post of an older pending, a new pending posted in the chain, a reversal, then a refusal.
        IReadOnlyList<CreateTransferResult> results = ledger.Apply(
            Deposit(10, 5_000).Linked(),
            Post(11, 2, Buyer, Seller, 300).Linked(),
            Pending(12, Buyer, Fees, 200, flags: TransferFlags.Linked),
            Post(13, 12, Buyer, Fees, 150).Linked(),
            Reverse(14, 1, Buyer, Bank, 100).Linked(),
            Single(15, Seller, Fees, 1_000_000).Linked(),
            Single(16, Buyer, Seller, 1));

        Assert.Equal(
            [
                CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed,
                CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed, CreateTransferResult.ExceedsCredits,
                CreateTransferResult.LinkedEventFailed,
            ],
            results);
        Assert.Equal(before, ledger.Accounts.Select(a => ledger.BalanceOf(a.Id)!.Value));
        Assert.Equal(TransferState.Pending, ledger.StateOf(T(2)));
        Assert.Equal(0, ledger.ReversedAmountOf(T(1)));
        Assert.All(Enumerable.Range(10, 7), id => Assert.Null(ledger.StateOf(T((ulong)id))));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_EventsAfterTheFailureInAChain_AreLinkedEventFailedUnchecked()
    {
        EscrowLedger ledger = Chart();

        IReadOnlyList<CreateTransferResult> results = ledger.Apply(
            Single(1, Buyer, Seller, 5).Linked(),
            Single(0, Buyer, Seller, 0).Linked(),
            Deposit(3, 100));

        Assert.Equal([CreateTransferResult.ExceedsCredits, CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed], results);
        ledger.AssertBalance(Buyer, 0, 0, 0, 0);
    }

    [Fact]
    public void CreateTransfers_ChainFollowedByOtherEvents_OnlyTheChainFails()
    {
        EscrowLedger ledger = Chart();

        IReadOnlyList<CreateTransferResult> results = ledger.Apply(
            Deposit(1, 100),
            Single(2, Buyer, Seller, 50).Linked(),
            Single(3, Seller, Fees, 60),
            Single(4, Buyer, Seller, 50));

        Assert.Equal([CreateTransferResult.Ok, CreateTransferResult.LinkedEventFailed, CreateTransferResult.ExceedsCredits, CreateTransferResult.Ok], results);
        ledger.AssertBalance(Buyer, 0, 50, 0, 100);
        ledger.AssertBalance(Seller, 0, 0, 0, 50);
    }

    [Fact]
    public void CreateTransfers_ChainOpenAtTheEndOfTheBatch_AppliesNoneOfIt()
    {
        EscrowLedger ledger = Chart();

        IReadOnlyList<CreateTransferResult> results = ledger.Apply(
            Deposit(1, 100),
            Deposit(2, 100).Linked(),
            Single(3, Buyer, Seller, 0).Linked());

        Assert.Equal([CreateTransferResult.Ok, CreateTransferResult.LinkedEventChainOpen, CreateTransferResult.LinkedEventChainOpen], results);
        ledger.AssertBalance(Buyer, 0, 0, 0, 100);
    }

    [Fact]
    public void CreateTransfers_ChainOpen_RecordedAsItsFixedOutcome()
    {
        EscrowLedger ledger = Chart();
        ledger.Apply(Deposit(1, 100).Linked());

        Assert.Equal(CreateTransferResult.LinkedEventChainOpen, ledger.Apply(Deposit(1, 100).Linked()));
        Assert.Equal(CreateTransferResult.ExistsWithDifferentFields, ledger.Apply(Deposit(1, 100)));
        ledger.AssertBalance(Buyer, 0, 0, 0, 0);
    }

    [Fact]
    public void CreateTransfers_UndoneChain_RecordsEachEventsFailureNotItsSuccess()
    {
        EscrowLedger ledger = Chart();
        Assert.Equal(
            [CreateTransferResult.LinkedEventFailed, CreateTransferResult.ExceedsCredits, CreateTransferResult.LinkedEventFailed],
            ledger.Apply(Deposit(1, 100).Linked(), Single(2, Buyer, Seller, 1_000).Linked(), Deposit(3, 50, Seller)));
        ledger.AssertOk(Deposit(4, 2_000));

        // Each would apply now, yet a retry with the same fields gets the result it got in the chain.
        Assert.Equal(CreateTransferResult.LinkedEventFailed, ledger.Apply(Deposit(3, 50, Seller)));
        Assert.Equal([CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed], ledger.Apply(Deposit(1, 100).Linked(), Deposit(5, 1)));
        Assert.Equal([CreateTransferResult.ExceedsCredits, CreateTransferResult.LinkedEventFailed], ledger.Apply(Single(2, Buyer, Seller, 1_000).Linked(), Deposit(6, 1)));
        Assert.Null(ledger.StateOf(T(1)));
        Assert.Null(ledger.StateOf(T(2)));
        Assert.Null(ledger.StateOf(T(3)));
        ledger.AssertBalance(Buyer, 0, 0, 0, 2_000);
        ledger.AssertBalance(Seller, 0, 0, 0, 0);
    }

    [Fact]
    public void CreateTransfers_DuplicateIdInAnUndoneChain_FirstUseIsRecorded()
    {
        EscrowLedger ledger = Chart();

        IReadOnlyList<CreateTransferResult> results = ledger.Apply(
            Deposit(1, 100).Linked(),
            Deposit(1, 100).Linked(),
            Deposit(1, 999));

        Assert.Equal([CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed, CreateTransferResult.ExistsWithDifferentFields], results);
        Assert.Equal(CreateTransferResult.LinkedEventFailed, ledger.Apply(Deposit(1, 100).Linked(), Deposit(5, 1))[0]);
        ledger.AssertBalance(Buyer, 0, 0, 0, 0);
    }

    [Fact]
    public void CreateTransfers_ExistsInsideAChain_DoesNotBreakIt()
    {
        // A retried chain whose first events applied before completes: Exists is a success.
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 100).Linked(), Single(2, Buyer, Seller, 40));

        Assert.Equal(
            [CreateTransferResult.Exists, CreateTransferResult.Exists],
            ledger.Apply(Deposit(1, 100).Linked(), Single(2, Buyer, Seller, 40)));
        Assert.Equal(
            [CreateTransferResult.Exists, CreateTransferResult.Ok],
            ledger.Apply(Deposit(1, 100).Linked(), Single(3, Buyer, Seller, 60)));
        ledger.AssertBalance(Buyer, 0, 100, 0, 100);
    }

    [Fact]
    public void CreateTransfers_VoidUndoneWithItsChain_PendingCanStillBePosted()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 1_000), Pending(2, Buyer, Seller, 1_000));

        Assert.Equal(
            [CreateTransferResult.LinkedEventFailed, CreateTransferResult.PendingTransferAlreadyVoided],
            ledger.Apply(Void(3, 2, Buyer, Seller).Linked(), Post(4, 2, Buyer, Seller, 1_000)));

        Assert.Equal(TransferState.Pending, ledger.StateOf(T(2)));
        ledger.AssertBalance(Buyer, 1_000, 0, 0, 1_000);
        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(Post(5, 2, Buyer, Seller, 1_000)));
        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_EmptyOversizedOrNullBatch_Throws()
    {
        EscrowLedger ledger = Chart();
        Transfer[] oversized = Enumerable.Range(1, EscrowLedger.BatchEventsMax + 1).Select(i => Deposit((ulong)i, 1)).ToArray();

        Assert.Throws<ArgumentException>(() => ledger.CreateTransfers([]));
        Assert.Throws<ArgumentException>(() => ledger.CreateTransfers(oversized));
        Assert.Throws<ArgumentException>(() => ledger.CreateTransfers([Deposit(1, 1), null!]));
        Assert.Throws<ArgumentNullException>(() => ledger.CreateTransfers(null!));
        ledger.AssertBalance(Bank, 0, 0, 0, 0);
        Assert.Null(ledger.StateOf(T(1)));
    }

    [Fact]
    public void CreateTransfers_BatchAtTheLimit_AppliesEveryEvent()
    {
        EscrowLedger ledger = Chart();
        Transfer[] batch = Enumerable.Range(1, EscrowLedger.BatchEventsMax).Select(i => Deposit((ulong)i, 1)).ToArray();

        Assert.All(ledger.CreateTransfers(batch), r => Assert.Equal(CreateTransferResult.Ok, r));
        ledger.AssertBalance(Buyer, 0, 0, 0, EscrowLedger.BatchEventsMax);
    }
}
