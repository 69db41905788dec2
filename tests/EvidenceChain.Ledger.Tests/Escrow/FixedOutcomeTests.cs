using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

/// <summary>docs/ledger.md, fixed outcomes: a transfer id's outcome is fixed the first time it is used.</summary>
public class FixedOutcomeTests
{
    [Fact]
    public void CreateTransfers_SuccessRetried_ExistsAndNothingAppliedAgain()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 100));

        Assert.Equal(CreateTransferResult.Exists, ledger.Apply(Deposit(1, 100)));

        ledger.AssertBalance(Buyer, 0, 0, 0, 100);
    }

    [Fact]
    public void CreateTransfers_SameIdTwiceInOneBatch_SecondExists()
    {
        EscrowLedger ledger = Chart();

        Assert.Equal([CreateTransferResult.Ok, CreateTransferResult.Exists], ledger.Apply(Deposit(1, 100), Deposit(1, 100)));
        ledger.AssertBalance(Buyer, 0, 0, 0, 100);
    }

    [Fact]
    public void CreateTransfers_SuccessRetriedWithAnyFieldDifferent_ExistsWithDifferentFields()
    {
        EscrowLedger ledger = Chart();
        Transfer deposit = Deposit(1, 100);
        ledger.AssertOk(deposit);
        Transfer[] variants =
        [
            deposit with { AmountFen = 101 }, deposit with { CreditAccountId = Seller }, deposit with { Code = 9 },
            deposit with { UserData128 = 1 }, deposit with { UserData64 = 1 }, deposit with { UserData32 = 1 },
            deposit with { Flags = TransferFlags.Pending }, deposit with { DebitAccountId = SecondBank },
        ];

        Assert.All(ledger.CreateTransfers(variants), r => Assert.Equal(CreateTransferResult.ExistsWithDifferentFields, r));
        ledger.AssertBalance(Buyer, 0, 0, 0, 100);
    }

    [Fact]
    public void CreateTransfers_FailureRetriedWhenItWouldNowApply_GetsTheFirstFailure()
    {
        EscrowLedger ledger = Chart();
        Transfer payout = Single(1, Buyer, Seller, 500);
        Assert.Equal(CreateTransferResult.ExceedsCredits, ledger.Apply(payout));
        ledger.AssertOk(Deposit(2, 1_000));

        Assert.Equal(CreateTransferResult.ExceedsCredits, ledger.Apply(payout));
        Assert.Equal(CreateTransferResult.ExistsWithDifferentFields, ledger.Apply(payout with { AmountFen = 400 }));
        ledger.AssertBalance(Seller, 0, 0, 0, 0);
        Assert.Equal(CreateTransferResult.Ok, ledger.Apply(payout with { Id = T(3) }));
    }

    [Fact]
    public void CreateTransfers_AccountNotFoundRetriedAfterItsCreation_GetsTheFirstFailure()
    {
        EscrowLedger ledger = Chart();
        var late = new AccountId(40);
        Transfer deposit = Deposit(1, 100, late);
        Assert.Equal(CreateTransferResult.CreditAccountNotFound, ledger.Apply(deposit));
        ledger.CreateAccounts([Liability(late)]);

        Assert.Equal(CreateTransferResult.CreditAccountNotFound, ledger.Apply(deposit));
        ledger.AssertBalance(late, 0, 0, 0, 0);
    }

    [Fact]
    public void CreateTransfers_PendingNotFoundRetriedAfterThePending_GetsTheFirstFailure()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 100));
        Transfer post = Post(3, 2, Buyer, Seller, 50);
        Assert.Equal(CreateTransferResult.PendingTransferNotFound, ledger.Apply(post));
        ledger.AssertOk(Pending(2, Buyer, Seller, 50));

        Assert.Equal(CreateTransferResult.PendingTransferNotFound, ledger.Apply(post));
        Assert.Equal(TransferState.Pending, ledger.StateOf(T(2)));
    }

    [Fact]
    public void CreateTransfers_IdFirstUsedByAMalformedEvent_OtherFieldsLaterExistWithDifferentFields()
    {
        // Every result fixes the outcome, a malformed event's too, once its id is not 0 or all ones.
        EscrowLedger ledger = Chart();
        Transfer malformed = Deposit(1, 100) with { Flags = TransferFlags.Pending | TransferFlags.Reversal };
        Assert.Equal(CreateTransferResult.FlagsAreMutuallyExclusive, ledger.Apply(malformed));

        Assert.Equal(CreateTransferResult.FlagsAreMutuallyExclusive, ledger.Apply(malformed));
        Assert.Equal(CreateTransferResult.ExistsWithDifferentFields, ledger.Apply(Deposit(1, 100)));
        Assert.Null(ledger.StateOf(T(1)));
    }

    [Fact]
    public void CreateTransfers_ReservedIds_AreNeverRecorded()
    {
        EscrowLedger ledger = Chart();
        Transfer zero = Deposit(0, 100);

        Assert.Equal(CreateTransferResult.IdMustNotBeZero, ledger.Apply(zero));
        Assert.Equal(CreateTransferResult.IdMustNotBeZero, ledger.Apply(zero with { AmountFen = 5 }));
        Assert.Equal(CreateTransferResult.IdMustNotBeIntMax, ledger.Apply(zero with { Id = new TransferId(UInt128.MaxValue) }));
    }

    [Fact]
    public void CreateTransfers_RetryOfAPostAfterItsPendingWasPosted_Exists()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(Deposit(1, 100), Pending(2, Buyer, Seller, 100), Post(3, 2, Buyer, Seller, 100));

        Assert.Equal(CreateTransferResult.Exists, ledger.Apply(Post(3, 2, Buyer, Seller, 100)));
        Assert.Equal(CreateTransferResult.PendingTransferAlreadyPosted, ledger.Apply(Post(4, 2, Buyer, Seller, 100)));
        ledger.AssertBalance(Seller, 0, 0, 0, 100);
    }
}
