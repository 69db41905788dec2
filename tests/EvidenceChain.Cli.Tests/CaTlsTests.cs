using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Certificates.Tests.Support;
using EvidenceChain.Cli.Tests.Support;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The files the <c>ca</c> commands write work together: a server certificate and a party
/// certificate issued by <c>ca</c> complete a TLS 1.3 handshake on 127.0.0.1 whose server runs the
/// party certificate validator, and a party certificate of a second <c>ca init</c> is refused.
/// </summary>
public sealed class CaTlsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Handshake_FilesFromTheCaCommands_AcceptTheDeploymentsPartyAndRefuseAnotherCas()
    {
        string caDir = _directory.File("ca");
        string otherCaDir = _directory.File("other-ca");
        Run("ca", "init", "--dir", caDir);
        Run("ca", "init", "--dir", otherCaDir);
        Run("ca", "issue-server", "--dir", caDir, "--out", _directory.File("server"));
        string partyId = Run("ca", "issue-party", "--dir", caDir, "--name", "Jinan Notary Office", "--out", _directory.File("office")).Split('\n')[0]["party id: ".Length..];
        Run("ca", "issue-party", "--dir", otherCaDir, "--name", "Jinan Notary Office", "--party-id", partyId, "--out", _directory.File("stranger"));

        using X509Certificate2 caCertificate = CertificateFiles.ReadCertificate(Path.Combine(caDir, "ca.crt.pem"));
        using X509Certificate2 server = ReadWithKey("server");
        using X509Certificate2 office = ReadWithKey("office");
        using X509Certificate2 stranger = ReadWithKey("stranger");
        using var validator = new PartyCertificateValidator(caCertificate, TimeProvider.System);

        TlsOutcome accepted = await LoopbackTls.HandshakeAsync(server, validator, office, caCertificate);
        TlsOutcome refused = await LoopbackTls.HandshakeAsync(server, validator, stranger, caCertificate);

        Assert.True(accepted.ServerAccepted, accepted.ToString());
        Assert.Equal(SslProtocols.Tls13, accepted.Protocol);
        Assert.Equal($"party {partyId}", accepted.ClientReceived);
        Assert.False(refused.ServerAccepted);
        Assert.Equal(PartyCertificateFailure.NotIssuedByDeploymentCa, refused.Verdict!.Value.Failure);
        Assert.Null(refused.ClientReceived);
    }

    private static string Run(params string[] args)
    {
        CliResult result = CliRunner.Run([.. args, "--lang", "en"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    private X509Certificate2 ReadWithKey(string prefix) =>
        CertificateFiles.ReadCertificateWithKey(_directory.File(prefix + ".crt.pem"), _directory.File(prefix + ".key.pem"));
}
