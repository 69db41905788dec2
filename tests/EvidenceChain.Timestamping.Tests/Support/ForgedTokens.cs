using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using CmsAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using CmsAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace EvidenceChain.Timestamping.Tests.Support;

/// <summary>
/// Tokens our TSA refuses to make, signed with raw CMS: a certificate with the wrong extended key usage,
/// a genTime outside the certificate's validity, a signing-certificate attribute naming another
/// certificate or none. Only ECDSA P-256 keys; everything else is as a TSA would write it.
/// </summary>
internal static class ForgedTokens
{
    /// <param name="signer">The certificate and key that sign (an ECDSA P-256 one).</param>
    /// <param name="genTime">The time the token states.</param>
    /// <param name="imprint">The imprint the token dates.</param>
    /// <param name="boundCertificate">The certificate the signing-certificate-v2 attribute names; null for no attribute at all.</param>
    public static byte[] Sign(IssuedCertificate signer, DateTimeOffset genTime, TimestampImprint imprint, X509Certificate? boundCertificate)
    {
        var hashAlgorithm = new AlgorithmIdentifier(imprint.Hash == TimestampHash.Sm3 ? Org.BouncyCastle.Asn1.GM.GMObjectIdentifiers.sm3 : Org.BouncyCastle.Asn1.Nist.NistObjectIdentifiers.IdSha256, DerNull.Instance);
        var info = new TstInfo(
            new DerObjectIdentifier(TestTsa.Policy),
            new MessageImprint(hashAlgorithm, imprint.Digest.ToArray()),
            DerInteger.ValueOf(42),
            new Asn1GeneralizedTime(genTime.UtcDateTime),
            accuracy: null,
            ordering: null,
            nonce: null,
            tsa: null,
            extensions: null);

        var attributes = new Asn1EncodableVector();
        if (boundCertificate is not null)
        {
            var id = new EssCertIDv2(DigestUtilities.CalculateDigest("SHA-256", boundCertificate.GetEncoded()));
            attributes.Add(new CmsAttribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2([id]))));
        }

        SignerInfoGenerator signerInfo = new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new CmsAttributeTable(attributes)))
            .Build(new Asn1SignatureFactory("SHA256WITHECDSA", signer.PrivateKey), signer.Certificate);
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(signerInfo);
        generator.AddCertificates(CollectionUtilities.CreateStore(new[] { signer.Certificate }));
        CmsSignedData signed = generator.Generate(new CmsProcessableByteArray(PkcsObjectIdentifiers.IdCTTstInfo, info.GetDerEncoded()), encapsulate: true);
        return signed.ContentInfo.GetDerEncoded();
    }
}
