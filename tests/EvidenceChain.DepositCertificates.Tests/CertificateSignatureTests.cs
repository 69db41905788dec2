using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.DepositCertificates.Tests.Support;

namespace EvidenceChain.DepositCertificates.Tests;

/// <summary>
/// The signed certificate checked by poppler's <c>pdfsig</c> (NSS, an independent PAdES reader) and by
/// <see cref="CertificateSignatureCheck"/>; a byte changed outside the signature's hole fails both. The test
/// notary's certificate is issued by a test root no one trusts, so pdfsig reports its issuer unknown: only the signature's validity is asserted.
/// </summary>
public sealed class CertificateSignatureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("certificate-signature-").FullName;
    private readonly DepositCertificate _certificate = CertificateFixture.VerifiedCertificate();

    [Fact]
    public void RenderSigned_EcdsaP256_PdfsigSaysTheSignatureIsValid()
    {
        string path = Write("signed.pdf", CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, DocumentSigningCertificates.EcdsaP256()));

        (_, string report) = Poppler.Signatures(path);

        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("- Total document signed", report, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSigned_EcdsaP256_CheckReturnsTheSignerCertificate()
    {
        CertificateSigner signer = DocumentSigningCertificates.EcdsaP256();

        CertificateSignatureVerification verification = CertificateSignatureCheck.Verify(CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, signer));

        Assert.Equal(CertificateSignatureStatus.Valid, verification.Status);
        Assert.Equal(signer.Certificate, verification.SignerCertificate);
    }

    [Fact]
    public void RenderSigned_Sm2_CheckReturnsTheSignerCertificate()
    {
        CertificateSigner signer = DocumentSigningCertificates.Sm2();

        CertificateSignatureVerification verification = CertificateSignatureCheck.Verify(CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, signer));

        Assert.Equal(CertificateSignatureStatus.Valid, verification.Status);
        Assert.Equal(signer.Certificate, verification.SignerCertificate);
    }

    [Fact]
    public void RenderSigned_EcdsaP256_TextIsStillExtractable()
    {
        string path = Write("signed.pdf", CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, DocumentSigningCertificates.EcdsaP256()));

        string text = Poppler.Text(path);

        Assert.Contains("存证证书", text, StringComparison.Ordinal);
        Assert.Contains(_certificate.CertificateId, text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSigned_ChangedVersionByte_FailsPdfsigAndTheCheck()
    {
        byte[] pdf = CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, DocumentSigningCertificates.EcdsaP256());
        int versionDigit = "%PDF-1.".Length;
        Assert.Equal((byte)'7', pdf[versionDigit]);
        pdf[versionDigit] = (byte)'6';
        string path = Write("changed.pdf", pdf);

        (_, string report) = Poppler.Signatures(path);

        Assert.Contains("Signature Validation:", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature is Valid", report, StringComparison.Ordinal);
        Assert.Equal(CertificateSignatureStatus.BadSignature, CertificateSignatureCheck.Verify(pdf).Status);
    }

    [Fact]
    public void Verify_OneByteChangedAnywhereOutsideTheHole_IsNotValid()
    {
        byte[] signed = CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, DocumentSigningCertificates.EcdsaP256());
        (int holeStart, int holeEnd) = Hole(signed);
        int[] positions = [0, holeStart / 2, holeStart - 1, holeEnd, (holeEnd + signed.Length) / 2, signed.Length - 1];
        foreach (int position in positions)
        {
            byte[] pdf = (byte[])signed.Clone();
            pdf[position] ^= 0x01;

            Assert.False(CertificateSignatureCheck.Verify(pdf).IsValid, $"byte {position} of {pdf.Length} changed, hole [{holeStart}, {holeEnd})");
        }
    }

    [Fact]
    public void Verify_ChangedPaddingInTheHole_IsNotCms()
    {
        byte[] pdf = CertificateRenderer.RenderSigned(_certificate, CertificateFixture.Claims, DocumentSigningCertificates.EcdsaP256());
        (_, int holeEnd) = Hole(pdf);
        pdf[holeEnd - 2] = (byte)'1';

        Assert.Equal(CertificateSignatureStatus.ContentsMustBeCms, CertificateSignatureCheck.Verify(pdf).Status);
    }

    [Fact]
    public void Verify_UnsignedCertificate_HasNoSignature()
    {
        Assert.Equal(CertificateSignatureStatus.SignatureMustBeTheOnlyOne, CertificateSignatureCheck.Verify(CertificateRenderer.Render(_certificate)).Status);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The /Contents hex string's bounds, '&lt;' to '&gt;' inclusive, found independently of the check.</summary>
    private static (int Start, int End) Hole(byte[] pdf)
    {
        int start = pdf.AsSpan().IndexOf("/Contents<"u8) + "/Contents".Length;
        int end = pdf.AsSpan(start).IndexOf((byte)'>') + start + 1;
        return (start, end);
    }

    private string Write(string name, byte[] pdf)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
