using System.Buffers;
using System.Globalization;
using System.Text;
using EvidenceChain.Core.Notes;
using EvidenceChain.Timestamping;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace EvidenceChain.Core.DepositCertificates;

/// <summary>
/// Checks the PAdES signature of a certificate PDF as the renderer (EvidenceChain.DepositCertificates) makes
/// it (ISO 32000-1 12.8.1, ETSI EN 319 142-1): exactly one signature dictionary; its /ByteRange covers the
/// whole file except the /Contents hex string; that string holds a detached CMS SignedData (RFC 5652) whose
/// signature verifies over the ranges under the certificate it carries, named by signing-certificate-v2.
/// A changed byte anywhere outside the hole fails. Limits: no incremental updates, no second signature;
/// the PDF is searched as bytes, which holds for PDFsharp's output (the signature dictionary is never in a
/// compressed object stream). Trust in the signer's certificate is the caller's decision.
/// </summary>
public static class CertificateSignatureCheck
{
    /// <summary>Longer PDFs are not certificates (one is about 80 KB).</summary>
    public const int PdfLengthBytesMax = 16 * 1024 * 1024;

    private const int ByteRangeNumberDigitsMax = 10;

    private static readonly SearchValues<byte> s_hexDigits = SearchValues.Create("0123456789ABCDEFabcdef"u8);

    /// <exception cref="ArgumentException">The PDF is longer than <see cref="PdfLengthBytesMax"/>.</exception>
    public static CertificateSignatureVerification Verify(ReadOnlySpan<byte> pdf)
    {
        if (pdf.Length > PdfLengthBytesMax)
        {
            throw new ArgumentException($"The PDF is {pdf.Length} bytes; a certificate has at most {PdfLengthBytesMax}.", nameof(pdf));
        }

        int byteRangeAt = pdf.IndexOf("/ByteRange"u8);
        if (byteRangeAt < 0 || pdf[(byteRangeAt + 1)..].IndexOf("/ByteRange"u8) >= 0)
        {
            return Fail(CertificateSignatureStatus.SignatureMustBeTheOnlyOne);
        }

        if (!TryReadHole(pdf, byteRangeAt, out int holeStart, out int holeEnd))
        {
            return Fail(CertificateSignatureStatus.ByteRangeMustCoverTheWholeFile);
        }

        if (!IsPadesDictionary(pdf, byteRangeAt, holeStart, holeEnd))
        {
            return Fail(CertificateSignatureStatus.SubFilterMustBePades);
        }

        byte[] signedBytes = [.. pdf[..holeStart], .. pdf[holeEnd..]];
        return VerifyCms(Convert.FromHexString(Encoding.ASCII.GetString(pdf[(holeStart + 1)..(holeEnd - 1)])), signedBytes);
    }

    /// <summary>Reads <c>[0 a b c]</c> after /ByteRange and returns the hole [a, b) if it is one <c>&lt;hex&gt;</c> string and b + c is the file's end.</summary>
    private static bool TryReadHole(ReadOnlySpan<byte> pdf, int byteRangeAt, out int holeStart, out int holeEnd)
    {
        holeStart = holeEnd = 0;
        int at = SkipWhitespace(pdf, byteRangeAt + "/ByteRange".Length);
        if (at >= pdf.Length || pdf[at] != (byte)'[')
        {
            return false;
        }

        Span<long> numbers = stackalloc long[4];
        at++;
        for (int index = 0; index < numbers.Length; index++)
        {
            at = SkipWhitespace(pdf, at);
            int digits = 0;
            while (at + digits < pdf.Length && char.IsAsciiDigit((char)pdf[at + digits]) && digits <= ByteRangeNumberDigitsMax)
            {
                digits++;
            }

            if (digits == 0 || digits > ByteRangeNumberDigitsMax)
            {
                return false;
            }

            numbers[index] = long.Parse(pdf.Slice(at, digits), CultureInfo.InvariantCulture);
            at += digits;
        }

        at = SkipWhitespace(pdf, at);
        if (at >= pdf.Length || pdf[at] != (byte)']'
            || numbers[0] != 0 || numbers[1] <= 0 || numbers[2] <= numbers[1] || numbers[2] + numbers[3] != pdf.Length)
        {
            return false;
        }

        holeStart = (int)numbers[1];
        holeEnd = (int)numbers[2];
        ReadOnlySpan<byte> hole = pdf[holeStart..holeEnd];
        return hole.Length >= 2 && hole[0] == (byte)'<' && hole[^1] == (byte)'>' && hole.Length % 2 == 0
            && !hole[1..^1].ContainsAnyExcept(s_hexDigits);
    }

    /// <summary>The object holding /ByteRange must also hold the hole and name itself a PAdES signature.</summary>
    private static bool IsPadesDictionary(ReadOnlySpan<byte> pdf, int byteRangeAt, int holeStart, int holeEnd)
    {
        int objectStart = pdf[..byteRangeAt].LastIndexOf(" obj"u8);
        int objectLength = pdf[byteRangeAt..].IndexOf("endobj"u8);
        if (objectStart < 0 || objectLength < 0 || holeStart < objectStart || holeEnd > byteRangeAt + objectLength)
        {
            return false;
        }

        ReadOnlySpan<byte> signatureObject = pdf[objectStart..(byteRangeAt + objectLength)];
        return HasName(signatureObject, "/Type"u8, "/Sig"u8) && HasName(signatureObject, "/SubFilter"u8, "/ETSI.CAdES.detached"u8);
    }

    private static bool HasName(ReadOnlySpan<byte> dictionary, ReadOnlySpan<byte> key, ReadOnlySpan<byte> name)
    {
        int keyAt = dictionary.IndexOf(key);
        if (keyAt < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = dictionary[SkipWhitespace(dictionary, keyAt + key.Length)..];
        return rest.StartsWith(name) && (rest.Length == name.Length || IsDelimiter(rest[name.Length]));
    }

    private static CertificateSignatureVerification VerifyCms(byte[] contents, byte[] signedBytes)
    {
        SignerInformation signer;
        X509Certificate certificate;
        try
        {
            using var input = new Asn1InputStream(contents);
            Asn1Object contentInfo = input.ReadObject();
            byte[] encoded = contentInfo.GetEncoded(Asn1Encodable.Der);
            var cms = new CmsSignedData(new CmsProcessableByteArray(signedBytes), encoded);
            var signers = cms.GetSignerInfos().GetSigners().ToArray();
            if (contents.AsSpan(encoded.Length).ContainsAnyExcept((byte)0) || signers.Length != 1)
            {
                return Fail(CertificateSignatureStatus.ContentsMustBeCms);
            }

            signer = signers[0];
            X509Certificate[] matches = [.. cms.GetCertificates().EnumerateMatches(signer.SignerID)];
            if (matches.Length != 1)
            {
                return Fail(CertificateSignatureStatus.ContentsMustBeCms);
            }

            certificate = matches[0];
        }
        catch (Exception exception) when (exception is IOException or CmsException or ArgumentException or InvalidCastException)
        {
            return Fail(CertificateSignatureStatus.ContentsMustBeCms);
        }

        if (!IsAllowedDigest(signer.DigestAlgorithmID.Algorithm.Id))
        {
            return Fail(CertificateSignatureStatus.DigestAlgorithmNotAllowed);
        }

        if (!NamesCertificate(signer, certificate))
        {
            return Fail(CertificateSignatureStatus.SigningCertificateMismatch);
        }

        try
        {
            // The key, not the certificate: an SM2 key must be moved onto the curve that verifies without OpenSSL
            // (Sm2Verification). Verify(certificate) would add a check of a signing-time attribute
            // against the certificate's validity; PAdES signatures carry none (the signer removes it), and the chain is
            // checked at the log's time of issue (CertificateVerifier).
            return signer.Verify(Sm2Verification.ForVerification(certificate.GetPublicKey()))
                ? new CertificateSignatureVerification(CertificateSignatureStatus.Valid, certificate)
                : Fail(CertificateSignatureStatus.BadSignature);
        }
        catch (CmsException)
        {
            return Fail(CertificateSignatureStatus.BadSignature);
        }
    }

    private static bool NamesCertificate(SignerInformation signer, X509Certificate certificate)
    {
        Org.BouncyCastle.Asn1.Cms.Attribute? attribute = signer.SignedAttributes?[PkcsObjectIdentifiers.IdAASigningCertificateV2];
        if (attribute is null || attribute.AttrValues.Count != 1)
        {
            return false;
        }

        EssCertIDv2[] ids = SigningCertificateV2.GetInstance(attribute.AttrValues[0]).GetCerts();
        if (ids.Length == 0 || !IsAllowedDigest(ids[0].HashAlgorithm.Algorithm.Id))
        {
            return false;
        }

        byte[] hash = DigestUtilities.CalculateDigest(ids[0].HashAlgorithm.Algorithm, certificate.GetEncoded());
        return hash.AsSpan().SequenceEqual(ids[0].GetCertHash());
    }

    private static bool IsAllowedDigest(string oid) => oid == NistObjectIdentifiers.IdSha256.Id || oid == GMObjectIdentifiers.sm3.Id;

    private static int SkipWhitespace(ReadOnlySpan<byte> pdf, int at)
    {
        while (at < pdf.Length && pdf[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0)
        {
            at++;
        }

        return at;
    }

    private static bool IsDelimiter(byte value) => value is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0
        or (byte)'/' or (byte)'>' or (byte)'<' or (byte)'[' or (byte)']' or (byte)'(' or (byte)')';

    private static CertificateSignatureVerification Fail(CertificateSignatureStatus status) => new(status, null);
}
