using System.Security.Cryptography;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Calendar;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Cases.Tests.Calendar;
using EvidenceChain.Cases.Tests.Support;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// A 带封过户 case driven through the pure rules on a real <see cref="EscrowLedger"/>, as
/// <c>CaseHarness</c> drives a 带押过户 one: artefacts signed by registered keys, approvals signed by
/// two notaries, statement lines booked as the bank desk books them (a post carrying its value
/// date), and the plan's objection window counted on the real China calendar. Every accepted
/// decision is booked and must book in full; the ledger's invariants are checked after each.
/// </summary>
internal sealed class SealedSaleHarness : IDisposable
{
    public const uint Cny = 1;

    /// <summary>DOMAIN.md §4.3's example: the price, the costs, the mortgage and the two ordinary claims, fen.</summary>
    public const long PriceFen = 100_000_000;
    public const long CostsFen = 2_000_000;
    public const long MortgageFen = 50_000_000;
    public const long ClaimAFen = 30_000_000;
    public const long ClaimBFen = 40_000_000;

    private readonly TestRegistry _registry = new();
    private readonly Dictionary<TransferId, Transfer> _resolutions = [];
    private readonly Dictionary<TransferId, Transfer> _pendingById = [];
    private ulong _nextLeaf;
    private ulong _statementSerial;

    public SealedSaleHarness(CaseId? id = null)
    {
        Assert.Equal(CreateAccountResult.Ok, Assert.Single(Ledger.CreateAccounts([new Account(Bank, AccountKind.EscrowBank, Cny, 1)])));
        Case = SealedSaleCase.Open(id ?? new CaseId(0x5EA1_0001), Bank, Cny);
        Notary1 = _registry.Add(PartyRole.Notary, canApprove: true);
        Notary2 = _registry.Add(PartyRole.Notary, canApprove: true, sm2: true);
        Registry = _registry.Add(PartyRole.Registry);
        CourtA = _registry.Add(PartyRole.Court);
        CourtB = _registry.Add(PartyRole.Court);
        Buyer = _registry.Add(PartyRole.Enterprise);
        Debtor = _registry.Add(PartyRole.Enterprise);
        Mortgagee = _registry.Add(PartyRole.Lender);
    }

    public static AccountId Bank { get; } = new(0xBA);

    public static PayeeAccount CostsPayee { get; } = new("1602000000000000001", "济南市历下区人民法院执行款专户");

    public static PayeeAccount MortgageePayee { get; } = new("6222000000000000011", "招商银行济南分行");

    public static PayeeAccount CreditorAPayee { get; } = new("6228480000000000012", "债权人甲");

    public static PayeeAccount CreditorBPayee { get; } = new("6228480000000000013", "债权人乙");

    public static PayeeAccount BuyerPayee { get; } = new("6228480000000000014", "买受人王五");

    public static PayeeAccount DebtorPayee { get; } = new("6228480000000000015", "被执行人赵六");

    /// <summary>The enforcing court's execution-fund account: where it takes the whole sum, or a forfeit.</summary>
    public static PayeeAccount CourtFundPayee { get; } = new("1602000000000000002", "济南市历下区人民法院执行款专户");

    public EscrowLedger Ledger { get; } = new();

    public SealedSaleCase Case { get; private set; }

    public DateOnly Day { get; set; } = new(2025, 11, 3);

    public Party Notary1 { get; }

    public Party Notary2 { get; }

    public Party Registry { get; }

    /// <summary>The court of the first seizure: it enforces.</summary>
    public Party CourtA { get; }

    /// <summary>The court of the waiting-list seizure: it consents.</summary>
    public Party CourtB { get; }

    public Party Buyer { get; }

    public Party Debtor { get; }

    public Party Mortgagee { get; }

    public List<SealedSaleTransition> Transitions { get; } = [];

    /// <summary>When the seizures were issued: A first, B later (the rank of a sequential ordinary tier).</summary>
    public static DateOnly SeizureADay { get; } = new(2025, 6, 2);

    public static DateOnly SeizureBDay { get; } = new(2025, 7, 1);

    public CaseContext Context => new(
        Day,
        new DateTimeOffset(Day.ToDateTime(new TimeOnly(10, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds(),
        ulong.MaxValue,
        _registry.Find,
        id => Ledger.BalanceOf(id),
        id => Ledger.StateOf(id),
        id => _resolutions.GetValueOrDefault(id),
        deposited => deposited.AddYears(5).AddDays(1),
        ObjectionLastDay: ObjectionLastDay);

    /// <summary>The last day for objections to a plan received on <paramref name="received"/>, on the real calendar (art. 203 extension included).</summary>
    public static DateOnly? ObjectionLastDay(DateOnly received) =>
        Deadlines.TryDeadlineOf(DeadlineRule.PlanObjection, received, ChinaCalendar.Calendar, out DateOnly last) ? last : null;

    public static long MsOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds();

    /// <summary>Opens another case on the same ledger and registry (the property test runs many).</summary>
    public void Open(CaseId id)
    {
        Case = SealedSaleCase.Open(id, Bank, Cny);
        Transitions.Clear();
    }

    /// <summary>The agreement's terms: the example's price (or <paramref name="priceFen"/>), the buyer and the debtor, due on 20 Nov 2025.</summary>
    public SealedSaleConditions Terms(DebtorKind debtor = DebtorKind.Individual, long priceFen = PriceFen, long forfeitFen = 0, DateOnly? dueDate = null) =>
        new(priceFen, [Buyer.Id], [Debtor.Id], debtor, BuyerPayee, DebtorPayee, dueDate ?? new DateOnly(2025, 11, 20), forfeitFen);

    public Party AddParty(PartyRole role) => _registry.Add(role);

    public AccountId AccountOf(CaseAccountPurpose purpose, byte leg = 0) => CaseAccounts.Of(Case.Id, purpose, leg);

    public TransferId IdOf(CaseStep step, byte leg = 0, ushort attempt = 0) => CaseTransferIds.Of(Case.Id, step, leg, attempt);

    /// <summary>An artefact issued today (or <paramref name="issuedOn"/>) by <paramref name="issuer"/>, signed by it, recorded at the next leaf; the document digests random unless given.</summary>
    public RecordedArtefact Artefact(ArtefactType type, Party issuer, byte subject = 0, byte leg = 0, long amountFen = 0, DateOnly? issuedOn = null, DigestPair? document = null, string? reference = null)
    {
        byte[] random = RandomNumberGenerator.GetBytes(64);
        DigestPair digests = document ?? new DigestPair(Digest.Read(SHA256.HashData(random)), Sm3.HashData(random));
        var artefact = new CaseArtefact(
            Case.Id, type, subject, leg, issuer.Id, issuer.Id, issuer.Keys[0].Fingerprint, MsOf(issuedOn ?? Day),
            null, amountFen, reference ?? $"DOC-{_nextLeaf}", digests.Sha256, digests.Sm3, []);
        return new RecordedArtefact(artefact with { Signature = _registry.Sign(issuer, artefact.SignedBytes()) }, _nextLeaf++);
    }

    /// <summary>A court's seizure document of <paramref name="property"/>: first or waiting list, with its claim.</summary>
    public RecordedArtefact SeizureOf(Party court, SeizureRank rank, byte property, long claimFen, DateOnly issuedOn, string courtCaseNumber) =>
        Artefact(ArtefactType.CourtDocument, court, rank == SeizureRank.First ? ArtefactSubjects.SeizureFirst : ArtefactSubjects.SeizureWaiting, property, claimFen, issuedOn, reference: courtCaseNumber);

    /// <summary>The notarized agreement and each buyer's and debtor's own consent, in the guard's order.</summary>
    public RecordedArtefact[] AgreementArtefacts(SealedSaleConditions terms) =>
    [
        Artefact(ArtefactType.NotarizedAgreement, Notary1),
        .. terms.BuyerPartyIds.Concat(terms.DebtorPartyIds).Select(id => Artefact(ArtefactType.PartyConsent, _registry.Find(id)!)),
    ];

    /// <summary>Decides without approvals first; when the payouts need them, has both notaries sign exactly those payouts and decides again. Books an accepted decision.</summary>
    public SealedSaleDecision Run(SealedSaleCommand command, bool approve = true)
    {
        SealedSaleDecision decision = SealedSaleRules.Decide(Case, command, Context);
        if (approve && decision.Rejection == CaseRejection.ApprovalsInvalid && decision.Approval == ApprovalRejection.TooFewApprovals)
        {
            byte[] message = ApprovalMessage.Of(Case.Id, Case.TransitionCount + 1, (byte)command.Event, decision.Payouts);
            decision = SealedSaleRules.Decide(Case, command with { Approvals = [Approval(Notary1, message), Approval(Notary2, message)] }, Context);
        }

        if (decision.IsAccepted)
        {
            Book(decision);
            Transitions.Add(decision.Transition!);
            Case = decision.Next!;
        }

        return decision;
    }

    /// <summary>Runs a command that must be accepted.</summary>
    public SealedSaleDecision Accept(SealedSaleCommand command)
    {
        SealedSaleDecision decision = Run(command);
        Assert.True(decision.IsAccepted, $"{command.Event}: {decision.Rejection} {decision.Guard} {decision.Approval} {decision.Detail}");
        return decision;
    }

    /// <summary>Runs a command that must be refused for <paramref name="expected"/>; nothing is booked.</summary>
    public SealedSaleDecision Refused(SealedSaleCommand command, CaseRejection expected)
    {
        SealedSaleCase before = Case;
        SealedSaleDecision decision = Run(command);
        Assert.True(expected == decision.Rejection, $"{command.Event}: wanted {expected}, got {decision.Rejection} {decision.Detail}");
        Assert.Same(before, Case);
        return decision;
    }

    public PayoutApproval Approval(Party notary, byte[] message) => new(notary.Id, notary.Keys[0].Fingerprint, _registry.Sign(notary, message));

    /// <summary>The bank's statement line for a pending transfer, booked as the bank desk books it: a post carrying the value date.</summary>
    public void StatementPosts(TransferId pending, DateOnly valueDate)
    {
        Transfer held = _pendingById[pending];
        var post = held with
        {
            Id = new TransferId(0x5E_0000_0000 + ++_statementSerial),
            Flags = TransferFlags.PostPending,
            PendingId = pending,
            UserData64 = BankRecord.DateNumber(valueDate),
        };
        Assert.Equal(CreateTransferResult.Ok, Assert.Single(Ledger.CreateTransfers([post])));
        _resolutions[pending] = post;
        Ledger.CheckInvariants();
    }

    /// <summary>What a liability account holds posted (credits less debits); 0 when it does not exist.</summary>
    public long Held(AccountId account) => Ledger.BalanceOf(account) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted : 0;

    public AccountBalance BalanceOf(AccountId account) => Ledger.BalanceOf(account) ?? default;

    /// <summary>Every case account this harness can name (buyer, proceeds, each claim's payee account, the surplus) holds nothing, posted or pending.</summary>
    public void AssertCaseAccountsSettled()
    {
        foreach (Account account in Ledger.Accounts.Where(a => a.UserData128 == Case.Id.Value))
        {
            AccountBalance b = Ledger.BalanceOf(account.Id)!.Value;
            Assert.True(b.CreditsPosted == b.DebitsPosted && b.CreditsPending == 0 && b.DebitsPending == 0, $"account code {account.Code} leg {account.UserData32}: {b}");
        }
    }

    // ---- DOMAIN.md §4.3's case, step by step ----

    /// <summary>Court A's first seizure of property 1 (creditor A's 300,000.00) and court B's waiting-list seizure (creditor B's 400,000.00).</summary>
    public void RecordDomainSeizures()
    {
        Accept(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1, Artefacts: [SeizureOf(CourtA, SeizureRank.First, 1, ClaimAFen, SeizureADay, "(2025)鲁0102执1001号")]));
        Accept(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 2, Artefacts: [SeizureOf(CourtB, SeizureRank.Waiting, 1, ClaimBFen, SeizureBDay, "(2025)鲁0103执2002号")]));
    }

    /// <summary>SEIZED → AGREEMENT_NOTARIZED: mediation at the price, court A's approval with a 950,000.00 floor, court B's consent, the agreement.</summary>
    public void RunToNotarized(SealedSaleConditions terms)
    {
        RecordDomainSeizures();
        Day = new DateOnly(2025, 11, 4);
        Accept(new SealedSaleCommand(SealedSaleEvent.ProposeSale, Artefacts: [Artefact(ArtefactType.MediationRecord, Notary1, amountFen: terms.PriceFen)]));
        Day = new DateOnly(2025, 11, 5);
        Accept(new SealedSaleCommand(SealedSaleEvent.ApproveSale, Artefacts:
        [
            Artefact(ArtefactType.CourtDocument, CourtA, ArtefactSubjects.SaleApproval, amountFen: Math.Min(95_000_000, terms.PriceFen)),
            Artefact(ArtefactType.CourtDocument, CourtB, ArtefactSubjects.SaleConsent),
        ]));
        Day = new DateOnly(2025, 11, 6);
        Accept(new SealedSaleCommand(SealedSaleEvent.NotarizeAgreement, Conditions: terms, Artefacts: AgreementArtefacts(terms)));
    }

    /// <summary>Two tranches (30% then the rest; one for a price under 4 fen) on the statement on 10 and 12 Nov; funded on 13 Nov.</summary>
    public void Fund()
    {
        long price = Case.Conditions!.PriceFen;
        long[] tranches = price * 3 / 10 is long first and > 0 ? [first, price - first] : [price];
        Day = new DateOnly(2025, 11, 7);
        for (int i = 0; i < tranches.Length; i++)
        {
            Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: (byte)(i + 1), AmountFen: tranches[i]));
        }

        for (int i = 0; i < tranches.Length; i++)
        {
            StatementPosts(IdOf(CaseStep.BuyerDeposit, (byte)(i + 1)), new DateOnly(2025, 11, 10 + (2 * i)));
        }

        Day = new DateOnly(2025, 11, 13);
        Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmFunding));
    }

    /// <summary>Court A's assistance notice on 14 Nov (unseal and transfer together).</summary>
    public void IssueAssistance()
    {
        Day = new DateOnly(2025, 11, 14);
        Accept(new SealedSaleCommand(SealedSaleEvent.IssueAssistance, Artefacts: [Artefact(ArtefactType.CourtDocument, CourtA, ArtefactSubjects.AssistanceNotice)]));
    }

    /// <summary>The registry's two receipts for every property, on 20 Nov: the price becomes the proceeds.</summary>
    public SealedSaleDecision ConfirmTransfer()
    {
        Day = new DateOnly(2025, 11, 20);
        return Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmTransfer, Artefacts:
        [
            .. Case.Properties.SelectMany(p => new[]
            {
                Artefact(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.Unsealed, p),
                Artefact(ArtefactType.RegistryReceipt, Registry, ArtefactSubjects.TitleTransferred, p),
            }),
        ]));
    }

    /// <summary>The whole example to TRANSFERRED.</summary>
    public void RunToTransferred(DebtorKind debtor = DebtorKind.Individual, long priceFen = PriceFen)
    {
        RunToNotarized(Terms(debtor, priceFen));
        Fund();
        IssueAssistance();
        ConfirmTransfer();
    }

    /// <summary>The tiers of the example: costs (claim 1), the registered mortgage (claim 2), ordinary A (3) and B (4), the ordinary mode by the debtor's kind.</summary>
    public static ClaimTier[] DomainTiers(DebtorKind debtor) =>
    [
        new(TierKind.Costs, TierMode.Sequential, [new Claim(1, CostsFen, MsOf(new DateOnly(2025, 6, 2)))]),
        new(TierKind.Secured, TierMode.Sequential, [new Claim(2, MortgageFen, MsOf(new DateOnly(2020, 3, 1)))]),
        new(TierKind.Ordinary, Allocator.OrdinaryModeFor(debtor), [new Claim(3, ClaimAFen, MsOf(SeizureADay)), new Claim(4, ClaimBFen, MsOf(SeizureBDay))]),
    ];

    public static IReadOnlyList<ClaimPayee> DomainPayees { get; } =
        [new(1, CostsPayee), new(2, MortgageePayee), new(3, CreditorAPayee), new(4, CreditorBPayee)];

    /// <summary>The court's plan as the allocator proposes it for <paramref name="tiers"/> and <paramref name="netFen"/>.</summary>
    public static DistributionPlan PlanOf(long netFen, IReadOnlyList<ClaimTier> tiers, IReadOnlyList<ClaimPayee> payees)
    {
        DistributionResult result = Allocator.Allocate(netFen, tiers);
        return new DistributionPlan(netFen, tiers, payees, result.Allocations, result.DebtorSurplusFen);
    }

    /// <summary>Court A's signed plan artefact: its document digests are the plan's, its amount the net proceeds.</summary>
    public RecordedArtefact PlanArtefact(DistributionPlan plan, DateOnly? issuedOn = null) =>
        Artefact(ArtefactType.CourtDocument, CourtA, ArtefactSubjects.DistributionPlan, amountFen: plan.NetProceedsFen, issuedOn: issuedOn, document: plan.Digests(Case.Id));

    public SealedSaleDecision IssuePlan(DistributionPlan plan)
    {
        return Accept(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan, Artefacts: [PlanArtefact(plan)]));
    }

    /// <summary>The statement posts every payout the decision instructed, on <paramref name="valueDate"/>.</summary>
    public void PayoutsPosted(SealedSaleDecision decision, DateOnly valueDate)
    {
        foreach (Payout payout in decision.Payouts)
        {
            StatementPosts(payout.TransferId, valueDate);
        }
    }

    private void Book(SealedSaleDecision decision)
    {
        // An account a set-aside plan already opened is Exists, which the ledger counts a success.
        if (decision.Accounts.Count > 0)
        {
            Assert.All(Ledger.CreateAccounts(decision.Accounts), r => Assert.True(r is CreateAccountResult.Ok or CreateAccountResult.Exists, r.ToString()));
        }

        if (decision.Transfers.Count > 0)
        {
            Assert.All(Ledger.CreateTransfers(decision.Transfers), r => Assert.Equal(CreateTransferResult.Ok, r));
        }

        Ledger.CheckInvariants();
        foreach (Transfer transfer in decision.Transfers.Where(t => (t.Flags & TransferFlags.Pending) != 0))
        {
            _pendingById[transfer.Id] = transfer;
        }
    }

    public void Dispose() => _registry.Dispose();
}
