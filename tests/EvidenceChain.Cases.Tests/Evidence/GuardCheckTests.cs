using System.Security.Cryptography;
using EvidenceChain.Cases.Evidence;
using EvidenceChain.Cases.Tests.Support;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;

namespace EvidenceChain.Cases.Tests.Evidence;

/// <summary>
/// Guards that cannot be faked cheaply: an artefact satisfies a requirement only when it is in a
/// signed checkpoint, signed by its issuer's registered key (or a notary's attestation), of the
/// named type, case, subject, leg and issuer, and inside its validity window; each broken rule is named.
/// </summary>
public sealed class GuardCheckTests : IDisposable
{
    private const ulong SignedTreeSize = 100;
    private static readonly CaseId s_case = new(0xCA5E);
    private static readonly DateOnly s_payoffDay = new(2025, 12, 10);

    private readonly TestRegistry _registry = new();
    private readonly Party _lender;
    private readonly Party _registryOffice;
    private readonly Party _notary;

    public GuardCheckTests()
    {
        _lender = _registry.Add(PartyRole.Lender);
        _registryOffice = _registry.Add(PartyRole.Registry);
        _notary = _registry.Add(PartyRole.Notary, canApprove: true, sm2: true);
    }

    [Fact]
    public void Verify_QuoteSignedByTheLegsLender_AndAttestedRegistryReceipt_Satisfy()
    {
        ArtefactRequirement quote = new(ArtefactType.PayoffQuote, Leg: 1, IssuerPartyId: _lender.Id);
        ArtefactRequirement title = new(ArtefactType.TitleSearch, ArtefactSubjects.TitleClean, SameDay: true);

        Assert.Equal(GuardRejection.None, Check(quote, Quote()));
        Assert.Equal(GuardRejection.None, Check(title, Signed(TitleSearch() with { SignerPartyId = _notary.Id, SignerKeyFingerprint = _notary.Keys[0].Fingerprint }, _notary)));
    }

    [Fact]
    public void Verify_WrongTypeWrongCaseExpiredNotYetIncluded_EachNamed()
    {
        ArtefactRequirement quote = new(ArtefactType.PayoffQuote, Leg: 1, IssuerPartyId: _lender.Id);

        Assert.Equal(GuardRejection.WrongArtefactType, Check(quote, Signed(Unsigned(_lender, ArtefactType.SettlementCertificate), _lender)));
        Assert.Equal(GuardRejection.WrongCase, Check(quote, Signed(Unsigned(_lender, ArtefactType.PayoffQuote) with { CaseId = new CaseId(0xCA5F) }, _lender)));
        Assert.Equal(GuardRejection.Expired, Check(quote, Signed(Unsigned(_lender, ArtefactType.PayoffQuote) with { ValidThrough = s_payoffDay.AddDays(-1) }, _lender)));
        Assert.Equal(GuardRejection.NotYetIncluded, Check(quote, Quote(), leafIndex: SignedTreeSize));
    }

    [Fact]
    public void Verify_EveryOtherBrokenRule_Named()
    {
        ArtefactRequirement quote = new(ArtefactType.PayoffQuote, Leg: 1, IssuerPartyId: _lender.Id);
        ArtefactRequirement title = new(ArtefactType.TitleSearch, ArtefactSubjects.TitleClean, SameDay: true);
        Party otherLender = _registry.Add(PartyRole.Lender);
        Party enterprise = _registry.Add(PartyRole.Enterprise);

        RecordedArtefact tampered = new(Quote().Artefact with { AmountFen = 1 }, 5);
        CaseArtefact attestedByEnterprise = Unsigned(_lender, ArtefactType.PayoffQuote) with { SignerPartyId = enterprise.Id, SignerKeyFingerprint = enterprise.Keys[0].Fingerprint };

        Assert.Equal(GuardRejection.SignatureInvalid, Check(quote, tampered));
        Assert.Equal(GuardRejection.SignerUnknown, Check(quote, new RecordedArtefact(Quote().Artefact with { SignerKeyFingerprint = _notary.Keys[0].Fingerprint }, 5)));
        Assert.Equal(GuardRejection.SignerKeyNotValid, Check(quote, Signed(Unsigned(_lender, ArtefactType.PayoffQuote) with { IssuedAtMs = TestRegistry.BoundAtMs - 1 }, _lender)));
        Assert.Equal(GuardRejection.AttesterNotNotary, Check(quote, Signed(attestedByEnterprise, enterprise)));
        Assert.Equal(GuardRejection.IssuerRoleNotAllowed, Check(quote, Signed(Unsigned(_registryOffice, ArtefactType.PayoffQuote), _registryOffice)));
        Assert.Equal(GuardRejection.WrongIssuer, Check(quote, Signed(Unsigned(otherLender, ArtefactType.PayoffQuote), otherLender)));
        Assert.Equal(GuardRejection.WrongLeg, Check(quote, Signed(Unsigned(_lender, ArtefactType.PayoffQuote) with { Leg = 2 }, _lender)));
        Assert.Equal(GuardRejection.WrongSubject, Check(title, Signed(TitleSearch() with { Subject = ArtefactSubjects.TitleEncumbered }, _registryOffice)));
        Assert.Equal(GuardRejection.NotSameDay, Check(title, Signed(TitleSearch() with { IssuedAtMs = AtNoon(s_payoffDay.AddDays(-1)) }, _registryOffice)));
        Assert.Equal(GuardRejection.NotYetValid, Check(quote, Signed(Unsigned(_lender, ArtefactType.PayoffQuote) with { IssuedAtMs = AtNoon(s_payoffDay.AddDays(1)) }, _lender)));
    }

    [Fact]
    public void Verify_DayIsChinaStandardTime_AQuoteValidThroughTheDayHoldsUntilItsEnd()
    {
        ArtefactRequirement title = new(ArtefactType.TitleSearch, ArtefactSubjects.TitleClean, SameDay: true);

        // 00:30 in Beijing is still the previous day in UTC: the same day by China Standard Time.
        long earlyMorning = new DateTimeOffset(2025, 12, 10, 0, 30, 0, DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds();
        Assert.Equal(GuardRejection.None, Check(title, Signed(TitleSearch() with { IssuedAtMs = earlyMorning }, _registryOffice)));
        Assert.Equal(GuardRejection.None, Check(new ArtefactRequirement(ArtefactType.PayoffQuote), Signed(Unsigned(_lender, ArtefactType.PayoffQuote) with { ValidThrough = s_payoffDay }, _lender)));
    }

    [Fact]
    public void Encode_TryDecode_RoundTrips_TrailingAndMissingBytesRefused()
    {
        RecordedArtefact quote = Quote();
        byte[] bytes = quote.Artefact.Encode();

        Assert.True(CaseArtefact.TryDecode(bytes, out CaseArtefact? decoded, out string reason), reason);
        Assert.Equal(bytes, decoded!.Encode());
        Assert.Equal(quote.Artefact.Reference, decoded.Reference);
        Assert.Equal(quote.Artefact.ValidThrough, decoded.ValidThrough);
        Assert.False(CaseArtefact.TryDecode([.. bytes, 0], out _, out _));
        Assert.False(CaseArtefact.TryDecode(bytes[..^1], out _, out _));
    }

    public void Dispose() => _registry.Dispose();

    private static long AtNoon(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), DailyBalances.ChinaStandardTime).ToUnixTimeMilliseconds();

    private GuardRejection Check(ArtefactRequirement required, RecordedArtefact recorded, ulong? leafIndex = null) =>
        GuardCheck.Verify(required, s_case, leafIndex is ulong leaf ? recorded with { LeafIndex = leaf } : recorded, SignedTreeSize, _registry.Find, s_payoffDay);

    private RecordedArtefact Quote() => Signed(Unsigned(_lender, ArtefactType.PayoffQuote), _lender);

    private CaseArtefact TitleSearch() => Unsigned(_registryOffice, ArtefactType.TitleSearch) with { Subject = ArtefactSubjects.TitleClean, Leg = 0, IssuedAtMs = AtNoon(s_payoffDay), ValidThrough = null, AmountFen = 0 };

    private static CaseArtefact Unsigned(Party issuer, ArtefactType type)
    {
        byte[] document = RandomNumberGenerator.GetBytes(100);
        return new CaseArtefact(
            s_case, type, 0, 1, issuer.Id, issuer.Id, issuer.Keys[0].Fingerprint, AtNoon(s_payoffDay.AddDays(-2)), s_payoffDay.AddDays(5), 60_085_000, "还款额度确认书 2025-118",
            Digest.Read(SHA256.HashData(document)), Sm3.HashData(document), []);
    }

    private RecordedArtefact Signed(CaseArtefact artefact, Party signer) =>
        new(artefact with { Signature = _registry.Sign(signer, artefact.SignedBytes()) }, 5);
}
