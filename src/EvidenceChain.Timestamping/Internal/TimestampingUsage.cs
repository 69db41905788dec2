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
        Asn1OctetString? extension;
        bool critical;
        IList<DerObjectIdentifier> purposes;
        try
        {
            extension = certificate.GetExtensionValue(X509Extensions.ExtendedKeyUsage);
            critical = certificate.GetCriticalExtensionOids()?.Contains(X509Extensions.ExtendedKeyUsage.Id) ?? false;
            purposes = extension is null ? [] : ExtendedKeyUsage.GetInstance(extension.GetOctets()).GetAllUsages();
        }
#pragma warning disable CA1031 // BouncyCastle reads extensions lazily and throws many exception types on a broken one.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "the certificate's extensions do not parse";
        }

        if (extension is null)
        {
            return "the certificate has no extended key usage; a TSA certificate needs timeStamping alone, marked critical";
        }

        if (!critical)
        {
            return "the certificate's extended key usage is not marked critical";
        }

        if (purposes.Count != 1 || !KeyPurposeID.id_kp_timeStamping.Equals(purposes[0]))
        {
            return $"the certificate's extended key usage holds {string.Join(", ", purposes.Select(p => p.Id))}; a TSA certificate needs timeStamping ({KeyPurposeID.id_kp_timeStamping.Id}) alone";
        }

        return null;
    }
}
