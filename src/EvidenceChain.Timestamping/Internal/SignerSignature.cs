using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// Verifies the token's one signer info with the signer certificate's key: the content-type and
/// message-digest attributes (RFC 5652 §11.1, §11.2) and the signature over the signed attributes.
/// RSA and ECDSA go through BouncyCastle's CMS verifier; SM2 is checked here, because that verifier
/// cannot be given the user ID (<see cref="Sm2"/>).
/// </summary>
internal static class SignerSignature
{
    private static readonly DerObjectIdentifier s_sm2Encryption = new("1.2.156.10197.1.301.1");

    /// <summary>What is wrong with the signature, or null when it verifies.</summary>
    public static string? Problem(SignerInformation signer, byte[] content, X509Certificate certificate)
    {
        AsymmetricKeyParameter key = certificate.GetPublicKey();
        try
        {
            bool verified = Sm2.IsSm2Key(key) ? VerifySm2(signer, content, key) : signer.Verify(key);
            return verified ? null : "the signature does not verify with the signer certificate's key";
        }
#pragma warning disable CA1031 // BouncyCastle reports a wrong attribute, algorithm or key type by many exception types; each means "does not verify".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"the signer info does not verify ({e.Message})";
        }
    }

    private static bool VerifySm2(SignerInformation signer, byte[] content, AsymmetricKeyParameter key)
    {
        // GM/T 0010 names the algorithm either as SM2-with-SM3 or as the SM2 key algorithm with SM3 as the digest.
        DerObjectIdentifier signature = signer.SignatureAlgorithm.Algorithm;
        if (!GMObjectIdentifiers.sm3.Equals(signer.DigestAlgorithmID.Algorithm)
            || !(GMObjectIdentifiers.sm2sign_with_sm3.Equals(signature) || s_sm2Encryption.Equals(signature)))
        {
            throw new CmsException($"an SM2 key signs with SM3, not digest {signer.DigestAlgorithmID.Algorithm.Id} and signature {signature.Id}");
        }

        Org.BouncyCastle.Asn1.Cms.AttributeTable attributes = signer.SignedAttributes;
        if (!(attributes.GetAll(CmsAttributes.ContentType) is { Count: 1 } types
            && PkcsObjectIdentifiers.IdCTTstInfo.Equals(Single(types))))
        {
            throw new CmsException("the content-type attribute is not exactly one id-ct-TSTInfo");
        }

        if (!(attributes.GetAll(CmsAttributes.MessageDigest) is { Count: 1 } digests
            && Single(digests) is Asn1OctetString digest
            && Arrays.FixedTimeEquals(digest.GetOctets(), HashAlgorithms.Compute(TimestampHash.Sm3, content))))
        {
            throw new CmsException("the message-digest attribute is not the SM3 of the TSTInfo");
        }

        ISigner verifier = Sm2.CreateSigner(forSigning: false, key);
        byte[] signed = signer.GetEncodedSignedAttributes();
        verifier.BlockUpdate(signed, 0, signed.Length);
        return verifier.VerifySignature(signer.GetSignature());
    }

    private static Asn1Encodable? Single(Asn1EncodableVector attributes)
    {
        Asn1Set values = ((Org.BouncyCastle.Asn1.Cms.Attribute)attributes[0]).AttrValues;
        return values.Count == 1 ? values[0] : null;
    }
}
