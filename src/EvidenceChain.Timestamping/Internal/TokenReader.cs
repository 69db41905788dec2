using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.Tsp;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;
using CmsObjectIdentifiers = Org.BouncyCastle.Asn1.Cms.CmsObjectIdentifiers;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using SignedData = Org.BouncyCastle.Asn1.Cms.SignedData;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>
/// Reads a token's structure from untrusted bytes without throwing, and strictly: one DER encoding per
/// token, so a token logged as a leaf has one hash, and no byte outside the signature can change while the
/// token still verifies (the SignedData and SignerInfo versions and digestAlgorithms are not signed).
/// </summary>
internal static class TokenReader
{
    public static bool TryReadSignedData(
        ReadOnlySpan<byte> der,
        [NotNullWhen(true)] out X509Certificate[]? carried,
        [NotNullWhen(true)] out SignerInformation? signer,
        [NotNullWhen(true)] out byte[]? content,
        out string problem)
    {
        carried = null;
        signer = null;
        content = null;
        if (der.Length > TimestampTokenVerifier.TokenLengthMaxBytes)
        {
            problem = $"the token is {der.Length} bytes long; at most {TimestampTokenVerifier.TokenLengthMaxBytes} are read";
            return false;
        }

        try
        {
            Asn1Object root = Asn1Object.FromByteArray(der.ToArray());
            if (!root.GetDerEncoded().AsSpan().SequenceEqual(der))
            {
                problem = "the token is not in DER, the one encoding of its values";
                return false;
            }

            var contentInfo = ContentInfo.GetInstance(root);
            if (!CmsObjectIdentifiers.SignedData.Equals(contentInfo.ContentType))
            {
                // BouncyCastle's CmsSignedData reads the content as SignedData whatever the ContentInfo says.
                problem = $"the token's content type is {contentInfo.ContentType.Id}, not SignedData";
                return false;
            }

            var signedData = SignedData.GetInstance(contentInfo.Content);
            var parsed = new CmsSignedData(contentInfo);
            IList<SignerInformation> signers = parsed.GetSignerInfos().GetSigners();
            if (!PkcsObjectIdentifiers.IdCTTstInfo.Equals(parsed.SignedContentType) || signedData.EncapContentInfo.Content is not Asn1OctetString signedContent)
            {
                problem = "the token's signed content is not an encapsulated TSTInfo";
                return false;
            }

            if (signers.Count != 1 || signers[0].SignedAttributes is null)
            {
                problem = $"the token has {signers.Count} signer infos; RFC 3161 wants the TSA's alone, with signed attributes";
                return false;
            }

            if (VersionProblem(signedData, signers[0]) is { } wrongVersion)
            {
                problem = wrongVersion;
                return false;
            }

            // BouncyCastle parses lazily: read the certificates now, so a broken one is "malformed" here and not an exception later.
            carried = parsed.GetCertificates().EnumerateMatches(null).ToArray();
            signer = signers[0];
            content = signedContent.GetOctets();
            problem = string.Empty;
            return true;
        }
#pragma warning disable CA1031 // BouncyCastle's parsers throw many exception types on hostile input; every one means "malformed".
        catch (Exception e)
#pragma warning restore CA1031
        {
            problem = $"the token is not a DER CMS SignedData ({e.Message})";
            return false;
        }
    }

    public static bool TryReadTstInfo(byte[] content, [NotNullWhen(true)] out TstInfo? info, out string problem)
    {
        info = null;
        try
        {
            var parsed = TstInfo.GetInstance(Asn1Object.FromByteArray(content));
            if (!parsed.Version.HasValue(1))
            {
                problem = $"the TSTInfo is version {parsed.Version.Value}; RFC 3161 defines version 1";
                return false;
            }

            info = parsed;
            problem = string.Empty;
            return true;
        }
#pragma warning disable CA1031 // As above: a signed content that does not parse is malformed, whatever the exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            problem = $"the signed content is not a TSTInfo ({e.Message})";
            return false;
        }
    }

    /// <summary>RFC 5652 §5.1 and §5.3: the versions follow from the rest of the structure, and digestAlgorithms lists the signer's.</summary>
    private static string? VersionProblem(SignedData signedData, SignerInformation signer)
    {
        // 3 for encapsulated content other than id-data; 4 or 5 when other certificate or CRL formats are carried.
        if (!(signedData.Version.HasValue(3) || signedData.Version.HasValue(4) || signedData.Version.HasValue(5)))
        {
            return $"the SignedData is version {signedData.Version.Value}; a token's is 3, 4 or 5";
        }

        int signerVersion = signer.SignerID.SubjectKeyIdentifier is null ? 1 : 3;
        if (signer.Version != signerVersion)
        {
            return $"the signer info is version {signer.Version}; with this signer identifier it is {signerVersion}";
        }

        if (!signedData.DigestAlgorithms.Equals(new DerSet(signer.DigestAlgorithmID)))
        {
            return "the SignedData's digest algorithms are not exactly the signer's";
        }

        return null;
    }
}
