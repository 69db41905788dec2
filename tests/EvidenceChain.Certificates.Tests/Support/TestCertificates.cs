using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EvidenceChain.Certificates;

namespace EvidenceChain.Certificates.Tests.Support;

/// <summary>
/// Certificates that <see cref="DeploymentCa"/> would never issue, made with the same .NET APIs for
/// the validator's table: any extensions, any dates, any issuer (or none).
/// </summary>
internal static class TestCertificates
{
    public static X509Extension ClientAuth { get; } = new X509EnhancedKeyUsageExtension([new Oid(DeploymentCa.ClientAuthOid)], critical: false);

    public static X509Extension ServerAuth { get; } = new X509EnhancedKeyUsageExtension([new Oid(DeploymentCa.ServerAuthOid)], critical: false);

    /// <summary>A subject alternative name extension with exactly these URIs, encoded by hand so that no <see cref="Uri"/> normalizes them.</summary>
    public static X509Extension UriNames(params string[] uris)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (string uri in uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, new Asn1Tag(TagClass.ContextSpecific, 6));
            }
        }

        return new X509Extension(SubjectAlternativeNames.Oid, writer.Encode(), critical: false);
    }

    /// <summary>A leaf issued by <paramref name="issuer"/> (which holds its key), with exactly <paramref name="extensions"/> besides the key identifiers.</summary>
    public static X509Certificate2 Issue(X509Certificate2 issuer, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, params X509Extension[] extensions)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        foreach (X509Extension extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using X509Certificate2 publicOnly = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
        return publicOnly.CopyWithPrivateKey(key);
    }

    /// <summary>A self-signed certificate with the given subject and extensions.</summary>
    public static X509Certificate2 SelfSigned(X500DistinguishedName subject, DateTimeOffset notBefore, DateTimeOffset notAfter, params X509Extension[] extensions)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        foreach (X509Extension extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>The certificate with the last byte of its signature changed: same fields, signature that does not verify.</summary>
    public static X509Certificate2 WithFlippedSignatureByte(X509Certificate2 certificate)
    {
        byte[] der = certificate.RawData;
        der[^1] ^= 0x01;
        return X509CertificateLoader.LoadCertificate(der);
    }
}
