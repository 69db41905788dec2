using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Mortgage;

/// <summary>
/// Every event out of order refused, and DOMAIN.md §3.5's failure paths on the pure rules and a real
/// ledger: guards that name what is wrong, a returned payment, an unknown outcome, a failed transfer
/// after the payoff, a court freeze, a dispute, a drifting quote, and a refund that never opens on a timeout.
/// </summary>
public sealed class FailurePathTests : IDisposable
{
    private readonly CaseHarness _case = new();

    [Fact]
    public void Decide_EveryEventInEveryState_RefusedExactlyWhenTheTableForbidsIt()
    {
        // A case past its agreement, as far as each state needs: conditions, one leg, one tranche, one freeze.
        ConditionSet conditions = _case.WorkedExample();
        MortgageCase agreed = _case.Case with
        {
            Conditions = conditions,
            Legs = [new LegStanding(1, LegState.Reserved, 60_085_000, 0, 0)],
            Tranches = [80_000_000],
            Freezes = [new FreezeOrder(1, _case.AccountOf(CaseAccountPurpose.Buyer), 1, true)],
            DepositDate = _case.Day,
        };
        foreach (MortgageState state in Enum.GetValues<MortgageState>())
        {
            foreach (MortgageEvent @event in Enum.GetValues<MortgageEvent>())
            {
                MortgageDecision decision = MortgageRules.Decide(agreed with { State = state, Resume = MortgageState.Funded }, new MortgageCommand(@event), _case.Context);

                Assert.True(
                    MortgageTransitions.IsAllowed(state, @event) != (decision.Rejection == CaseRejection.EventNotAllowedInState),
                    $"{@event} in {state}: {decision.Rejection} {decision.Detail}");
            }
        }
    }

    [Fact]
    public void Guards_WrongTypeWrongCaseNotYetIncludedExpired_EachNamed()
    {
        Assert.Equal(GuardRejection.WrongArtefactType, GuardOf(new MortgageCommand(MortgageEvent.Accept, Artefacts: [_case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TransferPreNotice)])));
        Assert.Equal(GuardRejection.WrongCase, GuardOf(new MortgageCommand(MortgageEvent.Accept, Artefacts: [_case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean, caseId: new CaseId(0xCA5E_0002))])));
        RecordedArtefact late = _case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean);
        _case.SignedTreeSize = late.LeafIndex;
        Assert.Equal(GuardRejection.NotYetIncluded, GuardOf(new MortgageCommand(MortgageEvent.Accept, Artefacts: [late])));
        _case.SignedTreeSize = ulong.MaxValue;

        ToFundedAndLocked();
        RecordedArtefact expired = Quote(60_085_000, validThrough: _case.Day.AddDays(-1));
        Assert.Equal(GuardRejection.Expired, GuardOf(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [expired, CleanTitleToday()])));
        Assert.Equal(GuardRejection.NotSameDay, GuardOf(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [Quote(60_085_000), _case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean, issuedOn: _case.Day.AddDays(-1))])));
        Assert.Equal(MortgageState.TitleLocked, _case.Case.State);
    }

    [Fact]
    public void BankReturnsThePayoff_VoidedAndStaysReserved_ResentUnderANewId()
    {
        ToFundedAndLocked();
        RecordedArtefact quote = Quote(60_085_000);
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [quote, CleanTitleToday()]));
        _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [quote]));
        TransferId first = CaseTransferIds.Of(_case.Case.Id, CaseStep.PayoffPayment, 1);

        // Outcome unknown: nothing resolves it but the statement, and a return needs the bank's notice.
        Assert.Equal(CaseRejection.PaymentNotOnStatement, _case.Run(new MortgageCommand(MortgageEvent.ConfirmPayoff, Leg: 1)).Rejection);
        Assert.Equal(CaseRejection.ArtefactCountMismatch, _case.Run(new MortgageCommand(MortgageEvent.ReturnPayoff, Leg: 1)).Rejection);
        Assert.Equal(TransferState.Pending, _case.Ledger.StateOf(first));

        _case.Accept(new MortgageCommand(MortgageEvent.ReturnPayoff, Leg: 1, Artefacts: [_case.Artefact(ArtefactType.BankStatementLine, _case.EscrowBankParty, ArtefactSubjects.PaymentReturned, leg: 1)]));
        Assert.Equal((MortgageState.PayoffReserved, TransferState.PendingVoided), (_case.Case.State, _case.Ledger.StateOf(first)));
        Assert.Equal(60_085_000, _case.Held(_case.AccountOf(CaseAccountPurpose.Payoff, 1)));

        MortgageDecision again = _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [quote]));
        Assert.Equal(CaseTransferIds.Of(_case.Case.Id, CaseStep.PayoffPayment, 1, 1), Assert.Single(again.Payouts).TransferId);
        Assert.NotEqual(first, again.Payouts[0].TransferId);
    }

    [Fact]
    public void Payout_OneApprovalOrAnotherAmountSigned_Refused()
    {
        ToFundedAndLocked();
        RecordedArtefact quote = Quote(60_085_000);
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [quote, CleanTitleToday()]));
        var send = new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [quote]);
        MortgageDecision unapproved = _case.Run(send, approve: false);
        byte[] exact = ApprovalMessage.Of(_case.Case.Id, _case.Case.TransitionCount + 1, (byte)MortgageEvent.SendPayoff, unapproved.Payouts);
        byte[] otherAmount = ApprovalMessage.Of(_case.Case.Id, _case.Case.TransitionCount + 1, (byte)MortgageEvent.SendPayoff, [unapproved.Payouts[0] with { AmountFen = 1 }]);

        MortgageDecision one = _case.Run(send with { Approvals = [_case.Approval(_case.Notary1, exact)] }, approve: false);
        MortgageDecision mismatched = _case.Run(send with { Approvals = [_case.Approval(_case.Notary1, exact), _case.Approval(_case.Notary2, otherAmount)] }, approve: false);

        Assert.Equal((CaseRejection.ApprovalsInvalid, ApprovalRejection.TooFewApprovals), (unapproved.Rejection, unapproved.Approval));
        Assert.Equal(ApprovalRejection.TooFewApprovals, one.Approval);
        Assert.Equal(ApprovalRejection.SignatureInvalid, mismatched.Approval);
        Assert.Equal(MortgageState.PayoffReserved, _case.Case.State);
        Assert.Null(_case.Ledger.StateOf(unapproved.Payouts[0].TransferId));
    }

    [Fact]
    public void TitleLockRequired_PayoffFromFunded_Refused()
    {
        ToFunded();

        Assert.Equal(CaseRejection.TitleNotLocked, _case.Run(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [Quote(60_085_000), CleanTitleToday()])).Rejection);
    }

    [Fact]
    public void QuoteDrift_HigherQuoteNeedsTheSellersConsent_SendNeedsTheQuoteEarmarked()
    {
        ToFundedAndLocked();
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [Quote(60_085_000), CleanTitleToday()]));
        RecordedArtefact higher = Quote(60_100_000);

        Assert.Equal(CaseRejection.CommandInvalid, _case.Run(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [higher])).Rejection);
        Assert.Equal(CaseRejection.ArtefactCountMismatch, _case.Run(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [higher, CleanTitleToday()])).Rejection);
        MortgageDecision adjusted = _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [higher, CleanTitleToday(), _case.Artefact(ArtefactType.JointInstruction, _case.Notary1)]));

        Assert.Equal(15_000, Assert.Single(adjusted.Transfers).AmountFen);
        Assert.Equal(60_100_000, _case.Held(_case.AccountOf(CaseAccountPurpose.Payoff, 1)));
        _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [higher]));
    }

    [Fact]
    public void Refund_NeverWithoutEvidence_WithTheSellersWaiver_ReleasesTheEarmarkAndCloses()
    {
        ToFundedAndLocked();
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [Quote(60_085_000), CleanTitleToday()]));

        Assert.Equal(CaseRejection.ArtefactCountMismatch, _case.Run(new MortgageCommand(MortgageEvent.Refund)).Rejection);
        Assert.Equal(GuardRejection.WrongArtefactType, GuardOf(new MortgageCommand(MortgageEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.Objection, _case.Buyer)])));
        MortgageDecision refund = _case.Accept(new MortgageCommand(MortgageEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.Waiver, _case.Seller)]));

        Assert.Equal(("6228480000000000003", 80_000_000L), (Assert.Single(refund.Payouts).Payee.BankAccount, refund.Payouts[0].AmountFen));
        Assert.Equal(MortgageState.Refunding, _case.Case.State);
        Assert.Equal(CaseRejection.CaseNotSettled, _case.Run(new MortgageCommand(MortgageEvent.Close)).Rejection);
        _case.StatementPosts(refund.Payouts[0].TransferId, _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.Close));
        Assert.Equal(0, _case.Held(_case.AccountOf(CaseAccountPurpose.Payoff, 1)));
    }

    [Fact]
    public void TransferFailsAfterPayoff_Unwind_RestRefunded_BuyersClaimInMemo()
    {
        ToPayoffConfirmed();

        MortgageDecision unwound = _case.Accept(new MortgageCommand(MortgageEvent.Unwind, Artefacts: [_case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.RegistrationRefused)]));

        Assert.Equal(MortgageState.UnwindingAfterPayoff, _case.Case.State);
        Assert.Equal(19_915_000, Assert.Single(unwound.Payouts).AmountFen);
        Assert.Equal(60_085_000, _case.Held(_case.AccountOf(CaseAccountPurpose.BuyerClaim)));
        _case.StatementPosts(unwound.Payouts[0].TransferId, _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.Close));
        Assert.Equal(60_085_000, _case.Held(_case.AccountOf(CaseAccountPurpose.BuyerClaim)));
    }

    [Fact]
    public void CourtFreeze_HoldsTheAmount_BlocksSettlement_DeductionPaysTheCourt()
    {
        ToFundedAndLocked();
        var freeze = new MortgageCommand(MortgageEvent.Freeze, Leg: 1, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.Court, ArtefactSubjects.Freeze, leg: 1, amountFen: 5_000_000)]);

        _case.Accept(freeze);
        Assert.Equal((MortgageState.FrozenByCourt, MortgageState.TitleLocked), (_case.Case.State, _case.Case.Resume));
        Assert.Equal(75_000_000, _case.Held(_case.AccountOf(CaseAccountPurpose.Buyer)) - _case.Ledger.BalanceOf(_case.AccountOf(CaseAccountPurpose.Buyer))!.Value.DebitsPending);
        Assert.Equal(CaseRejection.EventNotAllowedInState, _case.Run(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1)).Rejection);

        var courtAccount = new PayeeAccount("6217000000000000009", "济南市中级人民法院执行款专户");
        MortgageDecision deducted = _case.Accept(new MortgageCommand(MortgageEvent.Deduct, Leg: 1, Payee: courtAccount, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.Court, ArtefactSubjects.Deduction, leg: 1)]));

        Assert.Equal(MortgageState.TitleLocked, _case.Case.State);
        Assert.Equal((courtAccount, 5_000_000L), (Assert.Single(deducted.Payouts).Payee, deducted.Payouts[0].AmountFen));
        Assert.Equal(75_000_000, _case.Held(_case.AccountOf(CaseAccountPurpose.Buyer)));
        Assert.Equal(CaseRejection.EventNotAllowedInState, _case.Run(new MortgageCommand(MortgageEvent.Unfreeze, Leg: 1)).Rejection);
    }

    [Fact]
    public void Dispute_BlocksEveryPayout_UntilAJointInstruction()
    {
        ToFundedAndLocked();

        _case.Accept(new MortgageCommand(MortgageEvent.Dispute, Artefacts: [_case.Artefact(ArtefactType.Objection, _case.Buyer)]));
        Assert.Equal(CaseRejection.EventNotAllowedInState, _case.Run(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [Quote(60_085_000), CleanTitleToday()])).Rejection);
        Assert.Equal(CaseRejection.EventNotAllowedInState, _case.Run(new MortgageCommand(MortgageEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.Waiver, _case.Seller)])).Rejection);
        _case.Accept(new MortgageCommand(MortgageEvent.ResolveDispute, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.Court, ArtefactSubjects.DisputeDecision)]));

        Assert.Equal((MortgageState.TitleLocked, (MortgageState?)null), (_case.Case.State, _case.Case.Resume));
    }

    [Fact]
    public void CertificateAndNotice_RecordedOnTheNotarysEvidence_TheStateStays()
    {
        Assert.Equal(CaseRejection.EventNotAllowedInState, _case.Run(new MortgageCommand(MortgageEvent.RecordCertificate)).Rejection); // no deposit yet
        ToFunded();

        Assert.Equal(GuardRejection.IssuerRoleNotAllowed, GuardOf(new MortgageCommand(MortgageEvent.RecordCertificate, Artefacts: [_case.Artefact(ArtefactType.EscrowCertificate, _case.Seller)])));
        _case.Accept(new MortgageCommand(MortgageEvent.RecordCertificate, Artefacts: [_case.Artefact(ArtefactType.EscrowCertificate, _case.Notary1)]));
        Assert.Equal(CaseRejection.CommandInvalid, _case.Run(new MortgageCommand(MortgageEvent.RecordNotice, Leg: 3)).Rejection);
        Assert.Equal(GuardRejection.WrongSubject, GuardOf(new MortgageCommand(MortgageEvent.RecordNotice, Leg: 1, Artefacts: [_case.Artefact(ArtefactType.Notice, _case.Notary2, ArtefactSubjects.PublicNoticePublished)])));
        _case.Accept(new MortgageCommand(MortgageEvent.RecordNotice, Leg: 1, Artefacts: [_case.Artefact(ArtefactType.Notice, _case.Notary2, ArtefactSubjects.NoticeDelivered)]));

        Assert.Equal((MortgageState.Funded, true, true, false), (_case.Case.State, _case.Case.CertificateIssued, _case.Case.NoticeDelivered, _case.Case.PublicNoticePublished));
    }

    public void Dispose() => _case.Dispose();

    private GuardRejection GuardOf(MortgageCommand command)
    {
        MortgageDecision decision = _case.Run(command);
        Assert.Equal(CaseRejection.GuardNotSatisfied, decision.Rejection);
        return decision.Guard;
    }

    private RecordedArtefact Quote(long amountFen, DateOnly? validThrough = null) =>
        _case.Artefact(ArtefactType.PayoffQuote, _case.SellerBank, leg: 1, amountFen: amountFen, validThrough: validThrough ?? _case.Day.AddDays(5));

    private RecordedArtefact CleanTitleToday() => _case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean);

    private void ToFunded()
    {
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [CleanTitleToday()]));
        _case.Accept(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: _case.WorkedExample(LoanRoute.DirectToSeller), Artefacts:
        [
            _case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1),
            _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1),
            .. _case.Consents(),
        ]));
        _case.Accept(new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 1, AmountFen: 80_000_000));
        _case.StatementPosts(CaseTransferIds.Of(_case.Case.Id, CaseStep.BuyerDeposit, 1), _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmFunding));
    }

    private void ToFundedAndLocked()
    {
        ToFunded();
        _case.Accept(new MortgageCommand(MortgageEvent.LockTitle, Artefacts:
        [
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TransferPreNotice),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.MortgagePreNotice),
        ]));
    }

    private void ToPayoffConfirmed()
    {
        ToFundedAndLocked();
        RecordedArtefact quote = Quote(60_085_000);
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [quote, CleanTitleToday()]));
        _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [quote]));
        _case.StatementPosts(CaseTransferIds.Of(_case.Case.Id, CaseStep.PayoffPayment, 1), _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmPayoff, Leg: 1));
    }
}
