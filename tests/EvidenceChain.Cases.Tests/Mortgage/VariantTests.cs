using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Tests.Mortgage;

/// <summary>
/// DOMAIN.md §3.6's variants on the pure rules and a real ledger: two payoff legs (a commercial loan
/// and a provident-fund loan, each its own pending and post), the buyer's money in two tranches, and
/// a payee account changed only with a joint instruction and two notaries' approvals.
/// </summary>
public sealed class VariantTests : IDisposable
{
    private readonly CaseHarness _case = new();

    [Fact]
    public void TwoPayoffLegs_TwoTranches_EachLegItsOwnPayment_ReleasedOnlyWithBothCertificates()
    {
        ConditionSet conditions = _case.WorkedExample(LoanRoute.DirectToSeller) with
        {
            PayoffLegs =
            [
                new PayoffLeg(1, LoanKind.Commercial, _case.SellerBank.Id, new PayeeAccount("6222000000000000001", "招商银行还款专户")),
                new PayoffLeg(2, LoanKind.ProvidentFund, _case.BuyerBank.Id, new PayeeAccount("6222000000000000009", "济南住房公积金中心")),
            ],
        };
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [Title()]));
        _case.Accept(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: conditions, Artefacts:
        [
            _case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1),
            _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1),
            _case.Artefact(ArtefactType.LenderConsent, _case.BuyerBank, leg: 2),
            .. _case.Consents(),
        ]));
        _case.Accept(new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 1, AmountFen: 50_000_000));
        _case.Accept(new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 2, AmountFen: 30_000_000));
        Assert.Equal(CaseRejection.CommandInvalid, _case.Run(new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 3, AmountFen: 1)).Rejection); // beyond the buyer's own funds
        _case.StatementPosts(CaseTransferIds.Of(_case.Case.Id, CaseStep.BuyerDeposit, 2), _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmFunding));
        _case.StatementPosts(CaseTransferIds.Of(_case.Case.Id, CaseStep.BuyerDeposit, 1), _case.Day.AddDays(1));
        _case.Accept(new MortgageCommand(MortgageEvent.LockTitle, Artefacts:
        [
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TransferPreNotice),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.MortgagePreNotice),
        ]));

        RecordedArtefact commercial = Quote(_case.SellerBank, 1, 40_000_000), fund = Quote(_case.BuyerBank, 2, 20_085_000);
        Assert.Equal(GuardRejection.WrongIssuer, _case.Run(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 2, Artefacts: [Quote(_case.SellerBank, 2, 20_085_000), Title()])).Guard);
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [commercial, Title()]));
        _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [commercial]));
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 2, Artefacts: [fund, Title()]));
        _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 2, Artefacts: [fund]));
        _case.StatementPosts(CaseTransferIds.Of(_case.Case.Id, CaseStep.PayoffPayment, 1), _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmPayoff, Leg: 1));
        Assert.Equal(MortgageState.PayoffSent, _case.Case.State); // leg 2 is still out
        _case.StatementPosts(CaseTransferIds.Of(_case.Case.Id, CaseStep.PayoffPayment, 2), _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmPayoff, Leg: 2));
        Assert.Equal(MortgageState.PayoffConfirmed, _case.Case.State);

        RecordedArtefact cancelled = _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.MortgageCancelled);
        Assert.Equal(CaseRejection.ArtefactCountMismatch, _case.Run(new MortgageCommand(MortgageEvent.ReleaseMortgage, Artefacts: [_case.Artefact(ArtefactType.SettlementCertificate, _case.SellerBank, leg: 1), cancelled])).Rejection);
        _case.Accept(new MortgageCommand(MortgageEvent.ReleaseMortgage, Artefacts:
        [
            _case.Artefact(ArtefactType.SettlementCertificate, _case.SellerBank, leg: 1),
            _case.Artefact(ArtefactType.SettlementCertificate, _case.BuyerBank, leg: 2),
            cancelled,
        ]));
        Assert.Equal([(1, 40_000_000L), (2, 20_085_000L)], _case.Case.Legs.Select(l => ((int)l.Leg, l.ReservedFen)));
        Assert.Equal(new DateOnly(2025, 12, 1), _case.Case.DepositDate); // the first tranche on the statement
    }

    [Fact]
    public void AmendPayee_NeedsAJointInstructionAndTwoApprovals_ThenThePayoutGoesToTheNewAccount()
    {
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [Title()]));
        _case.Accept(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: _case.WorkedExample(LoanRoute.DirectToSeller), Artefacts:
        [
            _case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1),
            _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1),
            .. _case.Consents(),
        ]));
        var newAccount = new PayeeAccount("6228480000000000099", "张三");
        var amend = new MortgageCommand(MortgageEvent.AmendPayee, Payee: newAccount, PayeeTarget: PayeeTarget.Seller, Artefacts: [_case.Artefact(ArtefactType.JointInstruction, _case.Notary1)]);

        MortgageDecision unapproved = _case.Run(amend, approve: false);
        Assert.Equal((CaseRejection.ApprovalsInvalid, ApprovalRejection.TooFewApprovals), (unapproved.Rejection, unapproved.Approval));
        Assert.Equal(CaseRejection.ArtefactCountMismatch, _case.Run(amend with { Artefacts = [] }).Rejection);
        MortgageDecision amended = _case.Accept(amend);

        Assert.Equal(newAccount, Assert.Single(amended.Payouts).Payee);
        Assert.Equal(2, amended.Transition!.Approvals.Count);
        Assert.Equal(newAccount, _case.Case.Conditions!.SellerPayee);
        Assert.Equal(MortgageState.AgreementNotarized, _case.Case.State);
    }

    [Fact]
    public void TitleLock_TheDeploymentSwitchOverridesAnAgreementWithoutIt()
    {
        ConditionSet withoutLock = _case.WorkedExample(LoanRoute.DirectToSeller) with { TitleLockRequired = false };
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [Title()]));
        var notarize = new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: withoutLock, Artefacts:
        [
            _case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1),
            _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1),
            .. _case.Consents(),
        ]);

        MortgageDecision refused = MortgageRules.Decide(_case.Case, notarize, _case.Context);
        MortgageDecision allowed = MortgageRules.Decide(_case.Case, notarize, _case.Context with { TitleLockRequired = false });

        Assert.Equal(CaseRejection.ConditionSetInvalid, refused.Rejection);
        Assert.Contains("Cases:TitleLockRequired", refused.Detail, StringComparison.Ordinal);
        Assert.True(allowed.IsAccepted);
    }

    [Fact]
    public void CoOwners_EachConsentsInPerson_OneMissingOrAnothersRefused()
    {
        Core.Access.Party coOwner = _case.AddParty(Core.Access.PartyRole.Enterprise);
        ConditionSet conditions = _case.WorkedExample(LoanRoute.DirectToSeller) with { SellerPartyIds = [_case.Seller.Id, coOwner.Id] };
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [Title()]));
        RecordedArtefact[] common = [_case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1), _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1)];
        RecordedArtefact buyer = _case.Artefact(ArtefactType.PartyConsent, _case.Buyer), seller = _case.Artefact(ArtefactType.PartyConsent, _case.Seller);

        MortgageDecision missing = _case.Run(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: conditions, Artefacts: [.. common, buyer, seller]));
        MortgageDecision another = _case.Run(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: conditions, Artefacts: [.. common, buyer, seller, seller]));
        MortgageDecision all = _case.Run(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: conditions, Artefacts: [.. common, buyer, seller, _case.Artefact(ArtefactType.PartyConsent, coOwner)]));

        Assert.Equal(CaseRejection.ArtefactCountMismatch, missing.Rejection);
        Assert.Equal((CaseRejection.GuardNotSatisfied, GuardRejection.WrongIssuer), (another.Rejection, another.Guard));
        Assert.True(all.IsAccepted, all.Detail);
    }

    [Fact]
    public void Interest_TheCasesSubAccountsClaim_ToTheSellerByDefault_OrEachItsOwn()
    {
        Assert.Empty(CaseInterest.ClaimsOf(_case.Case)); // no agreement yet
        MortgageCase agreed = _case.Case with { Conditions = _case.WorkedExample() };
        AccountId seller = _case.AccountOf(CaseAccountPurpose.Seller);

        IReadOnlyList<Ledger.Banking.InterestClaim> toPayee = CaseInterest.ClaimsOf(agreed);
        IReadOnlyList<Ledger.Banking.InterestClaim> ownBalance = CaseInterest.ClaimsOf(agreed with { Conditions = agreed.Conditions! with { InterestRule = Ledger.Banking.InterestRule.FollowsBalance } });

        Assert.Equal([_case.AccountOf(CaseAccountPurpose.Buyer), seller, _case.AccountOf(CaseAccountPurpose.Payoff, 1)], toPayee.Select(c => c.SubAccount));
        Assert.All(toPayee, c => Assert.Equal(seller, c.Recipient));
        Assert.All(ownBalance, c => Assert.Equal(c.SubAccount, c.Recipient));
    }

    public void Dispose() => _case.Dispose();

    private RecordedArtefact Title() => _case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean);

    private RecordedArtefact Quote(Core.Access.Party lender, byte leg, long amountFen) =>
        _case.Artefact(ArtefactType.PayoffQuote, lender, leg: leg, amountFen: amountFen, validThrough: _case.Day.AddDays(5));
}
