using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Ledger.Escrow;
using H = EvidenceChain.Cases.Tests.Sealed.SealedSaleHarness;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// DOMAIN.md §4.2's failure states on the pure rules and a real ledger: the court denies the sale,
/// the buyer defaults (with and without a forfeit), the registry refuses, a third party objects,
/// the plan is disputed (upheld, or set aside and replaced), and the court takes the whole sum.
/// Every refund runs on a court order or a joint instruction, never on a timeout.
/// </summary>
public sealed class SealedSaleFailurePathTests : IDisposable
{
    private readonly H _case = new();

    [Fact]
    public void DenySale_CourtDenied_TheCaseHasEnded()
    {
        _case.RecordDomainSeizures();
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ProposeSale, Artefacts: [_case.Artefact(ArtefactType.MediationRecord, _case.Notary1, amountFen: H.PriceFen)]));

        // Only the enforcing court denies.
        SealedSaleDecision byB = _case.Refused(new SealedSaleCommand(SealedSaleEvent.DenySale, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.SaleDenial)]), CaseRejection.GuardNotSatisfied);
        Assert.Equal(GuardRejection.WrongIssuer, byB.Guard);
        SealedSaleDecision denied = _case.Accept(new SealedSaleCommand(SealedSaleEvent.DenySale, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.SaleDenial)]));

        Assert.Equal(SealedSaleState.CourtDenied, _case.Case.State);
        Assert.Empty(denied.Transfers);
        Assert.Contains(SealedSaleState.CourtDenied, SealedSaleTransitions.Ended);
        foreach (SealedSaleEvent @event in Enum.GetValues<SealedSaleEvent>())
        {
            Assert.False(SealedSaleTransitions.IsAllowed(SealedSaleState.CourtDenied, @event), @event.ToString());
        }
    }

    [Fact]
    public void BuyerDefault_RefusedBeforeTheDueDateAndWhenPaid()
    {
        _case.RunToNotarized(_case.Terms(dueDate: new DateOnly(2025, 11, 20)));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: H.PriceFen));
        _case.Day = new DateOnly(2025, 11, 20);
        SealedSaleDecision early = _case.Refused(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault), CaseRejection.NotInDefault);
        Assert.Contains("2025-11-20", early.Detail, StringComparison.Ordinal);

        // Paid in full (the statement shows it), though funding was not yet confirmed: not a default.
        _case.StatementPosts(_case.IdOf(CaseStep.BuyerDeposit, 1), new DateOnly(2025, 11, 20));
        _case.Day = new DateOnly(2025, 11, 21);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault), CaseRejection.NotInDefault);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmFunding));
    }

    [Fact]
    public void BuyerDefault_WithForfeit_CourtOrderRefunds_TheForfeitToTheCourtTheRestToTheBuyer()
    {
        _case.RunToNotarized(_case.Terms(forfeitFen: 5_000_000, dueDate: new DateOnly(2025, 11, 20)));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: 20_000_000));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 2, AmountFen: 80_000_000));
        _case.StatementPosts(_case.IdOf(CaseStep.BuyerDeposit, 1), new DateOnly(2025, 11, 10));

        _case.Day = new DateOnly(2025, 11, 21);
        SealedSaleDecision defaulted = _case.Accept(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault));
        Assert.Equal((SealedSaleState.BuyerDefault, 80_000_000L), (_case.Case.State, defaulted.Transition!.AmountFen));

        // A refund never opens on its own; with the forfeit the court's account must be named.
        RecordedArtefact order = _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.Refund, Payee: H.CourtFundPayee), CaseRejection.ArtefactCountMismatch);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [order]), CaseRejection.CommandInvalid);
        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [order], Payee: H.CourtFundPayee));

        Assert.Equal(SealedSaleState.Refunding, _case.Case.State);
        Assert.Equal([(H.CourtFundPayee, 5_000_000L), (H.BuyerPayee, 15_000_000L)], refund.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(TransferState.PendingVoided, _case.Ledger.StateOf(_case.IdOf(CaseStep.BuyerDeposit, 2)));
        Assert.Equal((5_000_000L, H.CourtFundPayee), (refund.Transition!.AmountFen, refund.Transition.Payee));
        Assert.Equal(2, refund.Transition.Approvals.Count);

        _case.Refused(new SealedSaleCommand(SealedSaleEvent.Close), CaseRejection.CaseNotSettled);
        _case.PayoutsPosted(refund, new DateOnly(2025, 11, 24));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
        Assert.Equal(new AccountBalance(0, 20_000_000, 0, 20_000_000), _case.BalanceOf(H.Bank));
    }

    [Fact]
    public void BuyerDefault_NoForfeit_TheWholeDepositBackToTheBuyer_NoPayeeTaken()
    {
        _case.RunToNotarized(_case.Terms(dueDate: new DateOnly(2025, 11, 20)));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: 20_000_000));
        _case.StatementPosts(_case.IdOf(CaseStep.BuyerDeposit, 1), new DateOnly(2025, 11, 10));
        _case.Day = new DateOnly(2025, 11, 21);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault));

        RecordedArtefact order = _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [order], Payee: H.CourtFundPayee), CaseRejection.CommandInvalid);
        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [order]));

        Assert.Equal([(H.BuyerPayee, 20_000_000L)], refund.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(0, refund.Transition!.AmountFen);
        _case.PayoutsPosted(refund, new DateOnly(2025, 11, 24));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
    }

    [Fact]
    public void BuyerDefault_ForfeitAboveWhatWasPaid_ForfeitsOnlyWhatWasPaid()
    {
        _case.RunToNotarized(_case.Terms(forfeitFen: 30_000_000, dueDate: new DateOnly(2025, 11, 20)));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: 20_000_000));
        _case.StatementPosts(_case.IdOf(CaseStep.BuyerDeposit, 1), new DateOnly(2025, 11, 10));
        _case.Day = new DateOnly(2025, 11, 21);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault));

        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder)], Payee: H.CourtFundPayee));
        Assert.Equal([(H.CourtFundPayee, 20_000_000L)], refund.Payouts.Select(p => (p.Payee, p.AmountFen)));
        _case.PayoutsPosted(refund, new DateOnly(2025, 11, 24));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
    }

    [Fact]
    public void BuyerDefault_NothingPaid_RefundVoidsTheTranches_NoForfeitNoPayeeNoPayout()
    {
        _case.RunToNotarized(_case.Terms(forfeitFen: 5_000_000, dueDate: new DateOnly(2025, 11, 20)));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: H.PriceFen));
        _case.Day = new DateOnly(2025, 11, 21);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault));

        RecordedArtefact order = _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [order], Payee: H.CourtFundPayee), CaseRejection.CommandInvalid);
        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [order]));

        Assert.Empty(refund.Payouts);
        Assert.Equal([_case.IdOf(CaseStep.DepositVoid, 1)], refund.Transfers.Select(t => t.Id));
        Assert.Equal(TransferState.PendingVoided, _case.Ledger.StateOf(_case.IdOf(CaseStep.BuyerDeposit, 1)));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
        Assert.Equal(default, _case.BalanceOf(H.Bank));
    }

    [Fact]
    public void RegistryRejected_JointInstructionRefunds_ThenClosed()
    {
        _case.RunToNotarized(_case.Terms());
        _case.Fund();
        _case.IssueAssistance();
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.RejectRegistration, Artefacts: [_case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.RegistrationRefused)]));
        Assert.Equal(SealedSaleState.RegistryRejected, _case.Case.State);

        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.JointInstruction, _case.Notary1)]));
        Assert.Equal([(H.BuyerPayee, H.PriceFen)], refund.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(new AccountBalance(H.PriceFen, 0, 0, H.PriceFen), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Buyer)));

        _case.PayoutsPosted(refund, new DateOnly(2025, 11, 24));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
        Assert.Equal(new AccountBalance(0, H.PriceFen, 0, H.PriceFen), _case.BalanceOf(H.Bank));
    }

    [Fact]
    public void ThirdPartyObjection_Dismissed_ResumesWhereItStopped_ThenUpheld_Refunded()
    {
        _case.RunToNotarized(_case.Terms());
        _case.Fund();
        RecordedArtefact objection() => _case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.ThirdPartyObjection);

        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ObjectThirdParty, Artefacts: [objection()]));
        Assert.Equal((SealedSaleState.ThirdPartyObjection, SealedSaleState.Funded), (_case.Case.State, _case.Case.Resume));
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssueAssistance, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.AssistanceNotice)]), CaseRejection.EventNotAllowedInState);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DismissObjection, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.ObjectionDismissed)]));
        Assert.Equal((SealedSaleState.Funded, (SealedSaleState?)null), (_case.Case.State, _case.Case.Resume));

        _case.IssueAssistance();
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ObjectThirdParty, Artefacts: [objection()]));
        Assert.Equal(SealedSaleState.AssistanceIssued, _case.Case.Resume);
        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder)]));
        Assert.Equal((SealedSaleState.Refunding, (SealedSaleState?)null), (_case.Case.State, _case.Case.Resume));
        _case.PayoutsPosted(refund, new DateOnly(2025, 11, 24));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
    }

    [Fact]
    public void ThirdPartyObjection_BeforeAnyMoney_RefundBooksNothing_ThenClosed()
    {
        _case.RecordDomainSeizures();
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ProposeSale, Artefacts: [_case.Artefact(ArtefactType.MediationRecord, _case.Notary1, amountFen: H.PriceFen)]));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ObjectThirdParty, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.ThirdPartyObjection)]));

        SealedSaleDecision refund = _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder)]));
        Assert.Empty(refund.Transfers);
        Assert.Empty(refund.Payouts);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
    }

    [Fact]
    public void PlanDisputed_InTime_Upheld_ThenPaidAndClosed_ALateOrEarlyObjectionRefused()
    {
        ToPlanIssued(new DateOnly(2025, 12, 10));
        _case.Day = new DateOnly(2025, 12, 27);
        SealedSaleDecision late = _case.Refused(new SealedSaleCommand(SealedSaleEvent.DisputePlan, Artefacts: [Objection(new DateOnly(2025, 12, 26))]), CaseRejection.ObjectionLate);
        Assert.Contains("2025-12-25", late.Detail, StringComparison.Ordinal);
        SealedSaleDecision early = _case.Refused(new SealedSaleCommand(SealedSaleEvent.DisputePlan, Artefacts: [Objection(new DateOnly(2025, 12, 9))]), CaseRejection.CommandInvalid);
        Assert.Contains("before the plan of 2025-12-10", early.Detail, StringComparison.Ordinal);

        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DisputePlan, Artefacts: [Objection(new DateOnly(2025, 12, 25))]));
        Assert.Equal(SealedSaleState.PlanDisputed, _case.Case.State);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.FinalizePlan), CaseRejection.EventNotAllowedInState);

        _case.Day = new DateOnly(2026, 1, 20);
        // The court's document says which way it decided: a set-aside does not uphold the plan.
        SealedSaleDecision wrongWay = _case.Refused(new SealedSaleCommand(SealedSaleEvent.UpholdPlan, Artefacts: [Decision(ArtefactSubjects.PlanSetAside)]), CaseRejection.GuardNotSatisfied);
        Assert.Equal(GuardRejection.WrongSubject, wrongWay.Guard);
        SealedSaleDecision upheld = _case.Accept(new SealedSaleCommand(SealedSaleEvent.UpholdPlan, Artefacts: [Decision(ArtefactSubjects.PlanUpheld)]));
        Assert.Equal((SealedSaleState.PlanFinal, 4, 2), (_case.Case.State, upheld.Payouts.Count, upheld.Transition!.Approvals.Count));
        _case.PayoutsPosted(upheld, new DateOnly(2026, 1, 21));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
    }

    [Fact]
    public void PlanDisputed_SetAside_AllocationsVoided_ANewPlanUnderNewIds_FinalAndClosed()
    {
        SealedSaleDecision first = ToPlanIssued(new DateOnly(2025, 12, 10));
        _case.Day = new DateOnly(2025, 12, 15);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DisputePlan, Artefacts: [Objection(_case.Day)]));
        SealedSaleDecision aside = _case.Accept(new SealedSaleCommand(SealedSaleEvent.SetAsidePlan, Artefacts: [Decision(ArtefactSubjects.PlanSetAside)]));

        Assert.Equal((SealedSaleState.Transferred, (DistributionPlan?)null, (ushort)1), (_case.Case.State, _case.Case.Plan, _case.Case.PlanRevision));
        Assert.All(first.Transfers, t => Assert.Equal(TransferState.PendingVoided, _case.Ledger.StateOf(t.Id)));
        Assert.Equal(4, aside.Transfers.Count);
        Assert.Equal(new AccountBalance(0, 0, 0, H.PriceFen), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Proceeds)));
        Assert.Equal(new AccountBalance(0, 0, 0, 0), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 3)));

        // The court's new plan: the company rule (say the court found the debtor was one), issued 5 Jan.
        _case.Day = new DateOnly(2026, 1, 5);
        DistributionPlan second = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Company), H.DomainPayees);
        SealedSaleDecision reissued = _case.IssuePlan(second);
        Assert.Equal(
            second.Booked.Select(a => _case.IdOf(CaseStep.Allocation, a.ClaimNumber, 1)),
            reissued.Transfers.Select(t => t.Id));
        Assert.Empty(reissued.Transfers.Select(t => t.Id).Intersect(first.Transfers.Select(t => t.Id)));

        _case.Day = new DateOnly(2026, 1, 21); // 5 Jan + 15 = Tue 20 Jan
        SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
        Assert.Equal(second.Booked.Select(a => _case.IdOf(CaseStep.DistributionPayout, a.ClaimNumber, 1)), final.Payouts.Select(p => p.TransferId));
        _case.PayoutsPosted(final, _case.Day);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
        Assert.Equal(H.ClaimAFen, _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 3)).CreditsPosted);
    }

    [Fact]
    public void RemitToCourt_TheCourtTakesTheWholeSum_ThenDistributedAndClosed()
    {
        _case.RunToTransferred();
        _case.Day = new DateOnly(2025, 12, 1);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.RemitToCourt, Artefacts: [RemitOrder(H.PriceFen - 1)], Payee: H.CourtFundPayee), CaseRejection.CommandInvalid);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.RemitToCourt, Artefacts: [RemitOrder(H.PriceFen)]), CaseRejection.CommandInvalid);
        SealedSaleDecision remitted = _case.Accept(new SealedSaleCommand(SealedSaleEvent.RemitToCourt, Artefacts: [RemitOrder(H.PriceFen)], Payee: H.CourtFundPayee));

        Assert.Equal((SealedSaleState.PlanFinal, true), (_case.Case.State, _case.Case.RemittedToCourt));
        Assert.Equal([(H.CourtFundPayee, H.PriceFen)], remitted.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(H.CourtFundPayee, remitted.Transition!.Payee);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution), CaseRejection.PaymentNotOnStatement);
        _case.PayoutsPosted(remitted, new DateOnly(2025, 12, 2));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
        Assert.Equal(new AccountBalance(0, H.PriceFen, 0, H.PriceFen), _case.BalanceOf(H.Bank));
    }

    public void Dispose() => _case.Dispose();

    private SealedSaleDecision ToPlanIssued(DateOnly day)
    {
        _case.RunToTransferred();
        _case.Day = day;
        return _case.IssuePlan(H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees));
    }

    private RecordedArtefact Objection(DateOnly issuedOn) => _case.Artefact(ArtefactType.Objection, _case.Mortgagee, issuedOn: issuedOn);

    private RecordedArtefact Decision(byte subject) => _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, subject);

    private RecordedArtefact RemitOrder(long amountFen) => _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RemitOrder, amountFen: amountFen);
}
