using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Ledger.Escrow;
using H = EvidenceChain.Cases.Tests.Sealed.SealedSaleHarness;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// DOMAIN.md §4.3's example start to close on the pure rules and a real ledger: two courts seize one
/// home, it sells for 1,000,000.00, the court's plan (the allocator's) pays costs 20,000.00, the
/// mortgage 500,000.00 and the ordinary creditors pro rata (A 205,714.29, B 274,285.71) for an
/// individual debtor, or in order of seizure (A 300,000.00, B 180,000.00) for a company.
/// </summary>
public sealed class SealedSaleWorkedExampleTests : IDisposable
{
    private readonly H _case = new();

    [Fact]
    public void IndividualDebtor_StartToClose_ProRataPlanPaidAndEveryAccountZero()
    {
        _case.RecordDomainSeizures();
        Assert.Equal(_case.CourtA.Id, _case.Case.EnforcingCourtPartyId);
        Assert.Equal([_case.CourtB.Id], _case.Case.OtherSeizingCourts);
        Assert.Equal([(SeizureRank.First, H.ClaimAFen), (SeizureRank.Waiting, H.ClaimBFen)], _case.Case.Seizures.Select(s => (s.Rank, s.ClaimFen)));

        _case.Day = new DateOnly(2025, 11, 4);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ProposeSale, Artefacts: [_case.Artefact(ArtefactType.MediationRecord, _case.Notary1, amountFen: H.PriceFen)]));
        Assert.Equal((SealedSaleState.SaleProposed, H.PriceFen), (_case.Case.State, _case.Case.ProposedPriceFen));

        // Court B seized too, so its consent is needed: without it, one artefact short; with court A's paper in its place, the wrong issuer.
        _case.Day = new DateOnly(2025, 11, 5);
        RecordedArtefact approval = _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.SaleApproval, amountFen: 95_000_000);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ApproveSale, Artefacts: [approval]), CaseRejection.ArtefactCountMismatch);
        SealedSaleDecision wrongConsent = _case.Refused(
            new SealedSaleCommand(SealedSaleEvent.ApproveSale, Artefacts: [approval, _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.SaleConsent)]),
            CaseRejection.GuardNotSatisfied);
        Assert.Equal(GuardRejection.WrongIssuer, wrongConsent.Guard);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ApproveSale, Artefacts: [approval, _case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.SaleConsent)]));
        Assert.Equal((SealedSaleState.CourtApproved, 95_000_000L), (_case.Case.State, _case.Case.FloorPriceFen));

        _case.Day = new DateOnly(2025, 11, 6);
        SealedSaleConditions terms = _case.Terms();
        SealedSaleDecision notarized = _case.Accept(new SealedSaleCommand(SealedSaleEvent.NotarizeAgreement, Conditions: terms, Artefacts: _case.AgreementArtefacts(terms)));
        Assert.Equal([CaseAccountPurpose.Buyer, CaseAccountPurpose.Proceeds], notarized.Accounts.Select(a => PurposeOf(a.Id)));

        // Two tranches, each posted by its statement line; funding waits for both.
        AccountBalance bankBefore = _case.BalanceOf(H.Bank);
        _case.Day = new DateOnly(2025, 11, 7);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: 30_000_000));
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 2, AmountFen: 70_000_001), CaseRejection.CommandInvalid);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 2, AmountFen: 70_000_000));
        Assert.Equal(new AccountBalance(0, 0, 0, 0), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Buyer)) with { CreditsPending = 0 });
        _case.StatementPosts(_case.IdOf(CaseStep.BuyerDeposit, 1), new DateOnly(2025, 11, 10));
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ConfirmFunding), CaseRejection.PaymentNotOnStatement);
        _case.StatementPosts(_case.IdOf(CaseStep.BuyerDeposit, 2), new DateOnly(2025, 11, 12));
        Assert.Equal(new AccountBalance(0, H.PriceFen, 0, 0), _case.BalanceOf(H.Bank));
        Assert.Equal(new AccountBalance(0, 0, 0, H.PriceFen), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Buyer)));
        _case.Day = new DateOnly(2025, 11, 13);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmFunding));
        Assert.Equal((SealedSaleState.Funded, new DateOnly(2025, 11, 12)), (_case.Case.State, _case.Case.DepositDate));

        _case.IssueAssistance();
        Assert.Equal(SealedSaleState.AssistanceIssued, _case.Case.State);

        // Both receipts for the property: one alone is an artefact short.
        _case.Day = new DateOnly(2025, 11, 20);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ConfirmTransfer, Artefacts: [_case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TitleTransferred, 1)]), CaseRejection.ArtefactCountMismatch);
        SealedSaleDecision transferred = _case.ConfirmTransfer();
        Assert.Equal([(CaseStep.ProceedsTransfer, H.PriceFen)], transferred.Transfers.Select(t => (StepOf(t.Id), t.AmountFen)));
        Assert.Equal(0, _case.Held(_case.AccountOf(CaseAccountPurpose.Buyer)));
        Assert.Equal(H.PriceFen, _case.Held(_case.AccountOf(CaseAccountPurpose.Proceeds)));

        // The court's plan is the allocator's: A gets the extra fen (DOMAIN.md §4.3).
        _case.Day = new DateOnly(2025, 12, 10);
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);
        Assert.Equal([(1, H.CostsFen), (2, H.MortgageFen), (3, 20_571_429L), (4, 27_428_571L)], plan.Allocations.Select(a => ((int)a.ClaimNumber, a.AmountFen)));
        Assert.Equal(0, plan.DebtorSurplusFen);
        SealedSaleDecision issued = _case.IssuePlan(plan);
        Assert.Equal((SealedSaleState.PlanIssued, new DateOnly(2025, 12, 10)), (_case.Case.State, _case.Case.PlanReceivedDay));
        Assert.Equal([1, 2, 3, 4], issued.Accounts.Select(a => (int)a.UserData32));
        Assert.All(issued.Transfers.SkipLast(1), t => Assert.True((t.Flags & TransferFlags.Linked) != 0));
        Assert.Equal(TransferFlags.Pending, issued.Transfers[^1].Flags);
        Assert.Equal(new AccountBalance(H.PriceFen, 0, 0, H.PriceFen), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Proceeds)));
        Assert.Equal(new AccountBalance(0, 0, 20_571_429, 0), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 3)));

        // 10 Dec + 15 days = Thu 25 Dec, a working day: the window is open through it.
        Assert.Equal(new DateOnly(2025, 12, 25), H.ObjectionLastDay(new DateOnly(2025, 12, 10)));
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.FinalizePlan), CaseRejection.ObjectionWindowOpen);
        _case.Day = new DateOnly(2025, 12, 25);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.FinalizePlan), CaseRejection.ObjectionWindowOpen);

        // The day after: the payouts need two notaries; one is refused.
        _case.Day = new DateOnly(2025, 12, 26);
        SealedSaleDecision unapproved = _case.Run(new SealedSaleCommand(SealedSaleEvent.FinalizePlan), approve: false);
        Assert.Equal((CaseRejection.ApprovalsInvalid, ApprovalRejection.TooFewApprovals), (unapproved.Rejection, unapproved.Approval));
        byte[] message = ApprovalMessage.Of(_case.Case.Id, _case.Case.TransitionCount + 1, (byte)SealedSaleEvent.FinalizePlan, unapproved.Payouts);
        SealedSaleDecision oneNotary = _case.Run(new SealedSaleCommand(SealedSaleEvent.FinalizePlan, Approvals: [_case.Approval(_case.Notary1, message)]), approve: false);
        Assert.Equal((CaseRejection.ApprovalsInvalid, ApprovalRejection.TooFewApprovals), (oneNotary.Rejection, oneNotary.Approval));
        Assert.Equal(SealedSaleState.PlanIssued, _case.Case.State);

        SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
        Assert.Equal(SealedSaleState.PlanFinal, _case.Case.State);
        Assert.Equal(2, final.Transition!.Approvals.Count);
        Assert.Equal(
            [(H.CostsPayee, H.CostsFen), (H.MortgageePayee, H.MortgageFen), (H.CreditorAPayee, 20_571_429L), (H.CreditorBPayee, 27_428_571L)],
            final.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(new AccountBalance(0, H.PriceFen, 0, H.PriceFen), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Proceeds)));
        Assert.Equal(new AccountBalance(20_571_429, 0, 0, 20_571_429), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 3)));
        Assert.Equal(new AccountBalance(0, H.PriceFen, H.PriceFen, 0), _case.BalanceOf(H.Bank));

        // Distribution waits for every payout's statement line.
        _case.Day = new DateOnly(2025, 12, 29);
        foreach (Payout payout in final.Payouts.SkipLast(1))
        {
            _case.StatementPosts(payout.TransferId, _case.Day);
        }

        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution), CaseRejection.PaymentNotOnStatement);
        _case.StatementPosts(final.Payouts[^1].TransferId, _case.Day);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));

        Assert.Equal(SealedSaleState.Closed, _case.Case.State);
        _case.AssertCaseAccountsSettled();
        Assert.Equal(new AccountBalance(0, H.PriceFen, 0, H.PriceFen), _case.BalanceOf(H.Bank));
        Assert.Equal(bankBefore, new AccountBalance(0, 0, 0, 0));
        Assert.Equal(20_571_429, _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 3)).CreditsPosted);
        Assert.Equal(27_428_571, _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 4)).CreditsPosted);
    }

    [Fact]
    public void CompanyDebtor_OrderOfSeizure_A300000B180000()
    {
        _case.RunToTransferred(DebtorKind.Company);
        _case.Day = new DateOnly(2025, 12, 10);
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Company), H.DomainPayees);
        Assert.Equal([(3, H.ClaimAFen), (4, 18_000_000L)], plan.Allocations.Skip(2).Select(a => ((int)a.ClaimNumber, a.AmountFen)));

        _case.IssuePlan(plan);
        _case.Day = new DateOnly(2025, 12, 26);
        SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
        Assert.Equal([H.CostsFen, H.MortgageFen, H.ClaimAFen, 18_000_000L], final.Payouts.Select(p => p.AmountFen));
        _case.PayoutsPosted(final, _case.Day);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
    }

    [Fact]
    public void PriceAboveEveryClaim_TheSurplusIsPaidToTheDebtorsAccount()
    {
        const long price = 130_000_000; // claims total 122,000,000: 8,000,000 left for the debtor
        _case.RunToTransferred(DebtorKind.Individual, price);
        _case.Day = new DateOnly(2025, 12, 10);
        DistributionPlan plan = H.PlanOf(price, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);
        Assert.Equal(8_000_000, plan.DebtorSurplusFen);

        SealedSaleDecision issued = _case.IssuePlan(plan);
        Assert.Contains(issued.Accounts, a => a.Id == _case.AccountOf(CaseAccountPurpose.DebtorSurplus));
        Assert.Equal(8_000_000, _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.DebtorSurplus)).CreditsPending);

        _case.Day = new DateOnly(2025, 12, 26);
        SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
        Assert.Equal((H.DebtorPayee, 8_000_000L), (final.Payouts[^1].Payee, final.Payouts[^1].AmountFen));
        Assert.Equal([H.CostsFen, H.MortgageFen, H.ClaimAFen, H.ClaimBFen, 8_000_000L], final.Payouts.Select(p => p.AmountFen));
        _case.PayoutsPosted(final, _case.Day);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
        Assert.Equal(new AccountBalance(0, price, 0, price), _case.BalanceOf(H.Bank));
    }

    [Fact]
    public void PlanIssuedOn17December_Its15thDayIsNewYear_TheWindowRunsThroughSunday4January()
    {
        _case.RunToTransferred();
        _case.Day = new DateOnly(2025, 12, 17);
        _case.IssuePlan(H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees));

        // 1 Jan 2026 is a holiday through 3 Jan; Sunday 4 Jan is a make-up working day (art. 203).
        Assert.Equal(new DateOnly(2026, 1, 4), H.ObjectionLastDay(new DateOnly(2025, 12, 17)));
        foreach (DateOnly day in new[] { new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4) })
        {
            _case.Day = day;
            _case.Refused(new SealedSaleCommand(SealedSaleEvent.FinalizePlan), CaseRejection.ObjectionWindowOpen);
        }

        _case.Day = new DateOnly(2026, 1, 5);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
    }

    [Fact]
    public void PlanBeyondTheCalendar_WindowEndUnknown_FinalizeRefused()
    {
        // 2027 has no published arrangement: the window's end is refused, never guessed.
        _case.RunToTransferred();
        _case.Day = new DateOnly(2026, 12, 20);
        _case.IssuePlan(H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees));
        Assert.Null(H.ObjectionLastDay(new DateOnly(2026, 12, 20)));

        _case.Day = new DateOnly(2027, 3, 1);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.FinalizePlan), CaseRejection.ObjectionWindowOpen);
    }

    [Fact]
    public void IssuePlan_ItsAllocationsAreOneLinkedBatch_OneFailing_NoneApplied()
    {
        // The rules cannot be made to decide a plan that does not fit the ledger, so the failure is
        // caused at booking: the decision's accounts are booked without creditor B's, as if lost.
        _case.RunToTransferred();
        _case.Day = new DateOnly(2025, 12, 10);
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);
        SealedSaleDecision decision = SealedSaleRules.Decide(_case.Case, new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan, Artefacts: [_case.PlanArtefact(plan)]), _case.Context);
        Assert.True(decision.IsAccepted, decision.Detail);
        Assert.Equal(4, decision.Transfers.Count);

        AccountId b = _case.AccountOf(CaseAccountPurpose.Payee, 4);
        Assert.All(_case.Ledger.CreateAccounts([.. decision.Accounts.Where(a => a.Id != b)]), r => Assert.Equal(CreateAccountResult.Ok, r));
        IReadOnlyList<CreateTransferResult> results = _case.Ledger.CreateTransfers(decision.Transfers);

        Assert.Equal([CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed, CreateTransferResult.LinkedEventFailed, CreateTransferResult.CreditAccountNotFound], results);
        Assert.All(decision.Transfers, t => Assert.Null(_case.Ledger.StateOf(t.Id)));
        Assert.Equal(new AccountBalance(0, 0, 0, H.PriceFen), _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Proceeds)));
        Assert.Equal(default, _case.BalanceOf(_case.AccountOf(CaseAccountPurpose.Payee, 3)));
        _case.Ledger.CheckInvariants();
    }

    public void Dispose() => _case.Dispose();

    private CaseAccountPurpose PurposeOf(AccountId id) => Enum.GetValues<CaseAccountPurpose>().First(p => _case.AccountOf(p) == id);

    private CaseStep StepOf(TransferId id) =>
        Enum.GetValues<CaseStep>().First(s => Enumerable.Range(0, 5).Any(leg => _case.IdOf(s, (byte)leg) == id));
}
