using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// RFC 3161 §2.3: a TSA certificate's extended key usage MUST be present, critical, and hold
/// id-kp-timeStamping alone, so that a key certified for TLS or e-mail cannot date documents, and this
/// key cannot do anything else.
/// </summary>
internal static class TimestampingUsage
{
    /// <summary>What is wrong with the certificate's extended key usage, or null if nothing is.</summary>
    public static string? Problem(X509Certificate certificate)
    {
        Asn1OctetString? extension = certificate.GetExtensionValue(X509Extensions.ExtendedKeyUsage);
        if (extension is null)
        {
            return "the certificate has no extended key usage; a TSA certificate needs timeStamping alone, marked critical";
        }

        if (!certificate.GetCriticalExtensionOids().Contains(X509Extensions.ExtendedKeyUsage.Id))
        {
            return "the certificate's extended key usage is not marked critical";
        }

        IList<DerObjectIdentifier> purposes;
        try
        {
            purposes = ExtendedKeyUsage.GetInstance(extension.GetOctets()).GetAllUsages();
        }
        catch (ArgumentException)
        {
            return "the certificate's extended key usage does not parse";
        }

        if (purposes.Count != 1 || !KeyPurposeID.id_kp_timeStamping.Equals(purposes[0]))
        {
            return $"the certificate's extended key usage holds {string.Join(", ", purposes.Select(p => p.Id))}; a TSA certificate needs timeStamping ({KeyPurposeID.id_kp_timeStamping.Id}) alone";
        }

        return null;
    }
}
