using EvidenceChain.Timestamping.Internal;
using Org.BouncyCastle.Asn1;
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

namespace EvidenceChain.Timestamping;

/// <summary>
/// Makes a root CA and TSA (or document-signing) certificates under it, for a development TSA, the development
/// notary's signing certificate and tests: never for production, where the certificate comes from a real CA and
/// the key from a device. A TSA certificate
/// has the critical timeStamping extended key usage alone and the digitalSignature and nonRepudiation key
/// usages; the root signs with its own algorithm (certificates signed with SM2 use the GM/T 0009 default user
/// ID, as GM/T 0015 expects).
/// </summary>
public static class TsaCertificates
{
    public const int RsaModulusBits = 2048;

    /// <summary>A self-signed root CA that may issue TSA certificates directly (path length 0).</summary>
    public static IssuedCertificate CreateRoot(TsaKeyAlgorithm algorithm, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, SecureRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        AsymmetricCipherKeyPair keys = GenerateKeys(algorithm, random);
        X509V3CertificateGenerator generator = Start(Name(commonName), Name(commonName), keys.Public, notBefore, notAfter, random);
        generator.AddExtension(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(0));
        generator.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));
        X509Certificate certificate = generator.Generate(SignatureFactory(algorithm, keys.Private, random));
        return new IssuedCertificate(certificate, keys.Private);
    }

    /// <summary>A TSA certificate issued by <paramref name="issuer"/>, on a new key of <paramref name="algorithm"/>.</summary>
    public static IssuedCertificate IssueTsa(IssuedCertificate issuer, TsaKeyAlgorithm algorithm, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, SecureRandom random)
        => IssueTsa(issuer, algorithm, commonName, notBefore, notAfter, random, [KeyPurposeID.id_kp_timeStamping], extendedKeyUsageCritical: true);

    /// <summary>
    /// A document-signing certificate issued by <paramref name="issuer"/> (RFC 9336 id-kp-documentSigning, not
    /// critical): the notary's, which signs deposit certificates (docs/deposit-certificate.md).
    /// </summary>
    public static IssuedCertificate IssueDocumentSigner(IssuedCertificate issuer, TsaKeyAlgorithm algorithm, string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter, SecureRandom random)
        => IssueTsa(issuer, algorithm, commonName, notBefore, notAfter, random, [KeyPurposeID.id_kp_documentSigning], extendedKeyUsageCritical: false);

    /// <summary>As the public overload, with any extended key usages (none: no extension), for tests of certificates a TSA must not have.</summary>
    internal static IssuedCertificate IssueTsa(
        IssuedCertificate issuer,
        TsaKeyAlgorithm algorithm,
        string commonName,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        SecureRandom random,
        KeyPurposeID[] purposes,
        bool extendedKeyUsageCritical)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(random);
        AsymmetricCipherKeyPair keys = GenerateKeys(algorithm, random);
        X509V3CertificateGenerator generator = Start(issuer.Certificate.SubjectDN, Name(commonName), keys.Public, notBefore, notAfter, random);
        generator.AddExtension(X509Extensions.BasicConstraints, critical: true, new BasicConstraints(cA: false));
        generator.AddExtension(X509Extensions.KeyUsage, critical: true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, critical: false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Certificate));
        if (purposes.Length > 0)
        {
            generator.AddExtension(X509Extensions.ExtendedKeyUsage, extendedKeyUsageCritical, new ExtendedKeyUsage(purposes));
        }

        TsaKeyAlgorithm issuerAlgorithm = AlgorithmOf(issuer.PrivateKey);
        X509Certificate certificate = generator.Generate(SignatureFactory(issuerAlgorithm, issuer.PrivateKey, random));
        return new IssuedCertificate(certificate, keys.Private);
    }

    private static X509V3CertificateGenerator Start(X509Name issuer, X509Name subject, AsymmetricKeyParameter publicKey, DateTimeOffset notBefore, DateTimeOffset notAfter, SecureRandom random)
    {
        if (notAfter <= notBefore)
        {
            throw new ArgumentException($"The certificate would expire ({notAfter:O}) before it starts ({notBefore:O}).", nameof(notAfter));
        }

        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(128, random).SetBit(127));
        generator.SetIssuerDN(issuer);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetPublicKey(publicKey);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, critical: false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return generator;
    }

    private static X509Name Name(string commonName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        return new X509Name([X509Name.CN], new Dictionary<DerObjectIdentifier, string> { [X509Name.CN] = commonName });
    }

    private static AsymmetricCipherKeyPair GenerateKeys(TsaKeyAlgorithm algorithm, SecureRandom random)
    {
        IAsymmetricCipherKeyPairGenerator generator;
        switch (algorithm)
        {
            case TsaKeyAlgorithm.EcdsaP256:
                generator = new ECKeyPairGenerator();
                generator.Init(new ECKeyGenerationParameters(ECNamedDomainParameters.LookupOid(X9ObjectIdentifiers.Prime256v1), random));
                break;
            case TsaKeyAlgorithm.Rsa:
                generator = new RsaKeyPairGenerator();
                generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(65537), random, RsaModulusBits, 100));
                break;
            case TsaKeyAlgorithm.Sm2:
                generator = new ECKeyPairGenerator();
                generator.Init(new ECKeyGenerationParameters(ECNamedDomainParameters.LookupOid(Org.BouncyCastle.Asn1.GM.GMObjectIdentifiers.sm2p256v1), random));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not a TSA key algorithm");
        }

        return generator.GenerateKeyPair();
    }

    private static TsaKeyAlgorithm AlgorithmOf(AsymmetricKeyParameter key) => key switch
    {
        RsaKeyParameters => TsaKeyAlgorithm.Rsa,
        _ when Sm2.IsSm2Key(key) => TsaKeyAlgorithm.Sm2,
        _ => TsaKeyAlgorithm.EcdsaP256,
    };

    private static Asn1SignatureFactory SignatureFactory(TsaKeyAlgorithm algorithm, AsymmetricKeyParameter privateKey, SecureRandom random) => algorithm switch
    {
        TsaKeyAlgorithm.Rsa => new Asn1SignatureFactory("SHA256WITHRSA", privateKey, random),
        TsaKeyAlgorithm.Sm2 => new Asn1SignatureFactory("SM3WITHSM2", privateKey, random),
        _ => new Asn1SignatureFactory("SHA256WITHECDSA", privateKey, random),
    };
}
