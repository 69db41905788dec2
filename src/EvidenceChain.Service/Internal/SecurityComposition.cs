using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using EvidenceChain.Certificates;
using EvidenceChain.Engine;
using EvidenceChain.Engine.Parties;
using EvidenceChain.Engine.Ports;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// Wires who callers are (<see cref="SecuritySettings"/>): in mtls mode, TLS 1.3 with the service's
/// certificate on every endpoint and a client certificate asked for; each call then maps its
/// certificate to a party (<see cref="CallerIdentification"/>). A certificate is asked for, not
/// required, at the TLS layer, so a caller without a good one gets UNAUTHENTICATED with the reason
/// rather than a bare handshake failure.
/// </summary>
internal static class SecurityComposition
{
    public static void AddSecurity(WebApplicationBuilder builder, SecuritySettings settings, ServiceOptions options)
    {
        if (!settings.IsMutualTls)
        {
            builder.Services.AddSingleton(sp => CallerIdentification.Development(
                sp.GetRequiredService<PartyRegistry>(), sp.GetRequiredService<IPartyStore>(), options.Host, settings.DevelopmentRole));
        }
        else
        {
            if (settings.CaCertificate is null || settings.ServerCertificate is null || settings.ServerKey is null)
            {
                throw new InvalidOperationException("Security:Mode mtls needs Security:CaCertificate, Security:ServerCertificate and Security:ServerKey (evidencechain ca init / issue-server).");
            }

            X509Certificate2 ca = CertificateFiles.ReadCertificate(settings.CaCertificate);
            X509Certificate2 server = CertificateFiles.ReadCertificateWithKey(settings.ServerCertificate, settings.ServerKey);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = server;
                https.SslProtocols = SslProtocols.Tls13;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;

                // The deployment CA is checked per call by the validator; the system roots must not decide.
                https.AllowAnyClientCertificate();
            }));
            builder.Services.AddSingleton(sp => CallerIdentification.FromCertificates(
                new PartyCertificateValidator(ca, sp.GetRequiredService<TimeProvider>()), sp.GetRequiredService<PartyRegistry>()));
        }

        if (settings.CallsPerSecondPerParty < 1 || settings.CallBurstPerParty < settings.CallsPerSecondPerParty)
        {
            throw new InvalidOperationException("Security:CallsPerSecondPerParty must be at least 1 and Security:CallBurstPerParty at least that.");
        }

        PartitionedRateLimiter<string> callsPerParty = PartitionedRateLimiter.Create<string, string>(partyId => RateLimitPartition.GetTokenBucketLimiter(partyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.CallBurstPerParty,
            TokensPerPeriod = settings.CallsPerSecondPerParty,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        builder.Services.AddSingleton(sp => new AccessGate(sp.GetRequiredService<PartyRegistry>(), sp.GetRequiredService<LogQueries>(), sp.GetRequiredService<CallerIdentification>(), callsPerParty));
    }

    /// <summary>
    /// Why the bound addresses do not suit the mode, or null: development mode serves loopback only
    /// (every caller there acts as one party), and mtls serves HTTPS only.
    /// </summary>
    public static string? CheckAddresses(SecuritySettings settings, IEnumerable<string> addresses)
    {
        foreach (string address in addresses)
        {
            var uri = new Uri(address);
            if (settings.IsMutualTls && uri.Scheme != Uri.UriSchemeHttps)
            {
                return $"{address} is not HTTPS; Security:Mode mtls serves only https:// addresses.";
            }

            if (!settings.IsMutualTls && !(uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip))))
            {
                return $"{address} is not a loopback address; development mode (every caller is the same party) serves loopback only — use Security:Mode mtls.";
            }
        }

        return null;
    }
}
