using System.Security.Cryptography.X509Certificates;

namespace EvidenceChain.Certificates.Internal;

/// <summary>
/// X.509 validity times as UTC <see cref="DateTimeOffset"/>s. A certificate encodes whole seconds
/// (RFC 5280 §4.1.2.5), so times are truncated before they are compared or encoded: what is checked
/// is what the certificate says.
/// </summary>
internal static class CertificateTime
{
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        DateTimeOffset utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    // X509Certificate2 reports local times; DateTimeOffset of a local DateTime keeps the instant.
    public static DateTimeOffset NotBefore(X509Certificate2 certificate) => new DateTimeOffset(certificate.NotBefore).ToUniversalTime();

    public static DateTimeOffset NotAfter(X509Certificate2 certificate) => new DateTimeOffset(certificate.NotAfter).ToUniversalTime();
}
