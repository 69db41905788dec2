using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;
using EvidenceChain.Service.Tests.Support;

namespace EvidenceChain.Service.Tests;

/// <summary>
/// In mtls mode the public listener is TLS with the server certificate and server authentication
/// only: a reader without any client certificate is answered over HTTP/1.1 and HTTP/2.
/// </summary>
public sealed class PublicListenerTlsTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly DeploymentCa _ca = DeploymentCa.Create("Test deployment CA", TimeSpan.FromDays(30), TimeProvider.System);
    private readonly string[] _arguments;

    public PublicListenerTlsTests()
    {
        string caFile = Path.Combine(_data.Path, "ca.crt.pem");
        File.WriteAllText(caFile, _ca.Certificate.ExportCertificatePem());
        using X509Certificate2 server = _ca.IssueServer(["localhost"], [IPAddress.Loopback], TimeSpan.FromDays(1));
        CertificateFiles.Write(server, Path.Combine(_data.Path, "server.crt.pem"), Path.Combine(_data.Path, "server.key.pem"));
        _arguments =
        [
            "--urls", "https://127.0.0.1:0",
            "--Security:Mode=mtls",
            $"--Security:CaCertificate={caFile}",
            $"--Security:ServerCertificate={Path.Combine(_data.Path, "server.crt.pem")}",
            $"--Security:ServerKey={Path.Combine(_data.Path, "server.key.pem")}",
        ];
    }

    [Fact]
    public async Task PublicListener_MutualTlsMode_AnswersOverTlsWithoutAClientCertificate()
    {
        using ServiceProcess service = ServiceProcess.Start(_data.Path, _arguments);
        Assert.StartsWith("https://", service.PublicAddress, StringComparison.Ordinal);

        foreach (Version version in new[] { HttpVersion.Version11, HttpVersion.Version20 })
        {
            using HttpClient http = Client(version, SslProtocols.None);
            HttpResponseMessage response = await http.GetAsync(service.PublicAddress + "/v1/checkpoint");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(version, response.Version);
            Assert.Contains("\"tree_size\":", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // TLS 1.3 only.
        using HttpClient old = Client(HttpVersion.Version11, SslProtocols.Tls12);
        await Assert.ThrowsAsync<HttpRequestException>(() => old.GetAsync(service.PublicAddress + "/v1/checkpoint"));
        service.ThrowIfErrorsLogged();
    }

    [Fact]
    public void Start_MutualTlsWithAPlaintextPublicAddress_RefusedInOneLine()
    {
        (int exitCode, string output) = ServiceProcess.RunToExit(_data.Path, [.. _arguments, "--Public:Urls=http://127.0.0.1:0"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("the public listener: http://127.0.0.1:0/ is not HTTPS", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _data.Dispose();
    }

    /// <summary>A client that trusts only the test CA, presents no certificate, and speaks exactly <paramref name="version"/>.</summary>
    private HttpClient Client(Version version, SslProtocols protocols)
    {
        X509Certificate2 ca = _ca.Certificate;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = DeploymentTrust.IssuedBy(ca),
            },
        };
        return new HttpClient(handler) { DefaultRequestVersion = version, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
    }
}
