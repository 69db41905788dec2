using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

/// <summary>
/// One row per rule of docs/ledger.md's CreateTransferResult table: an event that breaks that rule
/// and, where one can be broken with it, a later rule too, so the row shows both the rule and its
/// precedence. Each row runs against a fresh <see cref="Scene"/>.
/// </summary>
public class TransferResultPrecedenceTests
{
    // Scene: deposit 100 (10,000 fen into Buyer); pending 101 (1,000, open); pending 102 (500)
    // posted by 103 (200); pending 104 (300) voided by 105; reversal 106 of 100 (1,000); 107 failed
    // with ExceedsCredits. Buyer may still be debited 10,000 − 1,000 − 1,200 = 7,800 fen.
    private static EscrowLedger Scene()
    {
        EscrowLedger ledger = Chart();
        ledger.AssertOk(
            Deposit(100, 10_000),
            Pending(101, Buyer, Seller, 1_000),
            Pending(102, Buyer, Seller, 500),
            Post(103, 102, Buyer, Seller, 200),
            Pending(104, Buyer, Seller, 300),
            Void(105, 104, Buyer, Seller),
            Reverse(106, 100, Buyer, Bank, 1_000));
        Assert.Equal(CreateTransferResult.ExceedsCredits, ledger.Apply(Single(107, Buyer, Seller, 1_000_000)));
        ledger.AssertBalance(Buyer, 1_000, 1_200, 0, 10_000);
        return ledger;
    }

    private static readonly Dictionary<string, (Transfer Transfer, CreateTransferResult Expected)> s_cases = new()
    {
        ["3 id 0, amount 0"] = (Single(0, Buyer, Seller, 0), CreateTransferResult.IdMustNotBeZero),
        ["4 id all ones, two kinds"] = (Single(1, Buyer, Seller, 1) with { Id = new TransferId(UInt128.MaxValue), Flags = TransferFlags.Pending | TransferFlags.PostPending }, CreateTransferResult.IdMustNotBeIntMax),
        ["5 two kinds, debit 0"] = (Single(200, default, Seller, 1, flags: TransferFlags.Pending | TransferFlags.Reversal), CreateTransferResult.FlagsAreMutuallyExclusive),
        ["5 unknown flag, debit 0"] = (Single(200, default, Seller, 1, flags: (TransferFlags)64), CreateTransferResult.FlagsAreMutuallyExclusive),
        ["5 post and void"] = (Post(200, 101, Buyer, Seller, 1) with { Flags = TransferFlags.PostPending | TransferFlags.VoidPending }, CreateTransferResult.FlagsAreMutuallyExclusive),
        ["6 debit 0, credit 0"] = (Single(200, default, default, 1), CreateTransferResult.DebitAccountIdMustNotBeZero),
        ["7 credit 0, ledger 0"] = (Single(200, Buyer, default, 1) with { Ledger = 0 }, CreateTransferResult.CreditAccountIdMustNotBeZero),
        ["8 same accounts, pending id"] = (Single(200, Buyer, Buyer, 1) with { PendingId = T(101) }, CreateTransferResult.AccountsMustBeDifferent),
        ["9 single with pending id, reversed id"] = (Single(200, Buyer, Seller, 1) with { PendingId = T(101), ReversedId = T(100) }, CreateTransferResult.PendingIdMustBeZero),
        ["9 reversal with pending id"] = (Reverse(200, 100, Buyer, Bank, 1) with { PendingId = T(101) }, CreateTransferResult.PendingIdMustBeZero),
        ["10 post without pending id, amount 0"] = (Post(200, 0, Buyer, Seller, 0), CreateTransferResult.PendingIdMustNotBeZero),
        ["11 void of itself, reversed id"] = (Void(200, 200, Buyer, Seller) with { ReversedId = T(100) }, CreateTransferResult.PendingIdMustBeDifferent),
        ["12 single with reversed id, amount -1"] = (Single(200, Buyer, Seller, -1) with { ReversedId = T(100) }, CreateTransferResult.ReversedIdMustBeZero),
        ["13 reversal without reversed id, amount 0"] = (Reverse(200, 0, Buyer, Bank, 0), CreateTransferResult.ReversedIdMustNotBeZero),
        ["14 single amount 0, ledger 0"] = (Single(200, Buyer, Seller, 0) with { Ledger = 0 }, CreateTransferResult.AmountMustBePositive),
        ["14 pending amount -5"] = (Pending(200, Buyer, Seller, -5), CreateTransferResult.AmountMustBePositive),
        ["14 post amount 0"] = (Post(200, 101, Buyer, Seller, 0), CreateTransferResult.AmountMustBePositive),
        ["14 reversal amount 0"] = (Reverse(200, 100, Buyer, Bank, 0), CreateTransferResult.AmountMustBePositive),
        ["14 void amount -1"] = (Void(200, 101, Buyer, Seller, -1), CreateTransferResult.AmountMustBePositive),
        ["15 ledger 0, code 0"] = (Single(200, Buyer, Seller, 1, code: 0) with { Ledger = 0 }, CreateTransferResult.LedgerMustNotBeZero),
        ["16 code 0, id used with other fields"] = (Single(100, Buyer, Seller, 1, code: 0), CreateTransferResult.CodeMustNotBeZero),
        ["17 deposit 100 again"] = (Deposit(100, 10_000), CreateTransferResult.Exists),
        ["18 id 100, unknown debit account"] = (Single(100, Unknown, Seller, 1), CreateTransferResult.ExistsWithDifferentFields),
        ["18 id of a failure, other fields"] = (Single(107, Buyer, Seller, 1), CreateTransferResult.ExistsWithDifferentFields),
        ["recorded failure, same fields"] = (Single(107, Buyer, Seller, 1_000_000), CreateTransferResult.ExceedsCredits),
        ["19 unknown debit, unknown credit"] = (Single(200, Unknown, new AccountId(98), 1), CreateTransferResult.DebitAccountNotFound),
        ["20 unknown credit, ledger 2"] = (Single(200, Buyer, Unknown, 1) with { Ledger = OtherLedger }, CreateTransferResult.CreditAccountNotFound),
        ["21 accounts on two ledgers, transfer on a third"] = (Single(200, Buyer, Foreign, 1) with { Ledger = 3 }, CreateTransferResult.AccountsMustHaveTheSameLedger),
        ["22 ledger 2 on ledger-1 accounts, memo mixed"] = (Single(200, MemoA, Buyer, 1) with { Ledger = OtherLedger }, CreateTransferResult.TransferMustHaveTheSameLedgerAsAccounts),
        ["23 memo to escrow, post of unknown pending"] = (Post(200, 999, MemoA, Buyer, 1), CreateTransferResult.MemoAndEscrowAccountsMustNotMix),
        ["23 escrow to memo"] = (Single(200, Buyer, MemoB, 1), CreateTransferResult.MemoAndEscrowAccountsMustNotMix),
        ["24 post of unknown pending, too much"] = (Post(200, 999, Buyer, Seller, 1_000_000), CreateTransferResult.PendingTransferNotFound),
        ["24 post of a failed id"] = (Post(200, 107, Buyer, Seller, 1), CreateTransferResult.PendingTransferNotFound),
        ["25 post of a single-phase transfer, other code"] = (Post(200, 100, Bank, Buyer, 1, code: 77), CreateTransferResult.PendingTransferNotPending),
        ["25 void of a post"] = (Void(200, 103, Buyer, Seller), CreateTransferResult.PendingTransferNotPending),
        ["26 post with other debit, other code"] = (Post(200, 101, Fees, Seller, 1, code: 77), CreateTransferResult.PendingTransferHasDifferentDebitAccountId),
        ["27 post with other credit, other code"] = (Post(200, 101, Buyer, Fees, 1, code: 77), CreateTransferResult.PendingTransferHasDifferentCreditAccountId),
        ["29 post with other code, too much"] = (Post(200, 101, Buyer, Seller, 5_000, code: 77), CreateTransferResult.PendingTransferHasDifferentCode),
        ["30 post of a posted pending, more than it"] = (Post(200, 102, Buyer, Seller, 501), CreateTransferResult.ExceedsPendingTransferAmount),
        ["31 void of a voided pending, other amount"] = (Void(200, 104, Buyer, Seller, 7), CreateTransferResult.PendingTransferHasDifferentAmount),
        ["31 void of part of a pending"] = (Void(200, 101, Buyer, Seller, 999), CreateTransferResult.PendingTransferHasDifferentAmount),
        ["32 void of a posted pending"] = (Void(200, 102, Buyer, Seller, 500), CreateTransferResult.PendingTransferAlreadyPosted),
        ["32 second post"] = (Post(200, 102, Buyer, Seller, 1), CreateTransferResult.PendingTransferAlreadyPosted),
        ["33 post of a voided pending"] = (Post(200, 104, Buyer, Seller, 300), CreateTransferResult.PendingTransferAlreadyVoided),
        ["33 second void"] = (Void(200, 104, Buyer, Seller), CreateTransferResult.PendingTransferAlreadyVoided),
        ["34 reversal of unknown, accounts not swapped"] = (Reverse(200, 999, Bank, Buyer, 1), CreateTransferResult.ReversedTransferNotFound),
        ["34 reversal of a failed id"] = (Reverse(200, 107, Seller, Buyer, 1), CreateTransferResult.ReversedTransferNotFound),
        ["35 reversal of a pending, accounts not swapped"] = (Reverse(200, 101, Buyer, Seller, 1), CreateTransferResult.ReversedTransferNotReversible),
        ["35 reversal of a void"] = (Reverse(200, 105, Seller, Buyer, 1), CreateTransferResult.ReversedTransferNotReversible),
        ["35 reversal of a reversal"] = (Reverse(200, 106, Bank, Buyer, 1), CreateTransferResult.ReversedTransferNotReversible),
        ["36 accounts not swapped, too much"] = (Reverse(200, 100, Bank, Buyer, 1_000_000), CreateTransferResult.ReversalMustSwapAccounts),
        ["37 more than left to reverse, more than Buyer has"] = (Reverse(200, 100, Buyer, Bank, 9_001), CreateTransferResult.ExceedsReversibleAmount),
        ["37 more than the post posted"] = (Reverse(200, 103, Seller, Buyer, 201), CreateTransferResult.ExceedsReversibleAmount),
        ["39 Buyer overdrawn, bank overdrawn"] = (Single(200, Buyer, Bank, 9_500), CreateTransferResult.ExceedsCredits),
        ["39 pending beyond Buyer's credits"] = (Pending(200, Buyer, Seller, 7_801), CreateTransferResult.ExceedsCredits),
        ["40 bank overdrawn from another bank"] = (Single(200, SecondBank, Bank, 9_001), CreateTransferResult.ExceedsDebits),
        ["40 pending overdrawing a bank"] = (Pending(200, SecondBank, Bank, 9_001), CreateTransferResult.ExceedsDebits),
    };

    public static TheoryData<string> Cases() => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreateTransfers_EventBreakingRules_ReturnsTheFirstBrokenRule(string name)
    {
        EscrowLedger ledger = Scene();
        (Transfer transfer, CreateTransferResult expected) = s_cases[name];
        AccountBalance? buyerBefore = ledger.BalanceOf(Buyer);

        CreateTransferResult result = ledger.Apply(transfer);

        Assert.Equal(expected, result);
        if (expected != CreateTransferResult.Ok)
        {
            Assert.Equal(buyerBefore, ledger.BalanceOf(Buyer));
        }

        ledger.CheckInvariants();
    }

    [Fact]
    public void CreateTransfers_EveryResult_HasARowOrADedicatedTest()
    {
        // Overflows has its own tests (OverflowTests); LinkedEventFailed and LinkedEventChainOpen are
        // chain results (LinkedChainTests); Ok runs everywhere. PendingTransferHasDifferentLedger
        // cannot be reached: a post's accounts are the pending transfer's (rules 26, 27), an account's
        // ledger never changes and the post's ledger is its accounts' (rule 22) — see docs/ledger.md.
        var covered = s_cases.Values.Select(c => c.Expected).ToHashSet();
        CreateTransferResult[] elsewhere =
        [
            CreateTransferResult.Ok, CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventChainOpen,
            CreateTransferResult.PendingTransferHasDifferentLedger, CreateTransferResult.Overflows,
        ];

        Assert.Empty(Enum.GetValues<CreateTransferResult>().Except(covered).Except(elsewhere));
    }
}
