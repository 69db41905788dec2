using System.Globalization;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Calendar;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Leaves;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Cases;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Ledger.Records;
using EvidenceChain.Protocol.V1;
using EvidenceChain.Service.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using E = EvidenceChain.Cases.Sealed.SealedSaleEvent;
using S = EvidenceChain.Service.Tests.Support.SaleDriver;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// 带封过户 cases over gRPC on one real server (cases are independent by id). DOMAIN.md §4.3's
/// example start to close: two courts seize a home and a garage, the sale is mediated, approved by
/// the enforcing court with the other's consent, notarized, funded, the title moves, the court's plan
/// (the software's proposal, adopted unchanged) pays costs 20,000.00, the mortgage 500,000.00 and
/// A 205,714.29 / B 274,285.71 pro rata, every case account ends at zero; the server restarts after
/// the plan and replays the case identically. Each failure state; bad input refused with a clear
/// status and nothing changed; the case statement holding the plan and its linked allocations.
/// <para>
/// The plan's objection window is 15 days from the plan artefact's issue day, and an artefact may
/// not be dated before its issuer's key was bound (GuardCheck: SignerKeyNotValid), which on a real
/// clock is the start of this test run. So no test here can wait out the window: FinalizePlan is
/// shown refused with the window's last day, and a plan becomes final by the court upholding it after
/// an objection (UpholdPlan books exactly what FinalizePlan would). FinalizePlan's acceptance after
/// the window is covered on the pure rules (SealedSaleWorkedExampleTests).
/// </para>
/// </summary>
public sealed class SealedSaleServiceTests(SaleDriver sale) : IClassFixture<SaleDriver>
{
    private static readonly byte[] s_claims = [1, 2, 3, 4];

    private readonly SaleDriver _sale = sale;

    [Fact]
    public async Task DomainExample_StartToClose_ReplayedIdenticallyAfterARestart_EveryAccountZero()
    {
        ByteString caseId = S.IdOf(0x5EA1_0001);
        AccountWithBalance bankBefore = await _sale.BankAsync();
        await _sale.OpenAsync(caseId);
        Assert.Equal(("Seized", 0UL), ((await _sale.GetAsync(caseId)).StateName, (await _sale.GetAsync(caseId)).TransitionCount));

        // A first seizure of each property, and court B waiting behind court A on the home: A enforces, B consents.
        await _sale.RecordSeizuresAsync(caseId);
        GetSealedSaleResponse seized = await _sale.GetAsync(caseId);
        Assert.Equal(_sale.CourtA, seized.EnforcingCourtPartyId);
        Assert.Equal(
            [(1U, 1U, _sale.CourtA, 1U, S.ClaimAFen, "(2025)鲁0102执1001号"), (2U, 1U, _sale.CourtB, 2U, S.ClaimBFen, "(2025)鲁0103执2002号"), (3U, 2U, _sale.CourtB, 1U, S.ClaimBFen, "(2025)鲁0103执2002号")],
            seized.Seizures.Select(s => (s.Number, s.Property, s.CourtPartyId, s.Rank, s.ClaimFen, s.CourtCaseNumber)));

        await _sale.ApplyAsync(S.Request(caseId, E.ProposeSale, artefacts: [await _sale.ArtefactAsync(caseId, ArtefactType.MediationRecord, _sale.Notary1, amountFen: S.PriceFen)]));
        Assert.Equal(("SaleProposed", S.PriceFen), ((await _sale.GetAsync(caseId)).StateName, (await _sale.GetAsync(caseId)).ProposedPriceFen));

        // Court B seized too: court A's approval alone is an artefact short.
        ulong approval = await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtA, ArtefactSubjects.SaleApproval, amountFen: S.FloorFen);
        await RefusedAsync(S.Request(caseId, E.ApproveSale, artefacts: [approval]), StatusCode.InvalidArgument, "ArtefactCountMismatch");
        await _sale.ApplyAsync(S.Request(caseId, E.ApproveSale, artefacts: [approval, await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtB, ArtefactSubjects.SaleConsent)]));
        Assert.Equal(("CourtApproved", S.FloorFen), ((await _sale.GetAsync(caseId)).StateName, (await _sale.GetAsync(caseId)).FloorPriceFen));

        SealedSaleTerms terms = _sale.Terms();
        await _sale.ApplyAsync(await _sale.NotarizeRequestAsync(caseId, terms));
        GetSealedSaleResponse notarized = await _sale.GetAsync(caseId);
        Assert.Equal(("AgreementNotarized", terms), (notarized.StateName, notarized.Terms));

        // Q1: the price pending until the statement shows it.
        ApplyTransitionResponse expected = await _sale.ApplyAsync(S.Request(caseId, E.ExpectDeposit, 1, S.PriceFen));
        Assert.Equal([S.TransferIdOf(caseId, CaseStep.BuyerDeposit, 1)], expected.TransferIds);
        await RefusedAsync(S.Request(caseId, E.ConfirmFunding), StatusCode.FailedPrecondition, "PaymentNotOnStatement");
        await _sale.StatementAsync(expected.TransferIds[0], S.PriceFen, 'C');
        await _sale.ApplyAsync(S.Request(caseId, E.ConfirmFunding));
        GetSealedSaleResponse funded = await _sale.GetAsync(caseId);
        Assert.Equal(("Funded", Day(CaseDriver.Today)), (funded.StateName, funded.DepositDate));
        Assert.Equal([S.PriceFen], funded.TranchesFen);
        Assert.Equal((0L, S.PriceFen), Held(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Buyer)));

        // Q3: the registry's receipts for both properties; the price becomes the creditors' proceeds.
        Assert.Equal("AssistanceIssued", (await _sale.IssueAssistanceAsync(caseId)).StateName);
        ApplyTransitionResponse transferred = await _sale.ConfirmTransferAsync(caseId);
        Assert.Equal(("Transferred", S.TransferIdOf(caseId, CaseStep.ProceedsTransfer)), (transferred.StateName, Assert.Single(transferred.TransferIds)));
        Assert.Equal((S.PriceFen, S.PriceFen, 0L), Moved(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Buyer)));
        Assert.Equal((0L, S.PriceFen, 0L), Moved(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Proceeds)));

        // The software's proposal: A gets the extra fen (DOMAIN.md §4.3). The court adopts it unchanged.
        ProposeDistributionResponse proposal = await _sale.ProposeDistributionAsync(caseId, DebtorKind.Individual);
        Assert.Equal(
            [(1U, S.CostsFen), (2U, S.MortgageFen), (3U, 20_571_429L), (4U, 27_428_571L)],
            proposal.Plan.Allocations.Select(a => (a.ClaimNumber, a.AmountFen)));
        Assert.Equal((S.PriceFen, 0L), (proposal.Plan.NetProceedsFen, proposal.Plan.DebtorSurplusFen));
        ApplyTransitionResponse issued = await _sale.IssuePlanAsync(caseId, proposal);

        // Q4: one pending allocation per claim, proceeds to the claim's payee account.
        Assert.Equal("PlanIssued", issued.StateName);
        Assert.Equal(s_claims.Select(c => S.TransferIdOf(caseId, CaseStep.Allocation, c)), issued.TransferIds);
        Assert.All(issued.TransferResultNames, r => Assert.Equal("Ok", r));
        AccountWithBalance allocated = await _sale.BalanceAsync(caseId, CaseAccountPurpose.Proceeds);
        Assert.Equal((0L, S.PriceFen, S.PriceFen), (allocated.DebitsPosted, allocated.CreditsPosted, allocated.DebitsPending));
        Assert.Equal(new long[] { 2_000_000L, 50_000_000L, 20_571_429L, 27_428_571L }, await CreditsPendingAsync(caseId));
        GetSealedSaleResponse planned = await _sale.GetAsync(caseId);
        DateOnly received = CaseDriver.Today;
        Assert.True(Deadlines.TryDeadlineOf(DeadlineRule.PlanObjection, received, CaseCalendars.LoadChina(), out DateOnly lastDay));
        Assert.True(lastDay >= received.AddDays(15));
        Assert.Equal((proposal.Plan, Day(received), Day(lastDay), 0U), (planned.Plan, planned.PlanReceivedDay, planned.ObjectionLastDay, planned.PlanRevision));
        Assert.Empty(planned.UnrecordedTransferIds);

        // The case survives a restart: rebuilt from its records, exactly as it was.
        _sale.Restart();
        Assert.Equal(planned, await _sale.GetAsync(caseId));

        // The window is open through its last day: finalizing is refused, naming it.
        RpcException open = await RefusedAsync(S.Request(caseId, E.FinalizePlan), StatusCode.FailedPrecondition, "ObjectionWindowOpen");
        Assert.Contains(Day(lastDay), open.Status.Detail, StringComparison.Ordinal);

        // The mortgagee objects in time; the court upholds the plan: Q4 posts and Q5 is instructed, with two notaries' approvals.
        Assert.Equal("PlanDisputed", (await _sale.DisputePlanAsync(caseId)).StateName);
        SealedSaleEventRequest uphold = await _sale.DecisionRequestAsync(caseId, E.UpholdPlan);
        await RefusedAsync(uphold.Clone(), StatusCode.FailedPrecondition, "ApprovalsInvalid/TooFewApprovals");
        ApplyTransitionResponse final = await _sale.ApplyAsync(uphold);
        Assert.Equal("PlanFinal", final.StateName);
        Assert.Equal(
            [(S.CostsPayee, S.CostsFen), (S.MortgageePayee, S.MortgageFen), (S.CreditorAPayee, 20_571_429L), (S.CreditorBPayee, 27_428_571L)],
            final.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(s_claims.Select(c => S.TransferIdOf(caseId, CaseStep.DistributionPayout, c)), final.Payouts.Select(p => p.TransferId));
        AccountWithBalance creditorA = await _sale.BalanceAsync(caseId, CaseAccountPurpose.Payee, 3);
        Assert.Equal((20_571_429L, 0L, 20_571_429L), (creditorA.CreditsPosted, creditorA.CreditsPending, creditorA.DebitsPending));

        // Q5: distribution waits for every payout's statement line.
        await _sale.StatementAsync(final.Payouts[0].TransferId, final.Payouts[0].AmountFen, 'D');
        await RefusedAsync(S.Request(caseId, E.ConfirmDistribution), StatusCode.FailedPrecondition, "PaymentNotOnStatement");
        await _sale.PayoutsPostedAsync(final);
        Assert.Equal("Distributed", (await _sale.ApplyAsync(S.Request(caseId, E.ConfirmDistribution))).StateName);
        Assert.Equal("Closed", (await _sale.ApplyAsync(S.Request(caseId, E.Close))).StateName);

        await AssertSettledAsync(caseId, CaseAccountPurpose.Buyer, CaseAccountPurpose.Proceeds);
        Assert.Equal(new long[] { 2_000_000L, 50_000_000L, 20_571_429L, 27_428_571L }, await CreditsPostedAsync(caseId));
        await AssertBankMovedAsync(bankBefore, S.PriceFen, S.PriceFen);
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task PlanDisputed_SetAside_ANewPlanUnderNewIds_ThenUpheld_PaidAndClosed()
    {
        ByteString caseId = S.IdOf(0x5EA1_0002);
        await _sale.RunToTransferredAsync(caseId);
        ProposeDistributionResponse first = await _sale.ProposeDistributionAsync(caseId, DebtorKind.Individual);
        ApplyTransitionResponse issued = await _sale.IssuePlanAsync(caseId, first);
        Assert.Equal("PlanDisputed", (await _sale.DisputePlanAsync(caseId)).StateName);
        await RefusedAsync(S.Request(caseId, E.FinalizePlan), StatusCode.FailedPrecondition, "EventNotAllowedInState");

        // Set aside: every allocation voided, the proceeds whole again, the plan gone.
        ApplyTransitionResponse aside = await _sale.ApplyAsync(await _sale.DecisionRequestAsync(caseId, E.SetAsidePlan));
        Assert.Equal("Transferred", aside.StateName);
        Assert.Equal(s_claims.Select(c => S.TransferIdOf(caseId, CaseStep.AllocationVoid, c)), aside.TransferIds);
        GetSealedSaleResponse setAside = await _sale.GetAsync(caseId);
        Assert.Equal(((CourtDistributionPlan?)null, 1U, string.Empty, string.Empty), (setAside.Plan, setAside.PlanRevision, setAside.PlanReceivedDay, setAside.ObjectionLastDay));
        Assert.Equal((0L, S.PriceFen, 0L), Moved(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Proceeds)));
        Assert.Equal(new long[] { 0L, 0L, 0L, 0L }, await CreditsPendingAsync(caseId));

        // The court's new plan: the company rule (it found the debtor was one), A 300,000.00 and B 180,000.00 in order of seizure; its transfers are the plan's second attempt.
        ProposeDistributionResponse second = await _sale.ProposeDistributionAsync(caseId, DebtorKind.Company);
        Assert.Equal([S.CostsFen, S.MortgageFen, S.ClaimAFen, 18_000_000L], second.Plan.Allocations.Select(a => a.AmountFen));
        Assert.NotEqual(first.PlanSha256, second.PlanSha256);
        ApplyTransitionResponse reissued = await _sale.IssuePlanAsync(caseId, second);
        Assert.Equal(s_claims.Select(c => S.TransferIdOf(caseId, CaseStep.Allocation, c, attempt: 1)), reissued.TransferIds);
        Assert.Empty(reissued.TransferIds.Intersect(issued.TransferIds));
        Assert.Equal((second.Plan, 1U), ((await _sale.GetAsync(caseId)).Plan, (await _sale.GetAsync(caseId)).PlanRevision));

        await RefusedAsync(S.Request(caseId, E.FinalizePlan), StatusCode.FailedPrecondition, "ObjectionWindowOpen");
        await _sale.DisputePlanAsync(caseId);
        ApplyTransitionResponse final = await _sale.ApplyAsync(await _sale.DecisionRequestAsync(caseId, E.UpholdPlan));
        Assert.Equal(s_claims.Select(c => S.TransferIdOf(caseId, CaseStep.DistributionPayout, c, attempt: 1)), final.Payouts.Select(p => p.TransferId));
        await _sale.PayoutsPostedAsync(final);
        await _sale.ApplyAsync(S.Request(caseId, E.ConfirmDistribution));
        Assert.Equal("Closed", (await _sale.ApplyAsync(S.Request(caseId, E.Close))).StateName);

        await AssertSettledAsync(caseId, CaseAccountPurpose.Buyer, CaseAccountPurpose.Proceeds);
        Assert.Equal(new long[] { S.CostsFen, S.MortgageFen, S.ClaimAFen, 18_000_000L }, await CreditsPostedAsync(caseId));
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task CourtDenied_TheCaseEnds_NothingMoreMayHappen()
    {
        ByteString caseId = S.IdOf(0x5EA1_0003);
        await _sale.OpenAsync(caseId);
        await _sale.RecordSeizuresAsync(caseId);
        await _sale.ApplyAsync(S.Request(caseId, E.ProposeSale, artefacts: [await _sale.ArtefactAsync(caseId, ArtefactType.MediationRecord, _sale.Notary1, amountFen: S.PriceFen)]));

        // Only the enforcing court may refuse the sale.
        ulong byB = await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtB, ArtefactSubjects.SaleDenial);
        await RefusedAsync(S.Request(caseId, E.DenySale, artefacts: [byB]), StatusCode.FailedPrecondition, "GuardNotSatisfied/WrongIssuer");
        ApplyTransitionResponse denied = await _sale.ApplyAsync(S.Request(caseId, E.DenySale, artefacts: [await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtA, ArtefactSubjects.SaleDenial)]));
        Assert.Equal(("CourtDenied", 20U), (denied.StateName, denied.State));
        Assert.Empty(denied.TransferIds);

        ulong approval = await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtA, ArtefactSubjects.SaleApproval, amountFen: S.FloorFen);
        await RefusedAsync(S.Request(caseId, E.ApproveSale, artefacts: [approval, byB]), StatusCode.FailedPrecondition, "EventNotAllowedInState");
        await RefusedAsync(S.Request(caseId, E.Close), StatusCode.FailedPrecondition, "EventNotAllowedInState");
        Assert.Equal("CourtDenied", (await _sale.GetAsync(caseId)).StateName);
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task BuyerDefault_CourtOrderRefunds_TheForfeitToTheCourtTheRestToTheBuyer_Closed()
    {
        ByteString caseId = S.IdOf(0x5EA1_0004);
        AccountWithBalance bankBefore = await _sale.BankAsync();

        // The agreement's last day for the price was yesterday (the test cannot wait for one to pass); it forfeits 50,000.00 on default.
        await _sale.RunToNotarizedAsync(caseId, _sale.Terms(dueDate: CaseDriver.Today.AddDays(-1), forfeitFen: 5_000_000));
        ApplyTransitionResponse first = await _sale.ApplyAsync(S.Request(caseId, E.ExpectDeposit, 1, 20_000_000));
        ApplyTransitionResponse second = await _sale.ApplyAsync(S.Request(caseId, E.ExpectDeposit, 2, 80_000_000));
        await _sale.StatementAsync(first.TransferIds[0], 20_000_000, 'C');
        ApplyTransitionResponse defaulted = await _sale.ApplyAsync(S.Request(caseId, E.DeclareBuyerDefault));
        Assert.Equal("BuyerDefault", defaulted.StateName);

        // With a forfeit the court's account must be named; then the unpaid tranche is voided, the forfeit goes to the court, the rest back.
        ulong order = await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtA, ArtefactSubjects.RefundOrder);
        await RefusedAsync(S.Request(caseId, E.Refund, artefacts: [order]), StatusCode.InvalidArgument, "CommandInvalid");
        SealedSaleEventRequest refund = S.Request(caseId, E.Refund, artefacts: [order]);
        refund.Payee = S.CourtFundPayee;
        ApplyTransitionResponse refunding = await _sale.ApplyAsync(refund);
        Assert.Equal("Refunding", refunding.StateName);
        Assert.Equal([(S.CourtFundPayee, 5_000_000L), (S.BuyerPayee, 15_000_000L)], refunding.Payouts.Select(p => (p.Payee, p.AmountFen)));
        Assert.Equal(S.TransferIdOf(caseId, CaseStep.DepositVoid, 2), refunding.TransferIds[0]);
        Assert.Equal(second.TransferIds[0], S.TransferIdOf(caseId, CaseStep.BuyerDeposit, 2));

        await RefusedAsync(S.Request(caseId, E.Close), StatusCode.FailedPrecondition, "CaseNotSettled");
        await _sale.PayoutsPostedAsync(refunding);
        Assert.Equal("Closed", (await _sale.ApplyAsync(S.Request(caseId, E.Close))).StateName);

        await AssertSettledAsync(caseId, CaseAccountPurpose.Buyer, CaseAccountPurpose.Proceeds);
        Assert.Equal(5_000_000, (await _sale.BalanceAsync(caseId, CaseAccountPurpose.Proceeds)).CreditsPosted);
        Assert.Equal(20_000_000, (await _sale.BalanceAsync(caseId, CaseAccountPurpose.Buyer)).CreditsPosted);
        await AssertBankMovedAsync(bankBefore, 20_000_000, 20_000_000);
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task RegistryRejected_JointInstructionRefundsTheBuyer_Closed()
    {
        ByteString caseId = S.IdOf(0x5EA1_0005);
        AccountWithBalance bankBefore = await _sale.BankAsync();
        await _sale.RunToNotarizedAsync(caseId, _sale.Terms());
        await _sale.FundAsync(caseId);
        await _sale.IssueAssistanceAsync(caseId);
        ApplyTransitionResponse rejected = await _sale.ApplyAsync(S.Request(caseId, E.RejectRegistration, artefacts: [await _sale.ArtefactAsync(caseId, ArtefactType.RegistryReceipt, _sale.Registry, ArtefactSubjects.RegistrationRefused)]));
        Assert.Equal("RegistryRejected", rejected.StateName);

        // The debtor's forfeit does not apply here: a payee is refused.
        ulong joint = await _sale.ArtefactAsync(caseId, ArtefactType.JointInstruction, _sale.Notary1);
        SealedSaleEventRequest withPayee = S.Request(caseId, E.Refund, artefacts: [joint]);
        withPayee.Payee = S.CourtFundPayee;
        await RefusedAsync(withPayee, StatusCode.InvalidArgument, "CommandInvalid");
        ApplyTransitionResponse refunding = await _sale.ApplyAsync(S.Request(caseId, E.Refund, artefacts: [joint]));
        Assert.Equal([(S.TransferIdOf(caseId, CaseStep.Refund), S.BuyerPayee, S.PriceFen)], refunding.Payouts.Select(p => (p.TransferId, p.Payee, p.AmountFen)));
        await _sale.PayoutsPostedAsync(refunding);
        Assert.Equal("Closed", (await _sale.ApplyAsync(S.Request(caseId, E.Close))).StateName);

        await AssertSettledAsync(caseId, CaseAccountPurpose.Buyer, CaseAccountPurpose.Proceeds);
        Assert.Equal((S.PriceFen, S.PriceFen, 0L), Moved(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Buyer)));
        await AssertBankMovedAsync(bankBefore, S.PriceFen, S.PriceFen);
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task ThirdPartyObjection_StopsTheCase_DismissedResumesWhereItStopped()
    {
        ByteString caseId = S.IdOf(0x5EA1_0006);
        await _sale.RunToNotarizedAsync(caseId, _sale.Terms());
        await _sale.FundAsync(caseId);

        ApplyTransitionResponse objected = await _sale.ApplyAsync(S.Request(caseId, E.ObjectThirdParty, artefacts: [await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtB, ArtefactSubjects.ThirdPartyObjection)]));
        Assert.Equal("ThirdPartyObjection", objected.StateName);
        Assert.Equal("Funded", (await _sale.GetAsync(caseId)).ResumeStateName);
        ulong notice = await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtA, ArtefactSubjects.AssistanceNotice);
        await RefusedAsync(S.Request(caseId, E.IssueAssistance, artefacts: [notice]), StatusCode.FailedPrecondition, "EventNotAllowedInState");

        ApplyTransitionResponse dismissed = await _sale.ApplyAsync(S.Request(caseId, E.DismissObjection, artefacts: [await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtB, ArtefactSubjects.ObjectionDismissed)]));
        Assert.Equal("Funded", dismissed.StateName);
        Assert.Equal(string.Empty, (await _sale.GetAsync(caseId)).ResumeStateName);
        Assert.Equal("AssistanceIssued", (await _sale.ApplyAsync(S.Request(caseId, E.IssueAssistance, artefacts: [notice]))).StateName);
        Assert.Equal((0L, S.PriceFen), Held(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Buyer)));
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task BadInput_ClearStatus_NothingChanged()
    {
        ByteString caseId = S.IdOf(0x5EA1_0007);
        await _sale.RunToNotarizedAsync(caseId, _sale.Terms());
        await _sale.FundAsync(caseId);
        GetSealedSaleResponse funded = await _sale.GetAsync(caseId);

        // Distribution before the title moved: the money is still the buyer's.
        RpcException early = await Assert.ThrowsAsync<RpcException>(() => _sale.ProposeDistributionAsync(caseId, DebtorKind.Individual));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("no proceeds", early.Status.Detail, StringComparison.Ordinal);

        // An event number that is no 带封过户 event.
        foreach (uint number in new uint[] { 0, 23, 300 })
        {
            var request = new SealedSaleEventRequest { CaseId = caseId, Event = number };
            RpcException unknown = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.ApplySealedSaleEventAsync(request));
            Assert.Equal((StatusCode.InvalidArgument, true), (unknown.StatusCode, unknown.Status.Detail.Contains($"event {number} is not a 带封过户 event", StringComparison.Ordinal)));
            RpcException proposed = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.ProposeSealedSaleEventAsync(request));
            Assert.Equal(StatusCode.InvalidArgument, proposed.StatusCode);
        }

        // A 带押过户 call on this case, and a 带封过户 call on a 带押过户 case: NOT_FOUND, saying which kind it is.
        RpcException mortgageCall = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.ApplyTransitionAsync(CaseDriver.Request(caseId, MortgageEvent.Accept)));
        Assert.Equal((StatusCode.NotFound, true), (mortgageCall.StatusCode, mortgageCall.Status.Detail.Contains("is not a 带押过户 case", StringComparison.Ordinal)));
        RpcException mortgageRead = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = caseId }));
        Assert.Equal((StatusCode.NotFound, true), (mortgageRead.StatusCode, mortgageRead.Status.Detail.Contains("is a 带封过户 case", StringComparison.Ordinal)));
        RpcException mortgageDeadlines = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.GetCaseDeadlinesAsync(new GetCaseDeadlinesRequest { CaseId = caseId }));
        Assert.Equal((StatusCode.NotFound, true), (mortgageDeadlines.StatusCode, mortgageDeadlines.Status.Detail.Contains("is not a 带押过户 case", StringComparison.Ordinal)));
        ByteString mortgageCase = S.IdOf(0x5EA1_0107);
        await _sale.Escrow.OpenCaseAsync(new OpenCaseRequest { CaseId = mortgageCase, CaseNumber = "(2026)鲁济南证字第0107号", EscrowBankAccount = CaseDriver.Id(CaseDriver.Bank), Ledger = 1 });
        RpcException saleRead = await Assert.ThrowsAsync<RpcException>(async () => await _sale.GetAsync(mortgageCase));
        Assert.Equal((StatusCode.NotFound, true), (saleRead.StatusCode, saleRead.Status.Detail.Contains("is a 带押过户 case", StringComparison.Ordinal)));
        RpcException saleCall = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.ApplySealedSaleEventAsync(S.Request(mortgageCase, E.Close)));
        Assert.Equal((StatusCode.NotFound, true), (saleCall.StatusCode, saleCall.Status.Detail.Contains("is not a 带封过户 case", StringComparison.Ordinal)));
        Assert.Equal(funded, await _sale.GetAsync(caseId));
        Assert.Equal("Draft", (await _sale.Escrow.GetCaseAsync(new GetCaseRequest { CaseId = mortgageCase })).StateName);

        // Interest by case: who earns a court sale's interest is the court's to decide, so its sub-accounts are named instead.
        RpcException interest = await Assert.ThrowsAsync<RpcException>(async () => await new BankService.BankServiceClient(_sale.Service.Channel).AllocateInterestAsync(new AllocateInterestRequest
        {
            InterestTransferId = S.IdOf(0x1A7E),
            FirstDay = "2026-10-01",
            LastDay = "2026-10-31",
            CaseIds = { caseId },
        }));
        Assert.Equal((StatusCode.InvalidArgument, true), (interest.StatusCode, interest.Status.Detail.Contains("is a 带封过户 case", StringComparison.Ordinal)));

        await _sale.IssueAssistanceAsync(caseId);
        await _sale.ConfirmTransferAsync(caseId);
        ProposeDistributionResponse proposal = await _sale.ProposeDistributionAsync(caseId, DebtorKind.Individual);

        // The court's plan artefact is for another document: refused, naming the rule.
        ulong other = await _sale.ArtefactAsync(caseId, ArtefactType.CourtDocument, _sale.CourtA, ArtefactSubjects.DistributionPlan, amountFen: S.PriceFen);
        SealedSaleEventRequest notTheCourts = S.Request(caseId, E.IssuePlan, artefacts: [other]);
        notTheCourts.Plan = proposal.Plan;
        await RefusedAsync(notTheCourts, StatusCode.FailedPrecondition, "PlanNotTheCourts");

        // The plan changed after the court signed it: one fen moved from A to B.
        ulong signed = await _sale.PlanArtefactAsync(caseId, proposal);
        SealedSaleEventRequest altered = S.Request(caseId, E.IssuePlan, artefacts: [signed]);
        altered.Plan = proposal.Plan.Clone();
        altered.Plan.Allocations[2].AmountFen -= 1;
        altered.Plan.Allocations[3].AmountFen += 1;
        await RefusedAsync(altered, StatusCode.FailedPrecondition, "PlanNotTheCourts");

        // A plan dated before the court's key was bound (three weeks ago) is not the court's signature.
        ulong backdated = await _sale.PlanArtefactAsync(caseId, proposal, DateTimeOffset.UtcNow.AddDays(-21).ToUnixTimeMilliseconds());
        SealedSaleEventRequest old = S.Request(caseId, E.IssuePlan, artefacts: [backdated]);
        old.Plan = proposal.Plan;
        await RefusedAsync(old, StatusCode.FailedPrecondition, "GuardNotSatisfied/SignerKeyNotValid");

        Assert.Equal((0L, S.PriceFen, 0L), Moved(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Proceeds)));
        Assert.Empty((await _sale.Escrow.LookupAccountsAsync(new LookupAccountsRequest { Ids = { CaseDriver.Id(CaseAccounts.Of(S.CaseIdOf(caseId), CaseAccountPurpose.Payee, 3).Value) } })).Accounts);
        SealedSaleEventRequest right = S.Request(caseId, E.IssuePlan, artefacts: [signed]);
        right.Plan = proposal.Plan;
        Assert.Equal("PlanIssued", (await _sale.ApplyAsync(right)).StateName);
        _sale.Service.ThrowIfErrorsLogged();
    }

    [Fact]
    public async Task CaseStatement_HoldsTheIssuedPlanAndItsLinkedAllocations_VerifiesOffline()
    {
        ByteString caseId = S.IdOf(0x5EA1_0008);
        var id = S.CaseIdOf(caseId);
        await _sale.RunToTransferredAsync(caseId);
        ProposeDistributionResponse proposal = await _sale.ProposeDistributionAsync(caseId, DebtorKind.Individual);
        ApplyTransitionResponse issued = await _sale.IssuePlanAsync(caseId, proposal);
        await _sale.WaitSignedAsync(issued.LeafIndex);

        GetCaseStatementResponse statement = await _sale.Escrow.GetCaseStatementAsync(new GetCaseStatementRequest { CaseId = caseId });
        Assert.True(RecordStatement.TryParse(statement.StatementJson, out RecordStatement? parsed).IsValid);
        IReadOnlyList<NoteVerifier> keys = [.. File.ReadAllLines(Path.Combine(_sale.DataDirectory, "notary.vkeys")).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)];
        Assert.True(parsed!.Verify(keys, [LeafType.CaseTransition, LeafType.LedgerBatch], out _, out IReadOnlyList<RecordLeaf> leaves).IsValid);

        // Openings and transitions (schema 3), artefacts (schema 2), ledger batches: each decodes strictly.
        var sales = new List<SealedSaleRecord>();
        var artefacts = new Dictionary<ulong, CaseArtefact>();
        var batches = new List<LedgerBatchRecord>();
        for (int i = 0; i < leaves.Count; i++)
        {
            byte[] record = parsed.Entries[i].Record;
            string reason;
            switch ((leaves[i].Type, leaves[i].RecordSchema))
            {
                case (LeafType.CaseTransition, SealedSaleRecord.Schema):
                    Assert.True(SealedSaleRecord.TryDecode(record, out SealedSaleRecord? sale, out reason), reason);
                    sales.Add(sale!);
                    break;
                case (LeafType.CaseTransition, CaseArtefact.Schema):
                    Assert.True(CaseArtefact.TryDecode(record, out CaseArtefact? artefact, out reason), reason);
                    artefacts.Add(parsed.Entries[i].LeafIndex, artefact!);
                    break;
                case (LeafType.LedgerBatch, LedgerBatchRecord.Schema):
                    Assert.True(LedgerBatchRecord.TryDecode(record, out LedgerBatchRecord? batch, out reason), reason);
                    batches.Add(batch!);
                    break;
                default:
                    Assert.Fail($"leaf {parsed.Entries[i].LeafIndex}: type {leaves[i].Type}, schema {leaves[i].RecordSchema}");
                    break;
            }
        }

        Assert.Equal(id, Assert.Single(sales, s => s.Opening is not null).Opening!.CaseId);
        SealedSaleTransition[] transitions = [.. sales.Where(s => s.Transition is not null).Select(s => s.Transition!)];
        Assert.Equal(
            [E.RecordSeizure, E.RecordSeizure, E.RecordSeizure, E.ProposeSale, E.ApproveSale, E.NotarizeAgreement, E.ExpectDeposit, E.ConfirmFunding, E.IssueAssistance, E.ConfirmTransfer, E.IssuePlan],
            transitions.Select(t => t.Event));
        Assert.Equal(Enumerable.Range(1, transitions.Length).Select(n => (ulong)n), transitions.Select(t => t.Number));
        Assert.All(artefacts.Values, a => Assert.Equal(id, a.CaseId));
        Assert.Equal(3 + 1 + 2 + 3 + 1 + 4 + 1, artefacts.Count);

        // The IssuePlan transition: the plan the court signed (its digests are the plan artefact's), booked as the allocations.
        SealedSaleTransition plan = transitions[^1];
        Assert.Equal((SealedSaleState.Transferred, SealedSaleState.PlanIssued, S.PriceFen), (plan.From, plan.To, plan.AmountFen));
        Assert.Equal(S.DigestsOf(proposal), plan.Plan!.Digests(id));
        CaseArtefact signed = artefacts[Assert.Single(plan.ArtefactLeaves)];
        Assert.Equal((_sale.CourtA, ArtefactSubjects.DistributionPlan, S.DigestsOf(proposal)), (signed.IssuerPartyId, signed.Subject, new Core.Hashing.DigestPair(signed.DocumentSha256, signed.DocumentSm3)));
        Assert.Equal(issued.TransferIds, plan.Transfers.Select(t => CaseDriver.Id(t.Value)));

        // Q4's ledger batch: one pending allocation per claim, proceeds to the claim's payee account, linked: all or none.
        AccountId proceeds = CaseAccounts.Of(id, CaseAccountPurpose.Proceeds);
        LedgerBatchRecord q4 = Assert.Single(batches, b => b.Transfers.Any(t => t.Id == CaseTransferIds.Of(id, CaseStep.Allocation, 1)));
        Assert.Equal(
            s_claims.Select(c => (CaseTransferIds.Of(id, CaseStep.Allocation, c), proceeds, CaseAccounts.Of(id, CaseAccountPurpose.Payee, c))),
            q4.Transfers.Select(t => (t.Id, t.DebitAccountId, t.CreditAccountId)));
        Assert.Equal([2_000_000L, 50_000_000L, 20_571_429L, 27_428_571L], q4.Transfers.Select(t => t.AmountFen));
        Assert.Equal([TransferFlags.Pending | TransferFlags.Linked, TransferFlags.Pending | TransferFlags.Linked, TransferFlags.Pending | TransferFlags.Linked, TransferFlags.Pending], q4.Transfers.Select(t => t.Flags));
        Assert.All(q4.TransferResults, r => Assert.Equal(CreateTransferResult.Ok, r));
        _sale.Service.ThrowIfErrorsLogged();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A liability account's (debits, credits) posted.</summary>
    private static (long Debits, long Credits) Held(AccountWithBalance account) => (account.DebitsPosted, account.CreditsPosted);

    /// <summary>A liability account's (debits posted, credits posted, anything pending).</summary>
    private static (long DebitsPosted, long CreditsPosted, long Pending) Moved(AccountWithBalance account) =>
        (account.DebitsPosted, account.CreditsPosted, account.DebitsPending + account.CreditsPending);

    /// <summary>Applies a request that must be refused with <paramref name="code"/> for <paramref name="rule"/>, and checks the case did not change.</summary>
    private async Task<RpcException> RefusedAsync(SealedSaleEventRequest request, StatusCode code, string rule)
    {
        GetSealedSaleResponse before = await _sale.GetAsync(request.CaseId);
        RpcException refused = await Assert.ThrowsAsync<RpcException>(async () => await _sale.Escrow.ApplySealedSaleEventAsync(request));
        Assert.True(code == refused.StatusCode && refused.Status.Detail.StartsWith(rule + ":", StringComparison.Ordinal), $"wanted {code} {rule}, got {refused.StatusCode} {refused.Status.Detail}");
        Assert.Equal(before, await _sale.GetAsync(request.CaseId));
        return refused;
    }

    /// <summary>Each claim's payee account (1 to 4): its credits pending.</summary>
    private async Task<long[]> CreditsPendingAsync(ByteString caseId) =>
        [.. (await PayeeAccountsAsync(caseId)).Select(a => a.CreditsPending)];

    /// <summary>Each claim's payee account (1 to 4), settled (paid out in full, nothing pending): its credits posted.</summary>
    private async Task<long[]> CreditsPostedAsync(ByteString caseId)
    {
        AccountWithBalance[] payees = await PayeeAccountsAsync(caseId);
        Assert.All(payees, a => Assert.Equal((0L, 0L, a.CreditsPosted), (a.DebitsPending, a.CreditsPending, a.DebitsPosted)));
        return [.. payees.Select(a => a.CreditsPosted)];
    }

    private async Task<AccountWithBalance[]> PayeeAccountsAsync(ByteString caseId)
    {
        var accounts = new List<AccountWithBalance>();
        foreach (byte claim in s_claims)
        {
            accounts.Add(await _sale.BalanceAsync(caseId, CaseAccountPurpose.Payee, claim));
        }

        return [.. accounts];
    }

    private async Task AssertSettledAsync(ByteString caseId, params CaseAccountPurpose[] purposes)
    {
        foreach (CaseAccountPurpose purpose in purposes)
        {
            AccountWithBalance account = await _sale.BalanceAsync(caseId, purpose);
            Assert.True(account.DebitsPending == 0 && account.CreditsPending == 0 && account.DebitsPosted == account.CreditsPosted, $"{purpose}: {account}");
        }
    }

    /// <summary>The escrow bank account took in and paid out exactly these since <paramref name="before"/>, and nothing of it is pending.</summary>
    private async Task AssertBankMovedAsync(AccountWithBalance before, long inFen, long outFen)
    {
        AccountWithBalance after = await _sale.BankAsync();
        Assert.Equal(
            (inFen, outFen, 0L, 0L),
            (after.DebitsPosted - before.DebitsPosted, after.CreditsPosted - before.CreditsPosted, after.DebitsPending - before.DebitsPending, after.CreditsPending - before.CreditsPending));
    }
}
