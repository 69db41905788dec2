using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Certificates.Tests.Support;

namespace EvidenceChain.Certificates.Tests;

/// <summary>
/// The files work together: a CA, a server certificate and party certificates written to PEM files
/// and read back, in a real TLS 1.3 handshake on 127.0.0.1 whose server runs the validator on the
/// client's certificate, as the service will.
/// </summary>
public sealed class LoopbackTlsTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly X509Certificate2 _caCertificate;
    private readonly X509Certificate2 _serverCertificate;
    private readonly PartyCertificateValidator _validator;

    public LoopbackTlsTests()
    {
        using DeploymentCa ca = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, TimeProvider.System);
        using X509Certificate2 server = ca.IssueServer(["localhost"], [IPAddress.Loopback], DeploymentCa.ServerValidityDefault);
        Write(ca.Certificate, "ca");
        Write(server, "server");
        using (X509Certificate2 caWithKey = Read("ca"))
        {
            Assert.Equal(ca.Certificate.RawData, caWithKey.RawData);
        }

        _caCertificate = CertificateFiles.ReadCertificate(_directory.File("ca" + CertificateFiles.CertificateSuffix));
        _serverCertificate = Read("server");
        _validator = new PartyCertificateValidator(_caCertificate, TimeProvider.System);
        PartyId = PartyId.NewRandom();
        using X509Certificate2 party = ca.IssueParty("Jinan Notary Office", PartyId, DeploymentCa.PartyValidityDefault);
        Write(party, "party");
    }

    private PartyId PartyId { get; }

    public void Dispose()
    {
        _validator.Dispose();
        _serverCertificate.Dispose();
        _caCertificate.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Handshake_PartyOfTheDeploymentCa_IsAcceptedOverTls13WithItsId()
    {
        using X509Certificate2 party = Read("party");

        TlsOutcome outcome = await LoopbackTls.HandshakeAsync(_serverCertificate, _validator, party, _caCertificate);

        Assert.True(outcome.ServerAccepted, outcome.ToString());
        Assert.Equal(PartyId, outcome.Verdict!.Value.PartyId);
        Assert.Equal(SslProtocols.Tls13, outcome.Protocol);
        Assert.Equal($"party {PartyId}", outcome.ClientReceived);
    }

    [Fact]
    public async Task Handshake_PartyOfAnotherCa_IsRefusedByTheServer()
    {
        using (DeploymentCa other = DeploymentCa.Create(DeploymentCa.NameDefault, DeploymentCa.ValidityDefault, TimeProvider.System))
        using (X509Certificate2 stranger = other.IssueParty("Jinan Notary Office", PartyId, DeploymentCa.PartyValidityDefault))
        {
            Write(stranger, "stranger");
        }

        using X509Certificate2 presented = Read("stranger");

        TlsOutcome outcome = await LoopbackTls.HandshakeAsync(_serverCertificate, _validator, presented, _caCertificate);

        Assert.False(outcome.ServerAccepted);
        Assert.Equal(PartyCertificateFailure.NotIssuedByDeploymentCa, outcome.Verdict!.Value.Failure);
        Assert.Null(outcome.ClientReceived);
    }

    [Fact]
    public async Task Handshake_ServerCertificateAsClient_IsRefusedByTheServer()
    {
        TlsOutcome outcome = await LoopbackTls.HandshakeAsync(_serverCertificate, _validator, _serverCertificate, _caCertificate);

        Assert.False(outcome.ServerAccepted);
        Assert.Equal(PartyCertificateFailure.NoClientAuthUsage, outcome.Verdict!.Value.Failure);
        Assert.Null(outcome.ClientReceived);
    }

    private void Write(X509Certificate2 certificate, string prefix) =>
        CertificateFiles.Write(certificate, _directory.File(prefix + CertificateFiles.CertificateSuffix), _directory.File(prefix + CertificateFiles.KeySuffix));

    private X509Certificate2 Read(string prefix) =>
        CertificateFiles.ReadCertificateWithKey(_directory.File(prefix + CertificateFiles.CertificateSuffix), _directory.File(prefix + CertificateFiles.KeySuffix));
}
