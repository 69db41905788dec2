using System.Security.Cryptography;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Cases.Records;

namespace EvidenceChain.Cases.Tests.Mortgage;

/// <summary>Case records: one canonical encoding, decoded strictly, and a case rebuilt from decoded records alone.</summary>
public sealed class CaseRecordTests : IDisposable
{
    private readonly CaseHarness _case = new();

    [Fact]
    public void EveryTransitionOfACase_RoundTrips_AndTheDecodedRecordsRebuildTheCase()
    {
        RunSeveralSteps();
        var opening = new CaseRecord(RandomNumberGenerator.GetBytes(32), 1, 2, RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(32), new CaseOpening(_case.Case.Id, "(2025)鲁济南证字第1234号", CaseHarness.Bank, CaseHarness.Cny), null);
        CaseRecord[] records = [opening, .. _case.Transitions.Select(t => new CaseRecord(RandomNumberGenerator.GetBytes(32), t.AtMs, 0, [], [], null, t))];

        var decoded = new List<CaseRecord>();
        foreach (CaseRecord record in records)
        {
            byte[] bytes = record.Encode();
            Assert.True(CaseRecord.TryDecode(bytes, out CaseRecord? back, out string reason), reason);
            Assert.Equal(bytes, back!.Encode());
            decoded.Add(back);
        }

        CaseOpening opened = decoded[0].Opening!;
        MortgageCase rebuilt = decoded.Skip(1).Aggregate(MortgageCase.Open(opened.CaseId, opened.EscrowBankAccount, opened.Ledger), (c, r) => MortgageRules.Apply(c, r.Transition!));
        Assert.Equal((_case.Case.State, _case.Case.TransitionCount, _case.Case.DepositDate), (rebuilt.State, rebuilt.TransitionCount, rebuilt.DepositDate));
        Assert.Equal(_case.Case.Legs, rebuilt.Legs);
        Assert.Equal(_case.Case.Conditions!.PayoffLegs, rebuilt.Conditions!.PayoffLegs);
        Assert.Equal(_case.Case.Conditions.SellerPayee, rebuilt.Conditions.SellerPayee);
    }

    [Fact]
    public void TryDecode_TrailingMissingOrChangedBytes_Refused()
    {
        RunSeveralSteps();
        byte[] bytes = new CaseRecord(new byte[32], 5, 0, [], [], null, _case.Transitions[1]).Encode();

        Assert.False(CaseRecord.TryDecode([.. bytes, 0], out _, out string trailing));
        Assert.Contains("follow", trailing, StringComparison.Ordinal);
        Assert.False(CaseRecord.TryDecode(bytes[..^1], out _, out _));
        byte[] badKind = [.. bytes];
        badKind["evidencechain/case-record/v1\n".Length + 32 + 8 + 1] = 9;
        Assert.False(CaseRecord.TryDecode(badKind, out _, out _));
    }

    public void Dispose() => _case.Dispose();

    private void RunSeveralSteps()
    {
        _case.Accept(new MortgageCommand(MortgageEvent.Accept, Artefacts: [_case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean)]));
        _case.Accept(new MortgageCommand(MortgageEvent.NotarizeAgreement, Conditions: _case.WorkedExample(), Artefacts:
        [
            _case.Artefact(ArtefactType.NotarizedAgreement, _case.Notary1),
            _case.Artefact(ArtefactType.LenderConsent, _case.SellerBank, leg: 1),
            .. _case.Consents(),
        ]));
        _case.Accept(new MortgageCommand(MortgageEvent.ExpectDeposit, Leg: 1, AmountFen: 80_000_000));
        _case.StatementPosts(Cases.Accounts.CaseTransferIds.Of(_case.Case.Id, Cases.Accounts.CaseStep.BuyerDeposit, 1), _case.Day);
        _case.Accept(new MortgageCommand(MortgageEvent.ConfirmFunding));
        _case.Accept(new MortgageCommand(MortgageEvent.LockTitle, Artefacts:
        [
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.TransferPreNotice),
            _case.Artefact(ArtefactType.RegistryReceipt, _case.Registry, ArtefactSubjects.MortgagePreNotice),
        ]));
        RecordedArtefact quote = _case.Artefact(ArtefactType.PayoffQuote, _case.SellerBank, leg: 1, amountFen: 60_085_000, validThrough: _case.Day.AddDays(3));
        _case.Accept(new MortgageCommand(MortgageEvent.ReservePayoff, Leg: 1, Artefacts: [quote, _case.Artefact(ArtefactType.TitleSearch, _case.Registry, ArtefactSubjects.TitleClean)]));
        _case.Accept(new MortgageCommand(MortgageEvent.SendPayoff, Leg: 1, Artefacts: [quote]));
    }
}
