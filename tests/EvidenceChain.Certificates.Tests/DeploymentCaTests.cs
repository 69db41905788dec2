using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Certificates.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceChain.Certificates.Tests;

/// <summary>
/// What the CA and the certificates it issues hold, extension by extension, and OpenSSL's own
/// verdict on them (a chain builder that shares no code with .NET's).
/// </summary>
public sealed class DeploymentCaTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_start);

    [Fact]
    public void Create_TenYears_IsASelfSignedP256CaWithPathLengthZero()
    {
        using DeploymentCa ca = DeploymentCa.Create("Jinan Deployment CA", DeploymentCa.ValidityDefault, _time);
        X509Certificate2 certificate = ca.Certificate;

        Assert.Equal("CN=Jinan Deployment CA", certificate.Subject);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        using (ECDsa? key = certificate.GetECDsaPublicKey())
        {
            Assert.Equal("1.2.840.10045.3.1.7", key!.ExportParameters(false).Curve.Oid.Value);
        }

        X509BasicConstraintsExtension constraints = Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.HasPathLengthConstraint);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.True(constraints.Critical);
        X509KeyUsageExtension usage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        Assert.True(usage.Critical);
        Assert.Single(certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.Equal(s_start - DeploymentCa.ClockSkewAllowance, new DateTimeOffset(certificate.NotBefore));
        Assert.Equal(s_start + TimeSpan.FromDays(3653), new DateTimeOffset(certificate.NotAfter));
        Assert.True(DeploymentCa.IsCaCertificate(certificate));
    }

    [Fact]
    public void IssueParty_OneYear_CarriesNamePartyUriClientAuthAndKeyIdentifiers()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);
        _time.Advance(TimeSpan.FromDays(3));
        PartyId party = PartyId.NewRandom();

        using X509Certificate2 certificate = ca.IssueParty("济南市公证处 Jinan Notary Office", party, DeploymentCa.PartyValidityDefault);

        Assert.Equal("CN=济南市公证处 Jinan Notary Office", certificate.Subject);
        Assert.Equal(ca.Certificate.Subject, certificate.Issuer);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal([party.ToUri()], SubjectAlternativeNames.UrisOf(certificate));
        X509EnhancedKeyUsageExtension usages = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal([DeploymentCa.ClientAuthOid], usages.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        X509KeyUsageExtension usage = Assert.Single(certificate.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, usage.KeyUsages);
        Assert.True(usage.Critical);
        Assert.False(Assert.Single(certificate.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        X509AuthorityKeyIdentifierExtension authority = Assert.Single(certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());
        string caKeyId = Assert.Single(ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>()).SubjectKeyIdentifier!;
        Assert.Equal(caKeyId, Convert.ToHexString(authority.KeyIdentifier!.Value.Span));
        Assert.Equal(s_start + TimeSpan.FromDays(3) - DeploymentCa.ClockSkewAllowance, new DateTimeOffset(certificate.NotBefore));
        Assert.Equal(s_start + TimeSpan.FromDays(3 + 365), new DateTimeOffset(certificate.NotAfter));
        Assert.False(DeploymentCa.IsCaCertificate(certificate));
    }

    [Fact]
    public void IssueParty_ClockBehindTheCa_StartsNoEarlierThanTheCa()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);
        using DeploymentCa behind = DeploymentCa.FromCertificate(ca.Certificate, new FakeTimeProvider(s_start - TimeSpan.FromMinutes(1)));

        using X509Certificate2 certificate = behind.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        Assert.Equal(ca.Certificate.NotBefore, certificate.NotBefore);
        Assert.Equal(s_start - TimeSpan.FromMinutes(1) + TimeSpan.FromDays(365), new DateTimeOffset(certificate.NotAfter));
    }

    [Fact]
    public void IssueParty_SerialNumbers_AreSixteenRandomBytesAndPositive()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);
        var serials = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 8; i++)
        {
            using X509Certificate2 certificate = ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
            byte[] serial = certificate.SerialNumberBytes.ToArray();
            Assert.Equal(DeploymentCa.SerialNumberSizeInBytes, serial.Length);
            Assert.True(new BigInteger(serial, isUnsigned: false, isBigEndian: true) > 0);
            Assert.True(serials.Add(Convert.ToHexString(serial)));
        }
    }

    [Fact]
    public void IssueServer_LocalhostAndLoopback_CarriesThemWithServerAuth()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);

        using X509Certificate2 certificate = ca.IssueServer(["localhost", "notary.example.cn"], [IPAddress.Loopback, IPAddress.IPv6Loopback], DeploymentCa.ServerValidityDefault);

        Assert.Equal("CN=localhost", certificate.Subject);
        X509SubjectAlternativeNameExtension names = Assert.Single(certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["localhost", "notary.example.cn"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.Empty(SubjectAlternativeNames.UrisOf(certificate));
        X509EnhancedKeyUsageExtension usages = Assert.Single(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal([DeploymentCa.ServerAuthOid], usages.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.True(certificate.MatchesHostname("localhost"));
    }

    [Fact]
    public void IssueServer_IpAddressOnly_IsNamedAfterIt()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);

        using X509Certificate2 certificate = ca.IssueServer([], [IPAddress.Loopback], DeploymentCa.ServerValidityDefault);

        Assert.Equal("CN=127.0.0.1", certificate.Subject);
    }

    [Theory]
    [InlineData("*.example.cn")]
    [InlineData("bad name")]
    [InlineData("")]
    public void IssueServer_NotAHostName_Throws(string dnsName)
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);

        Assert.False(DeploymentCa.IsValidDnsName(dnsName));
        Assert.Throws<ArgumentException>(() => ca.IssueServer([dnsName], [], DeploymentCa.ServerValidityDefault));
    }

    [Fact]
    public void IssueServer_NoName_Throws()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);

        Assert.Throws<ArgumentException>(() => ca.IssueServer([], [], DeploymentCa.ServerValidityDefault));
    }

    [Fact]
    public void IssueParty_OutlivingTheCa_Throws()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, TimeSpan.FromDays(400), _time);
        _time.Advance(TimeSpan.FromDays(100));

        Assert.Throws<ArgumentOutOfRangeException>(() => ca.IssueParty("Office", PartyId.NewRandom(), TimeSpan.FromDays(301)));
        using X509Certificate2 lastDay = ca.IssueParty("Office", PartyId.NewRandom(), TimeSpan.FromDays(300));
        Assert.Equal(ca.Certificate.NotAfter, lastDay.NotAfter);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading blank")]
    [InlineData("trailing blank ")]
    [InlineData("line\nbreak")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public void Create_NameNotUsable_Throws(string name)
    {
        Assert.False(DeploymentCa.IsValidName(name));
        Assert.Throws<ArgumentException>(() => DeploymentCa.Create(name, DeploymentCa.ValidityDefault, _time));
    }

    [Fact]
    public void Create_SpecialCharactersInName_AreEscapedNotParsed()
    {
        using DeploymentCa ca = DeploymentCa.Create("Office, O=Impostor", DeploymentCa.ValidityDefault, _time);

        X500RelativeDistinguishedName single = Assert.Single(ca.Certificate.SubjectName.EnumerateRelativeDistinguishedNames());
        Assert.Equal("Office, O=Impostor", single.GetSingleElementValue());
    }

    [Fact]
    public void FromCertificate_APartyCertificate_IsRefused()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);
        using X509Certificate2 party = ca.IssueParty("Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);

        Assert.Throws<ArgumentException>(() => DeploymentCa.FromCertificate(party, _time));
    }

    [Fact]
    public void FromCertificate_TheCaWithItsKey_IssuesWhatTheOriginalTrusts()
    {
        using DeploymentCa original = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, _time);
        using DeploymentCa loaded = DeploymentCa.FromCertificate(original.Certificate, _time);
        using var validator = new PartyCertificateValidator(original.Certificate, _time);
        PartyId party = PartyId.NewRandom();

        using X509Certificate2 certificate = loaded.IssueParty("Office", party, DeploymentCa.PartyValidityDefault);

        Assert.Equal(party, validator.Verify(certificate).PartyId);
    }

    [Fact]
    public void OpenSsl_PartyAndServerCertificates_VerifyForTheirPurposeOnly()
    {
        using var directory = new TempDirectory();
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, TimeProvider.System);
        using X509Certificate2 party = ca.IssueParty("Jinan Notary Office", PartyId.NewRandom(), DeploymentCa.PartyValidityDefault);
        using X509Certificate2 server = ca.IssueServer(["localhost"], [IPAddress.Loopback], DeploymentCa.ServerValidityDefault);
        string caPath = directory.Write("ca.crt.pem", ca.Certificate.ExportCertificatePem());
        string partyPath = directory.Write("party.crt.pem", party.ExportCertificatePem());
        string serverPath = directory.Write("server.crt.pem", server.ExportCertificatePem());

        Assert.Equal(0, OpenSsl.Run("verify", "-x509_strict", "-CAfile", caPath, "-purpose", "sslclient", partyPath).ExitCode);
        Assert.Equal(0, OpenSsl.Run("verify", "-x509_strict", "-CAfile", caPath, "-purpose", "sslserver", "-verify_hostname", "localhost", serverPath).ExitCode);
        Assert.NotEqual(0, OpenSsl.Run("verify", "-CAfile", caPath, "-purpose", "sslserver", partyPath).ExitCode);
        Assert.NotEqual(0, OpenSsl.Run("verify", "-CAfile", caPath, "-purpose", "sslclient", serverPath).ExitCode);
        (int exitCode, string text) = OpenSsl.Run("x509", "-in", partyPath, "-noout", "-ext", "subjectAltName,extendedKeyUsage,basicConstraints,keyUsage");
        Assert.Equal(0, exitCode);
        Assert.Contains("URI:urn:evidencechain:party:", text, StringComparison.Ordinal);
        Assert.Contains("TLS Web Client Authentication", text, StringComparison.Ordinal);
        Assert.Contains("CA:FALSE", text, StringComparison.Ordinal);
    }
}
