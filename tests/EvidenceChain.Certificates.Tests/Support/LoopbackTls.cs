using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EvidenceChain.Certificates;

namespace EvidenceChain.Certificates.Tests.Support;

/// <summary>What one TLS connection on loopback came to, seen from both ends.</summary>
/// <param name="ServerAccepted">The server completed the handshake (the validator accepted the client).</param>
/// <param name="Verdict">The validator's verdict on the client's certificate; null if the callback never ran.</param>
/// <param name="ClientReceived">The line the server sent after the handshake, or null if the client got none.</param>
/// <param name="Protocol">The protocol the server negotiated, when it accepted.</param>
internal sealed record TlsOutcome(bool ServerAccepted, PartyCertificateVerdict? Verdict, string? ClientReceived, SslProtocols? Protocol);

/// <summary>
/// A real TLS 1.3 handshake over TCP on 127.0.0.1 (port 0): an <see cref="SslStream"/> server with
/// the server certificate that requires a client certificate and runs <see cref="PartyCertificateValidator"/>
/// in its remote-certificate callback, as the service will; a client that presents the party
/// certificate and trusts only the deployment CA for the server's. On acceptance the server sends
/// "party &lt;id&gt;" and closes. Used by the certificate tests and, linked, by the CLI tests.
/// </summary>
internal static class LoopbackTls
{
    public const string ServerName = "localhost";

    /// <summary>Guards against a hang only; a handshake on loopback takes milliseconds.</summary>
    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(60);

    public static async Task<TlsOutcome> HandshakeAsync(
        X509Certificate2 serverCertificate,
        PartyCertificateValidator validator,
        X509Certificate2 clientCertificate,
        X509Certificate2 deploymentCaCertificate)
    {
        using var cancellation = new CancellationTokenSource(s_hangGuard);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Task<(bool Accepted, PartyCertificateVerdict? Verdict, SslProtocols? Protocol)> server = ServeOneAsync(listener, serverCertificate, validator, cancellation.Token);
            string? received = await ConnectAsync(port, clientCertificate, deploymentCaCertificate, cancellation.Token);
            (bool accepted, PartyCertificateVerdict? verdict, SslProtocols? protocol) = await server;
            return new TlsOutcome(accepted, verdict, received, protocol);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<(bool Accepted, PartyCertificateVerdict? Verdict, SslProtocols? Protocol)> ServeOneAsync(
        TcpListener listener,
        X509Certificate2 serverCertificate,
        PartyCertificateValidator validator,
        CancellationToken cancellationToken)
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync(cancellationToken);
        await using var tls = new SslStream(connection.GetStream());
        PartyCertificateVerdict? verdict = null;
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateRequired = true,
            EnabledSslProtocols = SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

            // The stack's own errors are about the system's roots, which do not hold the deployment CA: the validator decides.
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            {
                verdict = validator.Verify(certificate as X509Certificate2);
                return verdict.Value.IsValid;
            },
        };
        try
        {
            await tls.AuthenticateAsServerAsync(options, cancellationToken);
        }
        catch (AuthenticationException)
        {
            return (false, verdict, null);
        }

        await tls.WriteAsync(Encoding.ASCII.GetBytes($"party {verdict!.Value.PartyId}\n"), cancellationToken);
        await tls.ShutdownAsync();
        return (true, verdict, tls.SslProtocol);
    }

    private static async Task<string?> ConnectAsync(int port, X509Certificate2 clientCertificate, X509Certificate2 deploymentCaCertificate, CancellationToken cancellationToken)
    {
        using var connection = new TcpClient();
        await connection.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        await using var tls = new SslStream(connection.GetStream());
        var trust = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        trust.CustomTrustStore.Add(deploymentCaCertificate);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = ServerName,
            ClientCertificates = [clientCertificate],
            EnabledSslProtocols = SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,

            // No callback: the handshake fails unless the server's certificate chains to the deployment CA and names localhost.
            CertificateChainPolicy = trust,
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken);

            // TLS 1.3: the client finishes its handshake before the server has judged its certificate;
            // a refusal arrives as an alert on the first read.
            using var reader = new StreamReader(tls, Encoding.ASCII);
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return null;
        }
    }
}
