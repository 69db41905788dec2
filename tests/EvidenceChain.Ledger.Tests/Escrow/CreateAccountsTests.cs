using EvidenceChain.Ledger.Escrow;
using static EvidenceChain.Ledger.Tests.Escrow.Books;

namespace EvidenceChain.Ledger.Tests.Escrow;

public class CreateAccountsTests
{
    private static readonly Account s_existing = Liability(new AccountId(50));

    private static readonly Dictionary<string, (Account Account, CreateAccountResult Expected)> s_cases = new()
    {
        ["3 id 0, kind 0"] = (new Account(new AccountId(0), 0, Cny, 1), CreateAccountResult.IdMustNotBeZero),
        ["4 id all ones, kind 9"] = (new Account(new AccountId(UInt128.MaxValue), (AccountKind)9, Cny, 1), CreateAccountResult.IdMustNotBeIntMax),
        ["5 kind 0, ledger 0"] = (new Account(new AccountId(60), 0, 0, 1), CreateAccountResult.KindMustBeKnown),
        ["5 kind 4"] = (new Account(new AccountId(60), (AccountKind)4, Cny, 1), CreateAccountResult.KindMustBeKnown),
        ["6 ledger 0, code 0"] = (new Account(new AccountId(60), AccountKind.Memo, 0, 0), CreateAccountResult.LedgerMustNotBeZero),
        ["7 code 0, id taken with other fields"] = (s_existing with { Code = 0 }, CreateAccountResult.CodeMustNotBeZero),
        ["8 the same account again"] = (s_existing, CreateAccountResult.Exists),
        ["9 same id, other kind"] = (s_existing with { Kind = AccountKind.EscrowBank }, CreateAccountResult.ExistsWithDifferentFields),
        ["9 same id, other user data"] = (s_existing with { UserData64 = 7 }, CreateAccountResult.ExistsWithDifferentFields),
        ["ok"] = (Memo(new AccountId(60)), CreateAccountResult.Ok),
    };

    public static TheoryData<string> Cases() => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreateAccounts_EventBreakingRules_ReturnsTheFirstBrokenRule(string name)
    {
        var ledger = new EscrowLedger();
        Assert.Equal([CreateAccountResult.Ok], ledger.CreateAccounts([s_existing]));
        (Account account, CreateAccountResult expected) = s_cases[name];

        Assert.Equal([expected], ledger.CreateAccounts([account]));

        Assert.Equal(expected == CreateAccountResult.Ok ? 2 : 1, ledger.Accounts.Count);
        Assert.Equal(s_existing, ledger.FindAccount(s_existing.Id));
    }

    [Fact]
    public void CreateAccounts_EveryResult_HasARowOrAChainTest()
    {
        var covered = s_cases.Values.Select(c => c.Expected).ToHashSet();

        Assert.Equal(
            [CreateAccountResult.LinkedEventFailed, CreateAccountResult.LinkedEventChainOpen],
            Enum.GetValues<CreateAccountResult>().Except(covered));
    }

    [Fact]
    public void CreateAccounts_NewAccount_StartsAtZeroAndIsListedInCreationOrder()
    {
        var ledger = new EscrowLedger();

        ledger.CreateAccounts([Liability(new AccountId(3)), EscrowBank(new AccountId(1)), Memo(new AccountId(2))]);

        Assert.Equal(new AccountBalance(0, 0, 0, 0), ledger.BalanceOf(new AccountId(3)));
        Assert.Equal([3, 1, 2], ledger.Accounts.Select(a => (int)a.Id.Value));
        Assert.Null(ledger.FindAccount(new AccountId(4)));
        Assert.Null(ledger.BalanceOf(new AccountId(4)));
    }

    [Fact]
    public void CreateAccounts_SameIdTwiceInOneBatch_SecondExistsOrDiffers()
    {
        var ledger = new EscrowLedger();
        Account account = Liability(new AccountId(1));

        IReadOnlyList<CreateAccountResult> results = ledger.CreateAccounts([account, account, account with { Code = 99 }]);

        Assert.Equal([CreateAccountResult.Ok, CreateAccountResult.Exists, CreateAccountResult.ExistsWithDifferentFields], results);
        Assert.Single(ledger.Accounts);
    }

    [Fact]
    public void CreateAccounts_ExistingAccountRetriedWithOtherLinkedFlag_ExistsWithDifferentFields()
    {
        // Flags are fields: a retry must resend the event as it was, chain flag included.
        var ledger = new EscrowLedger();
        Account account = Liability(new AccountId(1));
        ledger.CreateAccounts([account]);

        Assert.Equal(
            [CreateAccountResult.ExistsWithDifferentFields, CreateAccountResult.LinkedEventFailed],
            ledger.CreateAccounts([account with { Flags = AccountFlags.Linked }, Liability(new AccountId(2))]));
        Assert.Single(ledger.Accounts);
    }

    [Fact]
    public void CreateAccounts_LinkedChainWithAFailure_CreatesNoneOfIt()
    {
        var ledger = new EscrowLedger();
        Account first = Liability(new AccountId(1)) with { Flags = AccountFlags.Linked };
        Account second = Liability(new AccountId(2)) with { Flags = AccountFlags.Linked };
        Account broken = Liability(new AccountId(3)) with { Code = 0 };
        Account after = Liability(new AccountId(4));

        IReadOnlyList<CreateAccountResult> results = ledger.CreateAccounts([first, second, broken, after]);

        Assert.Equal(
            [CreateAccountResult.LinkedEventFailed, CreateAccountResult.LinkedEventFailed, CreateAccountResult.CodeMustNotBeZero, CreateAccountResult.Ok],
            results);
        Assert.Null(ledger.FindAccount(first.Id));
        Assert.Null(ledger.FindAccount(second.Id));
        Assert.Equal([after], ledger.Accounts);
    }

    [Fact]
    public void CreateAccounts_EventsAfterTheFailureInAChain_AreLinkedEventFailedUnchecked()
    {
        var ledger = new EscrowLedger();
        Account broken = new(new AccountId(0), AccountKind.Liability, Cny, 1, AccountFlags.Linked);
        Account alsoBroken = new(new AccountId(UInt128.MaxValue), AccountKind.Liability, Cny, 1, AccountFlags.Linked);
        Account last = Liability(new AccountId(5));

        Assert.Equal(
            [CreateAccountResult.IdMustNotBeZero, CreateAccountResult.LinkedEventFailed, CreateAccountResult.LinkedEventFailed],
            ledger.CreateAccounts([broken, alsoBroken, last]));
        Assert.Empty(ledger.Accounts);
    }

    [Fact]
    public void CreateAccounts_FailedInAChain_IdCanBeCreatedLater()
    {
        // Accounts remember only successes (docs/ledger.md): a failed account event left nothing.
        var ledger = new EscrowLedger();
        Account account = Liability(new AccountId(1));
        ledger.CreateAccounts([account with { Flags = AccountFlags.Linked }, Liability(new AccountId(2)) with { Ledger = 0 }]);

        Assert.Equal([CreateAccountResult.Ok], ledger.CreateAccounts([account]));
        Assert.Equal(account, ledger.FindAccount(account.Id));
    }

    [Fact]
    public void CreateAccounts_ChainOpenAtTheEnd_CreatesNoneOfIt()
    {
        var ledger = new EscrowLedger();
        Account alone = Liability(new AccountId(1));
        Account open1 = Liability(new AccountId(2)) with { Flags = AccountFlags.Linked };
        Account open2 = new(new AccountId(0), AccountKind.Memo, Cny, 1, AccountFlags.Linked);

        IReadOnlyList<CreateAccountResult> results = ledger.CreateAccounts([alone, open1, open2]);

        Assert.Equal([CreateAccountResult.Ok, CreateAccountResult.LinkedEventChainOpen, CreateAccountResult.LinkedEventChainOpen], results);
        Assert.Equal([alone], ledger.Accounts);
    }

    [Fact]
    public void CreateAccounts_ExistsInsideALinkedChain_DoesNotBreakIt()
    {
        var ledger = new EscrowLedger();
        Account existing = Liability(new AccountId(1)) with { Flags = AccountFlags.Linked };
        ledger.CreateAccounts([existing, Liability(new AccountId(2))]);

        Assert.Equal(
            [CreateAccountResult.Exists, CreateAccountResult.Ok],
            ledger.CreateAccounts([existing, Liability(new AccountId(3))]));
        Assert.Equal(3, ledger.Accounts.Count);
    }

    [Fact]
    public void CreateAccounts_EmptyBatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EscrowLedger().CreateAccounts([]));
    }

    [Fact]
    public void CreateAccounts_BatchOverTheLimit_ThrowsAndCreatesNothing()
    {
        var ledger = new EscrowLedger();
        Account[] batch = Enumerable.Range(1, EscrowLedger.BatchEventsMax + 1).Select(i => Memo(new AccountId((ulong)i))).ToArray();

        Assert.Throws<ArgumentException>(() => ledger.CreateAccounts(batch));
        Assert.Empty(ledger.Accounts);
    }

    [Fact]
    public void CreateAccounts_BatchAtTheLimit_CreatesAll()
    {
        var ledger = new EscrowLedger();
        Account[] batch = Enumerable.Range(1, EscrowLedger.BatchEventsMax).Select(i => Memo(new AccountId((ulong)i))).ToArray();

        Assert.All(ledger.CreateAccounts(batch), r => Assert.Equal(CreateAccountResult.Ok, r));
        Assert.Equal(EscrowLedger.BatchEventsMax, ledger.Accounts.Count);
    }

    [Fact]
    public void CreateAccounts_NullBatchOrEvent_ThrowsAndCreatesNothing()
    {
        var ledger = new EscrowLedger();

        Assert.Throws<ArgumentNullException>(() => ledger.CreateAccounts(null!));
        Assert.Throws<ArgumentException>(() => ledger.CreateAccounts([Memo(new AccountId(1)), null!]));
        Assert.Empty(ledger.Accounts);
    }
}
