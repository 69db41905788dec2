using System.Security.Cryptography;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using H = EvidenceChain.Cases.Tests.Sealed.SealedSaleHarness;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// 带封过户 records (record_schema 3): each transition encoded, decoded strictly and encoded again to
/// the same bytes, and the case rebuilt from the decoded records alone with <see cref="SealedSaleRules.Apply"/>
/// equal to the case the rules decided; a truncated record, trailing bytes or a wrong magic refused.
/// </summary>
public sealed class SealedSaleRecordTests : IDisposable
{
    private const string CaseNumber = "(2025)鲁济南证字第5678号";

    private readonly H _case = new();

    [Fact]
    public void FullCase_EveryTransitionRoundTrips_AndTheDecodedRecordsRebuildTheCase()
    {
        RunFullCase();
        Assert.Equal(SealedSaleState.Closed, _case.Case.State);

        AssertSameCase(_case.Case, Rebuild(Records()));
    }

    [Fact]
    public void PlanSetAsideAndReplaced_DecodedRecordsRebuildTheRevisionAndTheNewPlan()
    {
        _case.RunToTransferred();
        _case.Day = new DateOnly(2025, 12, 10);
        _case.IssuePlan(H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DisputePlan, Artefacts: [_case.Artefact(ArtefactType.Objection, _case.Mortgagee)]));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.SetAsidePlan, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.PlanSetAside)]));
        _case.Day = new DateOnly(2026, 1, 5);
        _case.IssuePlan(H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Company), H.DomainPayees));

        SealedSaleCase rebuilt = Rebuild(Records());
        AssertSameCase(_case.Case, rebuilt);
        Assert.Equal(1, rebuilt.PlanRevision);
    }

    [Fact]
    public void DefaultWithForfeit_AndObjection_DecodedRecordsKeepTheCourtsAccountAndTheResumeState()
    {
        _case.RunToNotarized(_case.Terms(forfeitFen: 5_000_000));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ExpectDeposit, Leg: 1, AmountFen: 20_000_000));
        _case.StatementPosts(_case.IdOf(Accounts.CaseStep.BuyerDeposit, 1), new DateOnly(2025, 11, 10));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ObjectThirdParty, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.ThirdPartyObjection)]));
        AssertSameCase(_case.Case, Rebuild(Records()));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DismissObjection, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtB, ArtefactSubjects.ObjectionDismissed)]));
        _case.Day = new DateOnly(2025, 11, 21);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.DeclareBuyerDefault));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Refund, Artefacts: [_case.Artefact(ArtefactType.CourtDocument, _case.CourtA, ArtefactSubjects.RefundOrder)], Payee: H.CourtFundPayee));

        SealedSaleRecord[] records = Records();
        AssertSameCase(_case.Case, Rebuild(records));
        SealedSaleTransition refund = Decoded(records[^1]).Transition!;
        Assert.Equal((H.CourtFundPayee, 5_000_000L, 2), (refund.Payee, refund.AmountFen, refund.Approvals.Count));
    }

    [Fact]
    public void Replay_ATransitionTwiceOrOfAnotherCase_Throws()
    {
        RunFullCase();
        SealedSaleCase rebuilt = _case.Transitions.Aggregate(SealedSaleCase.Open(_case.Case.Id, H.Bank, H.Cny), SealedSaleRules.Apply);
        AssertSameCase(_case.Case, rebuilt);

        Assert.Throws<InvalidOperationException>(() => SealedSaleRules.Apply(rebuilt, _case.Transitions[^1]));
        Assert.Throws<InvalidOperationException>(() => SealedSaleRules.Apply(SealedSaleCase.Open(new CaseId(0x5EA1_0002), H.Bank, H.Cny), _case.Transitions[0]));
    }

    [Fact]
    public void TryDecode_EveryTruncation_TrailingBytes_WrongMagic_UnknownKind_Refused()
    {
        RunFullCase();
        foreach (SealedSaleRecord record in Records())
        {
            byte[] bytes = record.Encode();
            for (int length = 0; length < bytes.Length; length++)
            {
                Assert.False(SealedSaleRecord.TryDecode(bytes.AsSpan(0, length), out SealedSaleRecord? none, out string reason), $"a record cut to {length} of {bytes.Length} bytes decoded");
                Assert.Null(none);
                Assert.NotEmpty(reason);
            }

            Assert.False(SealedSaleRecord.TryDecode([.. bytes, 0], out _, out string trailing));
            Assert.Contains("follow", trailing, StringComparison.Ordinal);

            byte[] magic = [.. bytes];
            magic[0] ^= 1;
            Assert.False(SealedSaleRecord.TryDecode(magic, out _, out string wrongMagic));
            Assert.Contains("magic", wrongMagic, StringComparison.Ordinal);
        }

        // The kind byte follows the magic, the nonce, the time and the actor's role (0: no actor).
        byte[] opening = new SealedSaleRecord(new byte[32], 1, 0, [], [], new CaseOpening(_case.Case.Id, CaseNumber, H.Bank, H.Cny), null).Encode();
        opening["evidencechain/sealed-sale-record/v1\n".Length + 32 + 8 + 1] = 3;
        Assert.False(SealedSaleRecord.TryDecode(opening, out _, out string kind));
        Assert.Contains("kind", kind, StringComparison.Ordinal);

        // A mortgage-case record is not a sealed-sale one.
        Assert.False(SealedSaleRecord.TryDecode(new CaseRecord(new byte[32], 1, 0, [], [], new CaseOpening(_case.Case.Id, CaseNumber, H.Bank, H.Cny), null).Encode(), out _, out _));
    }

    [Fact]
    public void TryDecode_AnUndefinedEventOrState_Refused()
    {
        RunFullCase();
        SealedSaleTransition t = _case.Transitions[3];
        Assert.Throws<InvalidOperationException>(() => Record(t with { Event = (SealedSaleEvent)99 }).Encode());
        Assert.Throws<InvalidOperationException>(() => Record(t with { To = (SealedSaleState)0 }).Encode());

        // Changed in the bytes, past the encoder's check: the event byte follows the case id and the number.
        byte[] bytes = Record(t).Encode();
        int eventAt = "evidencechain/sealed-sale-record/v1\n".Length + 32 + 8 + 1 + 1 + 16 + 8;
        Assert.Equal((byte)t.Event, bytes[eventAt]);
        bytes[eventAt] = 99;
        Assert.False(SealedSaleRecord.TryDecode(bytes, out _, out string reason));
        Assert.Contains("not defined", reason, StringComparison.Ordinal);
    }

    public void Dispose() => _case.Dispose();

    private static SealedSaleRecord Record(SealedSaleTransition t) => new(RandomNumberGenerator.GetBytes(32), t.AtMs, 0, [], [], null, t);

    private static SealedSaleRecord Decoded(SealedSaleRecord record)
    {
        byte[] bytes = record.Encode();
        Assert.True(SealedSaleRecord.TryDecode(bytes, out SealedSaleRecord? back, out string reason), reason);
        Assert.Equal(bytes, back!.Encode());
        return back;
    }

    private static SealedSaleCase Rebuild(IEnumerable<SealedSaleRecord> records)
    {
        SealedSaleRecord[] decoded = [.. records.Select(Decoded)];
        CaseOpening opened = decoded[0].Opening!;
        Assert.Equal(CaseNumber, opened.CaseNumber);
        return decoded.Skip(1).Aggregate(SealedSaleCase.Open(opened.CaseId, opened.EscrowBankAccount, opened.Ledger), (c, r) => SealedSaleRules.Apply(c, r.Transition!));
    }

    /// <summary>Records compare by value except their lists: every field that matters, lists by their elements.</summary>
    private static void AssertSameCase(SealedSaleCase expected, SealedSaleCase actual)
    {
        Assert.Equal(
            (expected.Id, expected.EscrowBankAccount, expected.Ledger, expected.State, expected.Resume, expected.TransitionCount),
            (actual.Id, actual.EscrowBankAccount, actual.Ledger, actual.State, actual.Resume, actual.TransitionCount));
        Assert.Equal(
            (expected.ProposedPriceFen, expected.FloorPriceFen, expected.DepositDate, expected.PlanRevision, expected.PlanReceivedDay, expected.RemittedToCourt),
            (actual.ProposedPriceFen, actual.FloorPriceFen, actual.DepositDate, actual.PlanRevision, actual.PlanReceivedDay, actual.RemittedToCourt));
        Assert.Equal(expected.Seizures, actual.Seizures);
        Assert.Equal(expected.Tranches, actual.Tranches);
        Assert.Equal(expected.Conditions is null, actual.Conditions is null);
        if (expected.Conditions is SealedSaleConditions e && actual.Conditions is SealedSaleConditions a)
        {
            Assert.Equal((e.PriceFen, e.DebtorKind, e.BuyerRefundPayee, e.DebtorPayee, e.PaymentDueDate, e.ForfeitOnDefaultFen), (a.PriceFen, a.DebtorKind, a.BuyerRefundPayee, a.DebtorPayee, a.PaymentDueDate, a.ForfeitOnDefaultFen));
            Assert.Equal(e.BuyerPartyIds, a.BuyerPartyIds);
            Assert.Equal(e.DebtorPartyIds, a.DebtorPartyIds);
        }

        // A plan's encoding holds every field of it, so equal bytes are an equal plan.
        Assert.Equal(expected.Plan?.Encode(expected.Id), actual.Plan?.Encode(actual.Id));
        if (expected.Plan is DistributionPlan plan)
        {
            Assert.Equal(plan.Allocations, actual.Plan!.Allocations);
            Assert.Equal(plan.Payees, actual.Plan.Payees);
        }
    }

    private SealedSaleRecord[] Records() =>
    [
        new(RandomNumberGenerator.GetBytes(32), 1, 2, RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(32), new CaseOpening(_case.Case.Id, CaseNumber, H.Bank, H.Cny), null),
        .. _case.Transitions.Select(Record),
    ];

    private void RunFullCase()
    {
        _case.RunToTransferred();
        _case.Day = new DateOnly(2025, 12, 10);
        _case.IssuePlan(H.PlanOf(H.PriceFen, H.DomainTiers(DebtorKind.Individual), H.DomainPayees));
        _case.Day = new DateOnly(2025, 12, 26);
        SealedSaleDecision final = _case.Accept(new SealedSaleCommand(SealedSaleEvent.FinalizePlan));
        _case.PayoutsPosted(final, _case.Day);
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.ConfirmDistribution));
        _case.Accept(new SealedSaleCommand(SealedSaleEvent.Close));
    }
}
