using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace EvidenceChain.DepositCertificates.Tests.Support;

/// <summary>
/// A notary certificate for tests under a test root made alongside it, as <c>TsaCertificates</c> makes TSA ones:
/// digitalSignature and nonRepudiation key usages and the id-kp-documentSigning extended key usage (RFC 9336).
/// The root is thrown away, so no verifier trusts the certificate.
/// </summary>
internal static class DocumentSigningCertificates
{
    private static readonly DerObjectIdentifier s_documentSigning = new("1.3.6.1.5.5.7.3.36");

    public static CertificateSigner EcdsaP256() => Create(X9ObjectIdentifiers.Prime256v1, "SHA256WITHECDSA", "EvidenceChain Test Notary (ECDSA P-256)");

    public static CertificateSigner Sm2() => Create(GMObjectIdentifiers.sm2p256v1, "SM3WITHSM2", "EvidenceChain Test Notary (SM2)");

    private static CertificateSigner Create(DerObjectIdentifier curve, string signatureAlgorithm, string commonName)
    {
        var random = new SecureRandom();
        AsymmetricCipherKeyPair rootKeys = GenerateKeys(curve, random);
        AsymmetricCipherKeyPair notaryKeys = GenerateKeys(curve, random);
        var rootName = new X509Name("CN=EvidenceChain Test Root,O=EvidenceChain Tests,C=CN");

        X509V3CertificateGenerator root = Start(rootName, rootName, rootKeys.Public, random);
        root.AddExtension(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(0));
        root.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        X509Certificate rootCertificate = root.Generate(new Asn1SignatureFactory(signatureAlgorithm, rootKeys.Private, random));

        X509V3CertificateGenerator notary = Start(rootName, new X509Name($"CN={commonName},O=EvidenceChain Tests,C=CN"), notaryKeys.Public, random);
        notary.AddExtension(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(cA: false));
        notary.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        notary.AddExtension(X509Extensions.ExtendedKeyUsage, critical: false, new ExtendedKeyUsage(new[] { s_documentSigning }));
        notary.AddExtension(X509Extensions.AuthorityKeyIdentifier, critical: false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(rootCertificate));
        X509Certificate certificate = notary.Generate(new Asn1SignatureFactory(signatureAlgorithm, rootKeys.Private, random));
        return new CertificateSigner(notaryKeys.Private, certificate);
    }

    private static AsymmetricCipherKeyPair GenerateKeys(DerObjectIdentifier curve, SecureRandom random)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(ECNamedDomainParameters.LookupOid(curve), random));
        return generator.GenerateKeyPair();
    }

    private static X509V3CertificateGenerator Start(X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey, SecureRandom random)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(128, random).SetBit(127));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        generator.SetNotAfter(DateTime.UtcNow.AddYears(1));
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, critical: false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return generator;
    }
}
