using System.Net;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Certificates.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceChain.Certificates.Tests;

/// <summary>
/// The validator's table: a good party certificate passes with its id; every way a certificate can
/// fail to name a party of this deployment gets the failure that names the rule, with a sentence.
/// Time is a <see cref="FakeTimeProvider"/>: certificates are made at one moment and judged at another.
/// </summary>
public sealed class PartyCertificateValidatorTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_start);
    private readonly DeploymentCa _ca;
    private readonly PartyCertificateValidator _validator;

    public PartyCertificateValidatorTests()
    {
        _ca = DeploymentCa.Create("Deployment CA", DeploymentCa.ValidityDefault, _time);
        _validator = new PartyCertificateValidator(_ca.Certificate, _time);
    }

    public void Dispose()
    {
        _validator.Dispose();
        _ca.Dispose();
    }

    [Fact]
    public void Verify_GoodPartyCertificate_ReturnsItsPartyId()
    {
        PartyId party = PartyId.NewRandom();
        using X509Certificate2 certificate = _ca.IssueParty("Jinan Notary Office", party, DeploymentCa.PartyValidityDefault);

        PartyCertificateVerdict verdict = _validator.Verify(certificate);

        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(PartyCertificateFailure.None, verdict.Failure);
        Assert.Equal(party, verdict.PartyId);
        Assert.Equal($"valid for party {party}", verdict.Detail);
    }

    [Fact]
    public void Verify_PublicPartOnly_IsEnough()
    {
        PartyId party = PartyId.NewRandom();
        using X509Certificate2 withKey = _ca.IssueParty("Office", party, DeploymentCa.PartyValidityDefault);
        using X509Certificate2 presented = X509CertificateLoader.LoadCertificate(withKey.RawData);

        Assert.Equal(party, _validator.Verify(presented).PartyId);
    }

    [Fact]
    public void Verify_NoCertificate_ReturnsNoCertificate()
    {
        AssertFails(_validator.Verify(null), PartyCertificateFailure.NoCertificate, "no certificate");
    }

    [Fact]
    public void Verify_AfterItsLastSecond_ReturnsExpired()
    {
        using X509Certificate2 certificate = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        _time.SetUtcNow(new DateTimeOffset(certificate.NotAfter));
        Assert.True(_validator.Verify(certificate).IsValid, "notAfter itself is still valid (RFC 5280 §4.1.2.5)");
        _time.Advance(TimeSpan.FromSeconds(1));
        PartyCertificateVerdict verdict = _validator.Verify(certificate);

        AssertFails(verdict, PartyCertificateFailure.Expired, "the certificate expired at 2027-03-01 08:00:00 UTC, and it is now 2027-03-01 08:00:01 UTC");
    }

    [Fact]
    public void Verify_BeforeItsFirstSecond_ReturnsNotYetValid()
    {
        _time.Advance(TimeSpan.FromDays(30));
        using X509Certificate2 certificate = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        using (PartyCertificateValidator atNotBefore = ValidatorAt(new DateTimeOffset(certificate.NotBefore)))
        {
            Assert.True(atNotBefore.Verify(certificate).IsValid, "notBefore itself is valid");
        }

        using PartyCertificateValidator early = ValidatorAt(new DateTimeOffset(certificate.NotBefore) - TimeSpan.FromSeconds(1));
        PartyCertificateVerdict verdict = early.Verify(certificate);

        AssertFails(verdict, PartyCertificateFailure.NotYetValid, "the certificate is valid from 2026-03-31 07:55:00 UTC, and it is now 2026-03-31 07:54:59 UTC");
    }

    [Fact]
    public void Verify_IssuedByAnotherCa_ReturnsNotIssuedByDeploymentCa()
    {
        using DeploymentCa other = DeploymentCa.Create("Other CA", DeploymentCa.ValidityDefault, _time);
        using X509Certificate2 certificate = other.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NotIssuedByDeploymentCa, "'CN=Office' (issuer 'CN=Other CA') was not issued by the deployment CA 'CN=Deployment CA'");
    }

    [Fact]
    public void Verify_IssuedByAnotherCaOfTheSameName_ReturnsNotIssuedByDeploymentCa()
    {
        using DeploymentCa impostor = DeploymentCa.Create("Deployment CA", DeploymentCa.ValidityDefault, _time);
        using X509Certificate2 certificate = impostor.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NotIssuedByDeploymentCa, "was not issued by the deployment CA");
    }

    [Fact]
    public void Verify_SelfSignedWithTheCasSubject_ReturnsNotIssuedByDeploymentCa()
    {
        // Everything a party certificate has, and a CA's constraints, under the deployment CA's name: only the signature tells.
        PartyId party = PartyId.NewRandom();
        using X509Certificate2 certificate = TestCertificates.SelfSigned(
            _ca.Certificate.SubjectName,
            s_start,
            s_start.AddYears(1),
            new X509BasicConstraintsExtension(true, true, 0, true),
            TestCertificates.ClientAuth,
            TestCertificates.UriNames(party.ToUri()));

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NotIssuedByDeploymentCa, "was not issued by the deployment CA");
    }

    [Fact]
    public void Verify_SignatureAltered_ReturnsNotIssuedByDeploymentCa()
    {
        using X509Certificate2 good = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        using X509Certificate2 certificate = TestCertificates.WithFlippedSignatureByte(good);

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NotIssuedByDeploymentCa, "was not issued by the deployment CA");
    }

    [Fact]
    public void Verify_TheCaCertificateItself_ReturnsNotIssuedByDeploymentCa()
    {
        AssertFails(_validator.Verify(_ca.Certificate), PartyCertificateFailure.NotIssuedByDeploymentCa, "it is the deployment CA's own certificate, which identifies no party");
    }

    [Fact]
    public void Verify_ServerCertificateAsClient_ReturnsNoClientAuthUsage()
    {
        using X509Certificate2 certificate = _ca.IssueServer(["localhost"], [IPAddress.Loopback], DeploymentCa.ServerValidityDefault);

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NoClientAuthUsage, "the certificate's extended key usages are serverAuth, without clientAuth: it is not for clients");
    }

    [Fact]
    public void Verify_NoExtendedKeyUsageAtAll_ReturnsNoClientAuthUsage()
    {
        using X509Certificate2 certificate = Issue(TestCertificates.UriNames(PartyId.NewRandom().ToUri()));

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NoClientAuthUsage, "names no extended key usage");
    }

    [Fact]
    public void Verify_WithoutPartyUri_ReturnsNoPartyUri()
    {
        using X509Certificate2 certificate = Issue(TestCertificates.ClientAuth, TestCertificates.UriNames("https://notary.example.cn/parties/1"));

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NoPartyUri, "hold no urn:evidencechain:party: URI");
    }

    [Fact]
    public void Verify_WithoutSubjectAlternativeNames_ReturnsNoPartyUri()
    {
        using X509Certificate2 certificate = Issue(TestCertificates.ClientAuth);

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.NoPartyUri, "names no party");
    }

    [Fact]
    public void Verify_TwoPartyUris_ReturnsSeveralPartyUris()
    {
        PartyId first = PartyId.NewRandom();
        PartyId second = PartyId.NewRandom();
        using X509Certificate2 certificate = Issue(TestCertificates.ClientAuth, TestCertificates.UriNames(first.ToUri(), second.ToUri()));

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.SeveralPartyUris, $"the certificate names 2 parties ({first.ToUri()}, {second.ToUri()}), and a party certificate names exactly one");
    }

    [Fact]
    public void Verify_PartyUriInAnotherCase_CountsAsAPartyUri()
    {
        string shouting = "URN:EVIDENCECHAIN:PARTY:" + PartyId.NewRandom();
        using X509Certificate2 certificate = Issue(TestCertificates.ClientAuth, TestCertificates.UriNames(PartyId.NewRandom().ToUri(), shouting));

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.SeveralPartyUris, "names 2 parties");
    }

    [Theory]
    [InlineData("urn:evidencechain:party:00112233445566778899AABBCCDDEEFF")]
    [InlineData("urn:evidencechain:party:00112233445566778899aabbccddee")]
    [InlineData("urn:evidencechain:party:00112233445566778899aabbccddeeff00")]
    [InlineData("urn:evidencechain:party:")]
    [InlineData("urn:evidencechain:party:jinan-notary-office")]
    [InlineData("URN:EVIDENCECHAIN:PARTY:00112233445566778899aabbccddeeff")]
    public void Verify_MalformedPartyId_ReturnsMalformedPartyId(string uri)
    {
        using X509Certificate2 certificate = Issue(TestCertificates.ClientAuth, TestCertificates.UriNames(uri));

        AssertFails(_validator.Verify(certificate), PartyCertificateFailure.MalformedPartyId, $"the party URI '{uri}' is not urn:evidencechain:party: followed by 32 lowercase hexadecimal digits");
    }

    [Fact]
    public void Verify_ExpiredAndFromAnotherCa_ReportsTheCaFirst()
    {
        using DeploymentCa other = DeploymentCa.Create("Other CA", DeploymentCa.ValidityDefault, _time);
        using X509Certificate2 certificate = other.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        _time.Advance(TimeSpan.FromDays(400));

        Assert.Equal(PartyCertificateFailure.NotIssuedByDeploymentCa, _validator.Verify(certificate).Failure);
    }

    [Fact]
    public void Verify_ExpiredServerCertificate_ReportsTheDateBeforeTheUsage()
    {
        using X509Certificate2 certificate = _ca.IssueServer(["localhost"], [], TimeSpan.FromDays(1));
        _time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(PartyCertificateFailure.Expired, _validator.Verify(certificate).Failure);
    }

    [Fact]
    public void Verify_ControlCharactersInAStrangersSubject_AreNotPrinted()
    {
        using X509Certificate2 certificate = TestCertificates.SelfSigned(new X500DistinguishedName("CN=\"evil\nparty 00 accepted\""), s_start, s_start.AddYears(1), TestCertificates.ClientAuth);

        PartyCertificateVerdict verdict = _validator.Verify(certificate);

        Assert.Equal(PartyCertificateFailure.NotIssuedByDeploymentCa, verdict.Failure);
        Assert.DoesNotContain('\n', verdict.Detail);
    }

    [Fact]
    public void Constructor_APartyCertificateAsTheCa_Throws()
    {
        using X509Certificate2 certificate = _ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        Assert.Throws<ArgumentException>(() => new PartyCertificateValidator(certificate, _time));
    }

    [Fact]
    public void Failure_Numbers_NeverChange()
    {
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6, 7, 8],
            Enum.GetValues<PartyCertificateFailure>().Select(f => (int)f));
        Assert.Equal(
            "None NoCertificate NotIssuedByDeploymentCa NotYetValid Expired NoClientAuthUsage NoPartyUri SeveralPartyUris MalformedPartyId",
            string.Join(' ', Enum.GetNames<PartyCertificateFailure>()));
    }

    /// <summary>A validator whose clock is elsewhere than the issuing one (a fake clock never goes back).</summary>
    private PartyCertificateValidator ValidatorAt(DateTimeOffset time) => new(_ca.Certificate, new FakeTimeProvider(time));

    private X509Certificate2 Issue(params X509Extension[] extensions) =>
        TestCertificates.Issue(_ca.Certificate, "Office", s_start, s_start.AddYears(1), extensions);

    private static void AssertFails(PartyCertificateVerdict verdict, PartyCertificateFailure failure, string detailPart)
    {
        Assert.False(verdict.IsValid);
        Assert.True(verdict.Failure == failure, verdict.ToString());
        Assert.Null(verdict.PartyId);
        Assert.Contains(detailPart, verdict.Detail, StringComparison.Ordinal);
    }
}
