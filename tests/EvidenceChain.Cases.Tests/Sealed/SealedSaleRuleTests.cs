using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Access;
using EvidenceChain.Ledger.Escrow;
using H = EvidenceChain.Cases.Tests.Sealed.SealedSaleHarness;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// The sealed-sale rules refusing what they must: events out of state, seizures out of order or
/// without a first, a sale with nothing seized, a price below the floor, and a court plan that is
/// not the court's, over-pays a claim or distributes other than what the case holds.
/// </summary>
public sealed class SealedSaleRuleTests : IDisposable
{
    private readonly H _case = new();

    [Fact]
    public void Decide_EveryEventInEveryState_RefusedExactlyWhenTheTableForbidsIt()
    {
        // A case far enough along for every state's events to be looked at: seizures, terms, a tranche, a plan, a resume state.
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);
        SealedSaleCase along = _case.Case with
        {
            Seizures = [new Seizure(1, 1, _case.CourtA.Id, "(2025)鲁0102执1001号", H.MsOf(H.SeizureADay), SeizureRank.First, H.ClaimAFen, 0)],
            Conditions = _case.Terms(),
            Tranches = [H.PriceFen],
            Plan = plan,
            PlanReceivedDay = _case.Day,
            Resume = SealedSaleState.Funded,
        };
        foreach (SealedSaleState state in Enum.GetValues<SealedSaleState>())
        {
            foreach (SealedSaleEvent @event in Enum.GetValues<SealedSaleEvent>())
            {
                SealedSaleDecision decision = SealedSaleRules.Decide(along with { State = state }, new SealedSaleCommand(@event), _case.Context);

                Assert.True(
                    SealedSaleTransitions.IsAllowed(state, @event) != (decision.Rejection == CaseRejection.EventNotAllowedInState),
                    $"{@event} in {state}: {decision.Rejection} {decision.Detail}");
                Assert.False(decision.IsAccepted && SealedSaleTransitions.Ended.Contains(state), $"{@event} accepted in ended {state}");
            }
        }
    }

    [Fact]
    public void ProposeSale_NothingSeized_SeizuresIncomplete()
    {
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ProposeSale, Artefacts: [Mediation()]), CaseRejection.SeizuresIncomplete);
    }

    [Fact]
    public void RecordSeizure_AWaitingSeizureWithoutAFirst_Refused()
    {
        SealedSaleDecision waiting = _case.Refused(
            new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1, Artefacts: [_case.SeizureOf(_case.CourtB, SeizureRank.Waiting, 1, H.ClaimBFen, H.SeizureBDay, "(2025)鲁0103执2002号")]),
            CaseRejection.CommandInvalid);
        Assert.Contains("no first seizure", waiting.Detail, StringComparison.Ordinal);
        Assert.Empty(_case.Case.Seizures);
    }

    [Fact]
    public void EnforcingCourt_IsTheCourtOfTheEarliestFirstSeizure_NotTheFirstRecorded()
    {
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1, Artefacts: [_case.SeizureOf(_case.CourtA, SeizureRank.First, 1, H.ClaimAFen, H.SeizureBDay, "(2025)鲁0102执1001号")]));
        Assert.Equal(_case.CourtA.Id, _case.Case.EnforcingCourtPartyId);

        // Court B sealed property 2 before court A sealed property 1; its seizure is recorded second.
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 2, Artefacts: [_case.SeizureOf(_case.CourtB, SeizureRank.First, 2, H.ClaimBFen, H.SeizureADay, "(2025)鲁0103执2002号")]));
        Assert.Equal(_case.CourtB.Id, _case.Case.EnforcingCourtPartyId);
        Assert.Equal([_case.CourtA.Id], _case.Case.OtherSeizingCourts);
    }

    [Fact]
    public void RecordSeizure_OutOfNumberOrder_ASecondFirst_NoProperty_CommandInvalid()
    {
        RecordedArtefact first = _case.SeizureOf(_case.CourtA, SeizureRank.First, 1, H.ClaimAFen, H.SeizureADay, "(2025)鲁0102执1001号");
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 2, Artefacts: [first]), CaseRejection.CommandInvalid);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 0, Artefacts: [first]), CaseRejection.CommandInvalid);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1, Artefacts: [_case.SeizureOf(_case.CourtA, SeizureRank.First, 0, H.ClaimAFen, H.SeizureADay, "x")]), CaseRejection.CommandInvalid);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1, Artefacts: [first]));
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 1, Artefacts: [_case.SeizureOf(_case.CourtB, SeizureRank.First, 1, H.ClaimBFen, H.SeizureBDay, "y")]), CaseRejection.CommandInvalid);
        SealedSaleDecision secondFirst = _case.Refused(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 2, Artefacts: [_case.SeizureOf(_case.CourtB, SeizureRank.First, 1, H.ClaimBFen, H.SeizureBDay, "y")]), CaseRejection.CommandInvalid);
        Assert.Contains("already has its first seizure", secondFirst.Detail, StringComparison.Ordinal);

        // A seizure document from a party that is not a court fails the guard.
        SealedSaleDecision notACourt = _case.Refused(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 2, Artefacts: [_case.SeizureOf(_case.Buyer, SeizureRank.Waiting, 1, H.ClaimBFen, H.SeizureBDay, "z")]), CaseRejection.GuardNotSatisfied);
        Assert.Equal(GuardRejection.IssuerRoleNotAllowed, notACourt.Guard);
    }

    [Fact]
    public void RecordSeizure_AfterTheProposal_AnotherSeizureOfTheSoldPropertyAccepted_ANewPropertyRefused()
    {
        _case.RunToNotarized(_case.Terms());
        Party courtC = _case.AddParty(PartyRole.Court);

        SealedSaleDecision newProperty = _case.Refused(
            new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 3, Artefacts: [_case.SeizureOf(courtC, SeizureRank.First, 2, 10_000_000, _case.Day, "(2025)鲁0104执3003号")]),
            CaseRejection.CommandInvalid);
        Assert.Contains("not in the sale", newProperty.Detail, StringComparison.Ordinal);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.RecordSeizure, Leg: 3, Artefacts: [_case.SeizureOf(courtC, SeizureRank.Waiting, 1, 10_000_000, _case.Day, "(2025)鲁0104执3003号")]));

        // The late seizure changes no consent and no receipt: the case runs on to the transfer as before.
        Assert.Equal([(byte)1], _case.Case.Properties);
        Assert.Equal(_case.CourtA.Id, _case.Case.EnforcingCourtPartyId);
        _case.Fund();
        _case.IssueAssistance();
        _case.ConfirmTransfer();
        Assert.Equal(SealedSaleState.Transferred, _case.Case.State);
    }

    [Fact]
    public void NotarizeAgreement_PriceBelowTheFloor_PriceBelowFloor_AtTheFloor_Accepted()
    {
        _case.RecordDomainSeizures();
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ProposeSale, Artefacts: [Mediation()]));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ApproveSale, Artefacts:
        [
            _case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.SaleApproval, amountFen: 95_000_000),
            _case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.SaleConsent),
        ]));

        SealedSaleConditions below = _case.Terms(priceFen: 94_999_999);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.NotarizeAgreement, Conditions: below, Artefacts: _case.AgreementArtefacts(below)), CaseRejection.PriceBelowFloor);
        SealedSaleConditions atFloor = _case.Terms(priceFen: 95_000_000);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.NotarizeAgreement, Conditions: atFloor, Artefacts: _case.AgreementArtefacts(atFloor)));
    }

    [Fact]
    public void IssuePlan_NotTheCourtsPlan_PlanNotTheCourts()
    {
        _case.RunToTransferred();
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);

        // The court signed another document, or the plan with another net figure, or this plan for another case.
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.DistributionPlan, amountFen: H.PriceFen)]), CaseRejection.PlanNotTheCourts);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.DistributionPlan, amountFen: H.PriceFen - 1, document: plan.Digests(_case.Case.Id))]), CaseRejection.PlanNotTheCourts);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.DistributionPlan, amountFen: H.PriceFen, document: plan.Digests(new CaseId(0x5EA1_0002)))]), CaseRejection.PlanNotTheCourts);

        // The creditor's account changed after the court signed: the digests differ.
        DistributionPlan redirected = plan with { Payees = [.. H.DomainPayees.Take(3), new ClaimPayee(4, new PayeeAccount("6228480000000000099", "债权人乙"))] };
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: redirected, Artefacts: [_case.PlanArtefact(plan)]), CaseRejection.PlanNotTheCourts);

        // Only the enforcing court's plan is the court's.
        SealedSaleDecision byB = _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: plan, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.DistributionPlan, amountFen: H.PriceFen, document: plan.Digests(_case.Case.Id))]), CaseRejection.GuardNotSatisfied);
        Assert.Equal(GuardRejection.WrongIssuer, byB.Guard);
        _case.IssuePlan(plan);
    }

    [Fact]
    public void IssuePlan_AClaimOverPaid_PlanInvalid()
    {
        _case.RunToTransferred(DebtorKind.Company);
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Company), H.DomainPayees);
        DistributionPlan overPaid = plan with { Allocations = [new(1, H.CostsFen), new(2, H.MortgageFen), new(3, H.ClaimAFen + 1), new(4, 17_999_999)] };

        SealedSaleDecision decision = _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: overPaid, Artefacts: [_case.PlanArtefact(overPaid)]), CaseRejection.PlanInvalid);
        Assert.StartsWith(nameof(PlanRejection.ClaimExceeded), decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IssuePlan_NetProceedsOtherThanHeld_PlanInvalid()
    {
        _case.RunToTransferred();
        DistributionPlan less = H.PlanOf(H.PriceFen - 100, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);

        SealedSaleDecision decision = _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: less, Artefacts: [_case.PlanArtefact(less)]), CaseRejection.PlanInvalid);
        Assert.Contains("the case holds", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void IssuePlan_AClaimWithoutPayeeOrALowerTierPaidFirst_PlanInvalid()
    {
        _case.RunToTransferred();
        DistributionPlan plan = H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees);
        DistributionPlan noPayee = plan with { Payees = [.. H.DomainPayees.Take(3)] };
        SealedSaleDecision unpaid = _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: noPayee, Artefacts: [_case.PlanArtefact(plan)]), CaseRejection.PlanInvalid);
        Assert.Contains("payee", unpaid.Detail, StringComparison.Ordinal);
        DistributionPlan ordinaryFirst = plan with { Allocations = [new(1, 0), new(2, H.MortgageFen), new(3, 22_000_000), new(4, 28_000_000)] };

        SealedSaleDecision lower = _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: ordinaryFirst, Artefacts: [_case.PlanArtefact(ordinaryFirst)]), CaseRejection.PlanInvalid);
        Assert.StartsWith(nameof(PlanRejection.LowerTierPaidWhileHigherShort), lower.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfirmTransfer_AReceiptForAnotherProperty_WrongLeg()
    {
        _case.RunToNotarized(_case.Terms());
        _case.Fund();
        _case.IssueAssistance();
        SealedSaleDecision decision = _case.Refused(new SealedSaleCommand(SealedSaleEvent.ConfirmTransfer, Artefacts:
        [
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.Unsealed, 2),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TitleTransferred, 1),
        ]), CaseRejection.GuardNotSatisfied);
        Assert.Equal(GuardRejection.WrongLeg, decision.Guard);
        Assert.Equal(0, _case.Held(_case.AccountOf(CaseAccountPurpose.Proceeds)));
    }

    [Fact]
    public void ExpectDeposit_ZeroOrOutOfOrderOrPastThePrice_CommandInvalid()
    {
        _case.RunToNotarized(_case.Terms());
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: 0), CaseRejection.CommandInvalid);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: -5), CaseRejection.CommandInvalid);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 2, AmountFen: 5), CaseRejection.CommandInvalid);
        _case.Refused(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: H.PriceFen + 1), CaseRejection.CommandInvalid);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: H.PriceFen));
        Assert.Equal(TransferState.Pending, _case.Ledger.StateOf(_case.IdOf(CaseStep.BuyerDeposit, 1)));
    }

    [Fact]
    public void IssuePlan_TheMostClaims_63AndASurplus_FinalizedInOneTransitionThatRecords_64Refused()
    {
        const long price = 200_000_000;
        _case.RunToTransferred(DebtorKind.Individual, price);
        _case.Day = new DateOnly(2025, 12, 10);
        ClaimTier[] tooMany = [new(TierKind.Ordinary, TierMode.ProRata, [.. Enumerable.Range(1, DistributionPlan.ClaimCountMax + 1).Select(n => new Claim((byte)n, 1_000_000, n))])];
        ClaimPayee[] payees = [.. Enumerable.Range(1, DistributionPlan.ClaimCountMax + 1).Select(n => new ClaimPayee((byte)n, new PayeeAccount($"62220000{n:D3}", $"债权人{n}")))];
        DistributionPlan over = H.PlanOf(price, tooMany, payees);
        SealedSaleDecision refused = _case.Refused(new SealedSaleCommand(SealedSaleEvent.IssuePlan, Plan: over, Artefacts: [_case.PlanArtefact(over)]), CaseRejection.PlanInvalid);
        Assert.Contains($"at most {DistributionPlan.ClaimCountMax} claims", refused.Detail, StringComparison.Ordinal);

        ClaimTier[] most = [new(TierKind.Ordinary, TierMode.ProRata, tooMany[0].Claims.Take(DistributionPlan.ClaimCountMax).ToArray())];
        DistributionPlan plan = H.PlanOf(price, most, payees[..DistributionPlan.ClaimCountMax]);
        Assert.Equal(price - 63_000_000, plan.DebtorSurplusFen);
        _case.IssuePlan(plan);
        _case.Day = new DateOnly(2025, 12, 26);
        SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));

        Assert.Equal(64, final.Payouts.Count);
        Assert.Equal(128, final.Transfers.Count);
        byte[] bytes = new Records.SealedSaleRecord(new byte[32], 1, 0, [], [], null, final.Transition).Encode();
        Assert.True(Records.SealedSaleRecord.TryDecode(bytes, out _, out string reason), reason);
        _case.PayoutsPosted(final, _case.Day);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
        _case.AssertCaseAccountsSettled();
    }

    public void Dispose() => _case.Dispose();

    private RecordedArtefact Mediation() => _case.Artefact(ArtefactType.MediationRecord, _case.Notary1, amountFen: H.PriceFen);
}
