using System.Security.Cryptography;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Tests.Support;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Mortgage;

/// <summary>
/// A case driven through the pure rules on a real <see cref="EscrowLedger"/>: artefacts signed by
/// registered keys, approvals signed by two notaries, statement lines booked as the bank desk books
/// them (a post carrying its value date). Every decision's accounts and transfers are booked and
/// must all succeed.
/// </summary>
internal sealed class CaseHarness : IDisposable
{
    public const uint Cny = 1;

    private readonly TestRegistry _registry = new();
    private readonly Dictionary<TransferId, Transfer> _resolutions = [];
    private readonly Dictionary<TransferId, Transfer> _pendingById = [];
    private ulong _nextLeaf;
    private ulong _statementSerial;

    public CaseHarness(CaseId? id = null)
    {
        Assert.Equal(CreateAccountResult.Ok, Assert.Single(Ledger.CreateAccounts([new Account(Bank, AccountKind.EscrowBank, Cny, 1)])));
        Case = MortgageCase.Open(id ?? new CaseId(0xCA5E_0001), Bank, Cny);
        Notary1 = _registry.Add(PartyRole.Notary, canApprove: true);
        Notary2 = _registry.Add(PartyRole.Notary, canApprove: true, sm2: true);
        Registry = _registry.Add(PartyRole.Registry);
        SellerBank = _registry.Add(PartyRole.Lender);
        BuyerBank = _registry.Add(PartyRole.Lender);
        EscrowBankParty = _registry.Add(PartyRole.Lender);
        Court = _registry.Add(PartyRole.Court);
        Buyer = _registry.Add(PartyRole.Enterprise);
        Seller = _registry.Add(PartyRole.Enterprise);
    }

    public static AccountId Bank { get; } = new(0xBA);

    public EscrowLedger Ledger { get; } = new();

    public MortgageCase Case { get; private set; }

    public DateOnly Day { get; set; } = new(2025, 12, 1);

    /// <summary>Artefacts recorded from this leaf on are not yet in a signed checkpoint.</summary>
    public ulong SignedTreeSize { get; set; } = ulong.MaxValue;

    public Party Notary1 { get; }

    public Party Notary2 { get; }

    public Party Registry { get; }

    public Party SellerBank { get; }

    public Party BuyerBank { get; }

    public Party EscrowBankParty { get; }

    public Party Court { get; }

    public Party Buyer { get; }

    public Party Seller { get; }

    public List<MortgageTransition> Transitions { get; } = [];

    public CaseContext Context => new(
        Day,
        new DateTimeOffset(Day.ToDateTime(new TimeOnly(10, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds(),
        SignedTreeSize,
        _registry.Find,
        id => Ledger.BalanceOf(id),
        id => Ledger.StateOf(id),
        id => _resolutions.GetValueOrDefault(id),
        deposited => deposited.AddYears(5).AddDays(1));

    /// <summary>The worked example's conditions (DOMAIN.md §3.4): 2,000,000.00 yuan, one 600,850.00 payoff, a 1,200,000.00 loan into escrow, a 3,000.00 fee borne by the seller.</summary>
    public ConditionSet WorkedExample(LoanRoute route = LoanRoute.IntoEscrow) => new(
        200_000_000,
        [Buyer.Id],
        [Seller.Id],
        [new PayoffLeg(1, LoanKind.Commercial, SellerBank.Id, new PayeeAccount("6222000000000000001", "招商银行济南分行还款专户"))],
        new PayeeAccount("6228480000000000002", "张三"),
        new PayeeAccount("6228480000000000003", "李四"),
        300_000,
        FeePayer.Seller,
        new PayeeAccount("6222000000000000004", "济南市公证处"),
        route,
        120_000_000,
        BuyerBank.Id,
        true,
        InterestRule.ToPayee);

    /// <summary>Another registered party with its own key.</summary>
    public Party AddParty(PartyRole role) => _registry.Add(role);

    public AccountId AccountOf(CaseAccountPurpose purpose, byte leg = 0) => CaseAccounts.Of(Case.Id, purpose, leg);

    /// <summary>An artefact issued today (or <paramref name="issuedOn"/>) by <paramref name="issuer"/>, signed by it, recorded at the next leaf.</summary>
    public RecordedArtefact Artefact(ArtefactType type, Party issuer, byte subject = 0, byte leg = 0, long amountFen = 0, DateOnly? validThrough = null, DateOnly? issuedOn = null, CaseId? caseId = null)
    {
        byte[] document = RandomNumberGenerator.GetBytes(64);
        var artefact = new CaseArtefact(
            caseId ?? Case.Id, type, subject, leg, issuer.Id, issuer.Id, issuer.Keys[0].Fingerprint,
            new DateTimeOffset((issuedOn ?? Day).ToDateTime(new TimeOnly(9, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds(),
            validThrough, amountFen, $"DOC-{_nextLeaf}", Digest.Read(SHA256.HashData(document)), Sm3.HashData(document), []);
        return new RecordedArtefact(artefact with { Signature = _registry.Sign(issuer, artefact.SignedBytes()) }, _nextLeaf++);
    }

    /// <summary>Each buyer's and seller's own consent to the agreement, signed by the party, in the order the guard asks for them.</summary>
    public RecordedArtefact[] Consents(ConditionSet? conditions = null) =>
        [.. (conditions?.BuyerPartyIds ?? [Buyer.Id]).Concat(conditions?.SellerPartyIds ?? [Seller.Id]).Select(id => Artefact(ArtefactType.PartyConsent, _registry.Find(id)!))];

    /// <summary>Decides without approvals first; when the payouts need them, has both notaries sign exactly those payouts and decides again. Books an accepted decision.</summary>
    public MortgageDecision Run(MortgageCommand command, bool approve = true)
    {
        MortgageDecision decision = MortgageRules.Decide(Case, command, Context);
        if (approve && decision.Rejection == CaseRejection.ApprovalsInvalid && decision.Approval == ApprovalRejection.TooFewApprovals)
        {
            byte[] message = ApprovalMessage.Of(Case.Id, Case.TransitionCount + 1, (byte)command.Event, decision.Payouts);
            decision = MortgageRules.Decide(Case, command with { Approvals = [Approval(Notary1, message), Approval(Notary2, message)] }, Context);
        }

        if (decision.IsAccepted)
        {
            if (decision.Accounts.Count > 0)
            {
                Assert.All(Ledger.CreateAccounts(decision.Accounts), r => Assert.Equal(CreateAccountResult.Ok, r));
            }

            if (decision.Transfers.Count > 0)
            {
                Assert.All(Ledger.CreateTransfers(decision.Transfers), r => Assert.Equal(CreateTransferResult.Ok, r));
            }

            Transitions.Add(decision.Transition!);
            foreach (Transfer transfer in decision.Transfers.Where(t => (t.Flags & TransferFlags.Pending) != 0))
            {
                _pendingById[transfer.Id] = transfer;
            }

            Case = decision.Next!;
        }

        return decision;
    }

    /// <summary>Runs a command that must be accepted.</summary>
    public MortgageDecision Accept(MortgageCommand command)
    {
        MortgageDecision decision = Run(command);
        Assert.True(decision.IsAccepted, $"{command.Event}: {decision.Rejection} {decision.Detail}");
        return decision;
    }

    public PayoutApproval Approval(Party notary, byte[] message) => new(notary.Id, notary.Keys[0].Fingerprint, _registry.Sign(notary, message));

    /// <summary>The bank's statement line for a pending transfer, booked as the bank desk books it: a post carrying the value date.</summary>
    public void StatementPosts(TransferId pending, DateOnly valueDate)
    {
        Transfer held = PendingTransfer(pending);
        var post = held with
        {
            Id = new TransferId(0x5E_0000_0000 + ++_statementSerial),
            Flags = TransferFlags.PostPending,
            PendingId = pending,
            UserData64 = BankRecord.DateNumber(valueDate),
        };
        Assert.Equal(CreateTransferResult.Ok, Assert.Single(Ledger.CreateTransfers([post])));
        _resolutions[pending] = post;
    }

    /// <summary>A pending transfer the case booked.</summary>
    public Transfer PendingTransfer(TransferId id) => _pendingById[id];

    public long Held(AccountId account) => Ledger.BalanceOf(account) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted : 0;

    public void Dispose() => _registry.Dispose();
}
