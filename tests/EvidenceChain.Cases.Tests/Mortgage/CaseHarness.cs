using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Tests.Support;
using EvidenceChain.Core.Access;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Mortgage;

/// <summary>
/// A 带押过户 case driven through the pure rules on a real <see cref="EscrowLedger"/>, as
/// <see cref="CaseHarnessBase"/> sets it up: artefacts signed by registered keys, approvals signed by
/// two notaries, statement lines booked as the bank desk books them (a post carrying its value date).
/// Every decision's accounts and transfers are booked and must all succeed.
/// </summary>
internal sealed class CaseHarness : CaseHarnessBase
{
    public CaseHarness(CaseId? id = null)
        : base(new DateOnly(2025, 12, 1))
    {
        Case = MortgageCase.Open(id ?? new CaseId(0xCA5E_0001), Bank, Cny);
        SellerBank = AddParty(PartyRole.Lender);
        BuyerBank = AddParty(PartyRole.Lender);
        EscrowBankParty = AddParty(PartyRole.Lender);
        Court = AddParty(PartyRole.Court);
        Buyer = AddParty(PartyRole.Enterprise);
        Seller = AddParty(PartyRole.Enterprise);
    }

    public MortgageCase Case { get; private set; }

    /// <summary>Artefacts recorded from this leaf on are not yet in a signed checkpoint.</summary>
    public ulong SignedTreeSize { get; set; } = ulong.MaxValue;

    public Party SellerBank { get; }

    public Party BuyerBank { get; }

    public Party EscrowBankParty { get; }

    public Party Court { get; }

    public Party Buyer { get; }

    public Party Seller { get; }

    public List<MortgageTransition> Transitions { get; } = [];

    public CaseContext Context => ContextOf(SignedTreeSize);

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

    public AccountId AccountOf(CaseAccountPurpose purpose, byte leg = 0) => CaseAccounts.Of(Case.Id, purpose, leg);

    /// <summary>An artefact issued today (or <paramref name="issuedOn"/>) by <paramref name="issuer"/>, signed by it, recorded at the next leaf.</summary>
    public RecordedArtefact Artefact(ArtefactType type, Party issuer, byte subject = 0, byte leg = 0, long amountFen = 0, DateOnly? validThrough = null, DateOnly? issuedOn = null, CaseId? caseId = null) =>
        RecordArtefact(caseId ?? Case.Id, type, issuer, subject, leg, amountFen, issuedOn ?? Day, validThrough);

    /// <summary>Each buyer's and seller's own consent to the agreement, signed by the party, in the order the guard asks for them.</summary>
    public RecordedArtefact[] Consents(ConditionSet? conditions = null) =>
        [.. (conditions?.BuyerPartyIds ?? [Buyer.Id]).Concat(conditions?.SellerPartyIds ?? [Seller.Id]).Select(id => Artefact(ArtefactType.PartyConsent, PartyOf(id)))];

    /// <summary>Decides without approvals first; when the payouts need them, has both notaries sign exactly those payouts and decides again. Books an accepted decision.</summary>
    public MortgageDecision Run(MortgageCommand command, bool approve = true)
    {
        MortgageDecision decision = MortgageRules.Decide(Case, command, Context);
        if (approve && decision.Rejection == CaseRejection.ApprovalsInvalid && decision.Approval == ApprovalRejection.TooFewApprovals)
        {
            PayoutApproval[] approvals = BothNotariesApprove(Case.Id, Case.TransitionCount + 1, (byte)command.Event, decision.Payouts);
            decision = MortgageRules.Decide(Case, command with { Approvals = approvals }, Context);
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
    public MortgageDecision Accept(MortgageCommand command)
    {
        MortgageDecision decision = Run(command);
        Assert.True(decision.IsAccepted, $"{command.Event}: {decision.Rejection} {decision.Detail}");
        return decision;
    }
}
