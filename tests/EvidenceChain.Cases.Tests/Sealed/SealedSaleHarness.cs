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
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// A 带封过户 case driven through the pure rules on a real <see cref="EscrowLedger"/>, as
/// <see cref="CaseHarnessBase"/> sets it up for any kind of case: artefacts signed by registered
/// keys, approvals signed by two notaries, statement lines booked as the bank desk books them (a post
/// carrying its value date), and the plan's objection window counted on the real China calendar.
/// Every accepted decision is booked and must book in full; the ledger's invariants are checked after
/// each booking, a statement line's included.
/// </summary>
internal sealed class SealedSaleHarness : CaseHarnessBase
{
    /// <summary>DOMAIN.md §4.3's example: the price, the costs, the mortgage and the two ordinary claims, fen.</summary>
    public const long PriceFen = 100_000_000;
    public const long CostsFen = 2_000_000;
    public const long MortgageFen = 50_000_000;
    public const long ClaimAFen = 30_000_000;
    public const long ClaimBFen = 40_000_000;

    public SealedSaleHarness(CaseId? id = null)
        : base(new DateOnly(2025, 11, 3))
    {
        Case = SealedSaleCase.Open(id ?? new CaseId(0x5EA1_0001), Bank, Cny);
        CourtA = AddParty(PartyRole.Court);
        CourtB = AddParty(PartyRole.Court);
        Buyer = AddParty(PartyRole.Enterprise);
        Debtor = AddParty(PartyRole.Enterprise);
        Mortgagee = AddParty(PartyRole.Lender);
    }

    public static PayeeAccount CostsPayee { get; } = new("1602000000000000001", "济南市历下区人民法院执行款专户");

    public static PayeeAccount MortgageePayee { get; } = new("6222000000000000011", "招商银行济南分行");

    public static PayeeAccount CreditorAPayee { get; } = new("6228480000000000012", "债权人甲");

    public static PayeeAccount CreditorBPayee { get; } = new("6228480000000000013", "债权人乙");

    public static PayeeAccount BuyerPayee { get; } = new("6228480000000000014", "买受人王五");

    public static PayeeAccount DebtorPayee { get; } = new("6228480000000000015", "被执行人赵六");

    /// <summary>The enforcing court's execution-fund account: where it takes the whole sum, or a forfeit.</summary>
    public static PayeeAccount CourtFundPayee { get; } = new("1602000000000000002", "济南市历下区人民法院执行款专户");

    public SealedSaleCase Case { get; private set; }

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

    public CaseContext Context => ContextOf(ulong.MaxValue, ObjectionLastDay);

    /// <summary>The last day for objections to a plan received on <paramref name="received"/>, on the real calendar (art. 203 extension included).</summary>
    public static DateOnly? ObjectionLastDay(DateOnly received) =>
        Deadlines.TryDeadlineOf(DeadlineRule.PlanObjection, received, ChinaCalendar.Calendar, out DateOnly last) ? last : null;

    /// <summary>Opens another case on the same ledger and registry (the property test runs many).</summary>
    public void Open(CaseId id)
    {
        Case = SealedSaleCase.Open(id, Bank, Cny);
        Transitions.Clear();
    }

    /// <summary>The agreement's terms: the example's price (or <paramref name="priceFen"/>), the buyer and the debtor, due on 20 Nov 2025.</summary>
    public SealedSaleConditions Terms(DebtorKind debtor = DebtorKind.Individual, long priceFen = PriceFen, long forfeitFen = 0, DateOnly? dueDate = null) =>
        new(priceFen, [Buyer.Id], [Debtor.Id], debtor, BuyerPayee, DebtorPayee, dueDate ?? new DateOnly(2025, 11, 20), forfeitFen);

    public AccountId AccountOf(CaseAccountPurpose purpose, byte leg = 0) => CaseAccounts.Of(Case.Id, purpose, leg);

    public TransferId IdOf(CaseStep step, byte leg = 0, ushort attempt = 0) => CaseTransferIds.Of(Case.Id, step, leg, attempt);

    /// <summary>An artefact issued today (or <paramref name="issuedOn"/>) by <paramref name="issuer"/>, signed by it, recorded at the next leaf; the document digests random unless given.</summary>
    public RecordedArtefact Artefact(ArtefactType type, Party issuer, byte subject = 0, byte leg = 0, long amountFen = 0, DateOnly? issuedOn = null, DigestPair? document = null, string? reference = null) =>
        RecordArtefact(Case.Id, type, issuer, subject, leg, amountFen, issuedOn ?? Day, document: document, reference: reference);

    /// <summary>A court's seizure document of <paramref name="property"/>: first or waiting list, with its claim.</summary>
    public RecordedArtefact SeizureOf(Party court, SeizureRank rank, byte property, long claimFen, DateOnly issuedOn, string courtCaseNumber) =>
        Artefact(ArtefactType.CourtDocument, court, rank == SeizureRank.First ? ArtefactSubjects.SeizureFirst : ArtefactSubjects.SeizureWaiting, property, claimFen, issuedOn, reference: courtCaseNumber);

    /// <summary>The notarized agreement and each buyer's and debtor's own consent, in the guard's order.</summary>
    public RecordedArtefact[] AgreementArtefacts(SealedSaleConditions terms) =>
    [
        Artefact(ArtefactType.NotarizedAgreement, Notary1),
        .. terms.BuyerPartyIds.Concat(terms.DebtorPartyIds).Select(id => Artefact(ArtefactType.PartyConsent, PartyOf(id))),
    ];

    /// <summary>Decides without approvals first; when the payouts need them, has both notaries sign exactly those payouts and decides again. Books an accepted decision.</summary>
    public SealedSaleDecision Run(SealedSaleCommand command, bool approve = true)
    {
        SealedSaleDecision decision = SealedSaleRules.Decide(Case, command, Context);
        if (approve && decision.Rejection == CaseRejection.ApprovalsInvalid && decision.Approval == ApprovalRejection.TooFewApprovals)
        {
            PayoutApproval[] approvals = BothNotariesApprove(Case.Id, Case.TransitionCount + 1, (byte)command.Event, decision.Payouts);
            decision = SealedSaleRules.Decide(Case, command with { Approvals = approvals }, Context);
        }

        if (decision.IsAccepted)
        {
            Book(decision.Accounts, decision.Transfers);
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

    // An account a set-aside plan already opened is Exists, which the ledger counts a success.
    protected override bool IsBooked(CreateAccountResult result) => result is CreateAccountResult.Ok or CreateAccountResult.Exists;

    protected override void OnBooked() => Ledger.CheckInvariants();
}
