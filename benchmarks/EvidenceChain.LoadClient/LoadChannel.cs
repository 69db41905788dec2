using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

/// <summary>
/// The load client's channel: plaintext HTTP/2 for an <c>http://</c> server (development mode), or
/// for an <c>https://</c> server the CLI's mutual TLS (src/EvidenceChain.Cli/Internal/NotaryConnection.cs):
/// TLS 1.3 only, the server's certificate must chain to exactly the deployment CA (no system roots,
/// no downloads, no revocation fetches), and the party certificate is presented. One channel, so
/// every stream shares one TLS connection, as one office client would.
/// </summary>
internal static class LoadChannel
{
    /// <summary>The deposit answers carry a proof per entry; a 1,000-entry request's answer stays well under this.</summary>
    private const int MessageLengthMaxBytes = 32 * 1024 * 1024;

    public static GrpcChannel Open(Uri server, string? caPath, string? certificatePath, string? keyPath)
    {
        var options = new GrpcChannelOptions { MaxReceiveMessageSize = MessageLengthMaxBytes };
        if (server.Scheme != Uri.UriSchemeHttps)
        {
            return GrpcChannel.ForAddress(server, options);
        }

        if (caPath is null || certificatePath is null || keyPath is null)
        {
            throw new ArgumentException("an https:// server needs --ca, --cert and --cert-key (mutual TLS)");
        }

        X509Certificate2 ca = X509CertificateLoader.LoadCertificateFromFile(caPath);
        X509Certificate2 client;
        using (X509Certificate2 withEphemeralKey = X509Certificate2.CreateFromPemFile(certificatePath, keyPath))
        {
            // Exported and reloaded: the TLS stack on Linux cannot use an ephemeral key (as the CLI does).
            byte[] pfx = withEphemeralKey.Export(X509ContentType.Pfx);
            try
            {
                client = X509CertificateLoader.LoadPkcs12(pfx, password: null);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pfx);
            }
        }

        var tls = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => IssuedByCa(certificate, errors, ca),
            LocalCertificateSelectionCallback = (_, _, _, _, _) => client,
        };
        options.HttpHandler = new SocketsHttpHandler { SslOptions = tls, EnableMultipleHttp2Connections = false };
        options.DisposeHttpClient = true;
        return GrpcChannel.ForAddress(server, options);
    }

    /// <summary>The stack's own chain verdict is against the system roots, which do not hold the deployment CA: ignored, the chain is built to the CA alone.</summary>
    private static bool IssuedByCa(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var certificate = new X509Certificate2(presented);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        return chain.Build(certificate) && chain.ChainElements.Count == 2
            && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(ca.RawDataMemory.Span);
    }
}
