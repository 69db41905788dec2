using EvidenceChain.DepositCertificates.Internal;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace EvidenceChain.DepositCertificates;

/// <summary>
/// The notary's signing key and X.509 certificate, which sign a deposit certificate as a PAdES baseline
/// signature (ETSI EN 319 142-1, level B-B): a detached CMS SignedData (RFC 5652) over the PDF's byte
/// ranges, carrying the signer's certificate and the signing-certificate-v2 attribute (RFC 5035) and no
/// signing-time attribute (the signature dictionary's /M holds the claimed time, as PAdES requires).
/// ECDSA P-256 keys sign with SHA-256; SM2 keys with SM3 (GM/T 0010, default user ID). Pass it to
/// <see cref="CertificateRenderer.RenderSigned"/>; the key never leaves this object.
/// </summary>
public sealed class CertificateSigner
{
    /// <summary>Room for the CMS besides the certificate: attributes, a signature, the ASN.1 framing (about 400 bytes used).</summary>
    private const int CmsOverheadBytesMax = 2048;

    private readonly AsymmetricKeyParameter _privateKey;
    private readonly string _signatureAlgorithm;
    private readonly AlgorithmIdentifier _digestAlgorithm;

    /// <exception cref="ArgumentException">The key is not a private ECDSA P-256 or SM2 key, or it does not match the certificate.</exception>
    public CertificateSigner(AsymmetricKeyParameter privateKey, X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(certificate);
        if (privateKey is not ECPrivateKeyParameters ecKey)
        {
            throw new ArgumentException($"A certificate is signed with an ECDSA P-256 or SM2 key, not {privateKey.GetType().Name}.", nameof(privateKey));
        }

        if (ecKey.Parameters.Equals(ECNamedDomainParameters.LookupOid(X9ObjectIdentifiers.Prime256v1)))
        {
            _signatureAlgorithm = "SHA256WITHECDSA";
            _digestAlgorithm = new AlgorithmIdentifier(NistObjectIdentifiers.IdSha256, DerNull.Instance);
        }
        else if (ecKey.Parameters.Equals(ECNamedDomainParameters.LookupOid(GMObjectIdentifiers.sm2p256v1)))
        {
            _signatureAlgorithm = "SM3WITHSM2";
            _digestAlgorithm = new AlgorithmIdentifier(GMObjectIdentifiers.sm3, DerNull.Instance);
        }
        else
        {
            throw new ArgumentException("A certificate is signed with an ECDSA P-256 or SM2 key; this key is on another curve.", nameof(privateKey));
        }

        if (certificate.GetPublicKey() is not ECPublicKeyParameters publicKey
            || !publicKey.Q.Equals(ecKey.Parameters.G.Multiply(ecKey.D).Normalize()))
        {
            throw new ArgumentException($"The key is not the one certified by {certificate.SubjectDN}.", nameof(privateKey));
        }

        _privateKey = ecKey;
        Certificate = certificate;
    }

    /// <summary>The certificate the signature names and carries; a verifier decides whether to trust it.</summary>
    public X509Certificate Certificate { get; }

    /// <summary>The space the PDF reserves for the CMS before it is made; the unused rest is zero padding.</summary>
    internal int SignatureSizeMaxBytes => Certificate.GetEncoded().Length + CmsOverheadBytesMax;

    /// <summary>A detached CMS SignedData over <paramref name="signedBytes"/>, DER-encoded.</summary>
    internal byte[] SignDetached(byte[] signedBytes)
    {
        var generator = new CmsSignedDataGenerator();
        SignerInfoGenerator signerInfo = new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new PadesSignedAttributes(SigningCertificateV2()))
            .Build(new Asn1SignatureFactory(_signatureAlgorithm, _privateKey, new SecureRandom()), Certificate);
        generator.AddSignerInfoGenerator(signerInfo);
        generator.AddCertificate(Certificate);
        CmsSignedData signed = generator.Generate(new CmsProcessableByteArray(signedBytes), encapsulate: false);
        return signed.GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>Binds the signature to this certificate, so that a verifier cannot be offered another one with the same key (RFC 5035, section 3).</summary>
    private AttributeTable SigningCertificateV2()
    {
        byte[] certificateHash = DigestUtilities.CalculateDigest(_digestAlgorithm.Algorithm, Certificate.GetEncoded());
        var issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(Certificate.IssuerDN)), new DerInteger(Certificate.SerialNumber));
        var certificateId = new EssCertIDv2(_digestAlgorithm, certificateHash, issuerSerial);
        var attribute = new Org.BouncyCastle.Asn1.Cms.Attribute(
            PkcsObjectIdentifiers.IdAASigningCertificateV2,
            new DerSet(new SigningCertificateV2([certificateId])));
        return new AttributeTable(new Asn1EncodableVector(attribute));
    }
}
