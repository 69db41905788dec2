using EvidenceChain.Timestamping.Internal;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping;

/// <summary>
/// A TSA's signing key with its certificate, checked to belong together: the key is ECDSA P-256, RSA of
/// 2,048 bits or more, or SM2; the certificate certifies that very key and carries the critical
/// timeStamping extended key usage alone (RFC 3161 §2.3). ECDSA and SM2 signature nonces come from
/// BouncyCastle's generator (the operating system's); nothing else here draws randomness.
/// </summary>
public sealed class TsaCredential
{
    public const int RsaModulusBitsMin = 2048;

    private static readonly X9ECParameters s_p256 = ECNamedCurveTable.GetByName("P-256");

    private TsaCredential(TsaKeyAlgorithm algorithm, X509Certificate certificate, ISignatureFactory signatureFactory, TimestampHash certificateHash)
    {
        Algorithm = algorithm;
        Certificate = certificate;
        SignatureFactory = signatureFactory;
        CertificateHash = certificateHash;
    }

    public TsaKeyAlgorithm Algorithm { get; }

    public X509Certificate Certificate { get; }

    internal ISignatureFactory SignatureFactory { get; }

    /// <summary>The hash the token's signing-certificate-v2 attribute (RFC 5816) binds the certificate with.</summary>
    internal TimestampHash CertificateHash { get; }

    /// <summary>Pairs a private key with its TSA certificate; the algorithm follows from the key.</summary>
    /// <exception cref="ArgumentException">
    /// The key is not ECDSA P-256, RSA of at least 2,048 bits, or SM2; or the certificate is for another key;
    /// or its extended key usage is not timeStamping alone, critical.
    /// </exception>
    public static TsaCredential Create(AsymmetricKeyParameter privateKey, X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(certificate);
        if (!privateKey.IsPrivate)
        {
            throw new ArgumentException("A TSA needs the private key, not the public one.", nameof(privateKey));
        }

        TsaKeyAlgorithm algorithm = AlgorithmOf(privateKey);
        if (!KeyPairs.Match(privateKey, certificate.GetPublicKey()))
        {
            throw new ArgumentException($"The certificate '{certificate.SubjectDN}' certifies another key.", nameof(certificate));
        }

        if (TimestampingUsage.Problem(certificate) is { } problem)
        {
            throw new ArgumentException($"'{certificate.SubjectDN}' is not a TSA certificate: {problem}.", nameof(certificate));
        }

        // SHA-256 throughout for RSA and ECDSA, which is what OpenSSL and most verifiers expect; SM3
        // throughout for SM2, so a national-algorithm deployment has no foreign hash anywhere in a token.
        return algorithm switch
        {
            TsaKeyAlgorithm.Sm2 => new TsaCredential(algorithm, certificate, new Sm2SignatureFactory(privateKey), TimestampHash.Sm3),
            TsaKeyAlgorithm.Rsa => new TsaCredential(algorithm, certificate, new Asn1SignatureFactory("SHA256WITHRSA", privateKey), TimestampHash.Sha256),
            _ => new TsaCredential(algorithm, certificate, new Asn1SignatureFactory("SHA256WITHECDSA", privateKey), TimestampHash.Sha256),
        };
    }

    private static TsaKeyAlgorithm AlgorithmOf(AsymmetricKeyParameter privateKey)
    {
        switch (privateKey)
        {
            case RsaKeyParameters rsa when rsa.Modulus.BitLength >= RsaModulusBitsMin:
                return TsaKeyAlgorithm.Rsa;
            case RsaKeyParameters rsa:
                throw new ArgumentException($"An RSA TSA key needs at least {RsaModulusBitsMin} bits, not {rsa.Modulus.BitLength}.", nameof(privateKey));
            case ECPrivateKeyParameters when Sm2.IsSm2Key(privateKey):
                return TsaKeyAlgorithm.Sm2;
            case ECPrivateKeyParameters ec when ec.Parameters.Curve.Equals(s_p256.Curve) && ec.Parameters.G.Equals(s_p256.G):
                return TsaKeyAlgorithm.EcdsaP256;
            default:
                throw new ArgumentException("A TSA key must be ECDSA P-256, RSA or SM2.", nameof(privateKey));
        }
    }
}
