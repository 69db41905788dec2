using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// RFC 3161 §2.4.2 and RFC 5816: the signed attributes name the signer certificate by hash (ESSCertIDv2,
/// any of our hashes; or the original ESSCertID with SHA-1, which OpenSSL 3.0 still writes by default).
/// The first ID is the signer's; if it carries issuer and serial they must be the certificate's too.
/// </summary>
internal static class SigningCertificateBinding
{
    /// <summary>What is wrong with the binding, or null when it names <paramref name="certificate"/>.</summary>
    public static string? Problem(SignerInformation signer, X509Certificate certificate)
    {
        EssCertIDv2 id;
        var attributes = signer.SignedAttributes;
        if (attributes.TryGetFirst(PkcsObjectIdentifiers.IdAASigningCertificateV2, out var v2))
        {
            id = EssCertIDv2.GetInstance(SigningCertificateV2.GetInstance(v2.AttrValues[0]).GetCerts()[0]);
        }
        else if (attributes.TryGetFirst(PkcsObjectIdentifiers.IdAASigningCertificate, out var v1))
        {
            id = EssCertIDv2.From(EssCertID.GetInstance(SigningCertificate.GetInstance(v1.AttrValues[0]).GetCerts()[0]));
        }
        else
        {
            return "the signed attributes carry no signing-certificate attribute (ESSCertID or ESSCertIDv2)";
        }

        byte[] hash = DigestUtilities.CalculateDigest(id.HashAlgorithm.Algorithm, certificate.GetEncoded());
        if (!Arrays.FixedTimeEquals(hash, id.CertHash.GetOctets()))
        {
            return $"the signing-certificate attribute names a certificate with hash {Convert.ToHexStringLower(id.CertHash.GetOctets())}, not the signer's {Convert.ToHexStringLower(hash)}";
        }

        if (id.IssuerSerial is { } issuerSerial)
        {
            bool sameSerial = issuerSerial.Serial.Value.Equals(certificate.SerialNumber);
            bool sameIssuer = issuerSerial.Issuer.GetNames().Any(n => n.TagNo == GeneralName.DirectoryName && X509Name.GetInstance(n.Name).Equivalent(certificate.IssuerDN));
            if (!sameSerial || !sameIssuer)
            {
                return "the signing-certificate attribute names another issuer and serial number than the signer certificate's";
            }
        }

        return null;
    }
}
