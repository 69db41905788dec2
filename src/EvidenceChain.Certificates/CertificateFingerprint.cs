using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EvidenceChain.Certificates;

/// <summary>
/// A certificate's SHA-256 fingerprint: the digest of its DER encoding, as <c>openssl x509 -fingerprint
/// -sha256</c> prints it (there in uppercase with colons). People compare it by eye or by phone to be
/// sure that the CA certificate a service trusts is the deployment's.
/// </summary>
public static class CertificateFingerprint
{
    /// <summary>64 lowercase hexadecimal digits.</summary>
    public static string Sha256Hex(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawDataMemory.Span));
    }
}
