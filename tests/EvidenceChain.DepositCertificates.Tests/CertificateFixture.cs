using EvidenceChain.DepositCertificates.Tests.Support;

namespace EvidenceChain.DepositCertificates.Tests;

/// <summary>One certificate for <c>v2-every-proof</c>, rendered and signed (as the service issues it) once for all the tests that read it, with its text as pdftotext extracts it.</summary>
public sealed class CertificateFixture : IDisposable
{
    public const string Locator = "https://notary.example.cn/r/7f3a9c2e4b1d8f6a0c5e3b7d9a1f2c4e";

    public CertificateFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("deposit-certificate-").FullName;
        Certificate = VerifiedCertificate();
        Pdf = CertificateRenderer.RenderSigned(Certificate, Claims, DocumentSigningCertificates.EcdsaP256());
        PdfPath = Path.Combine(Directory, "certificate.pdf");
        File.WriteAllBytes(PdfPath, Pdf);
        Text = Poppler.Text(PdfPath);
    }

    /// <summary>
    /// The notary's claims at issuance: the checkpoint signed 1.25 s after the deposit's acceptance, and the anchor
    /// (block 1234567) 12 blocks deep on the notary's node, whose head was 1234578.
    /// </summary>
    public static IssuanceClaims Claims { get; } = new(
        new DateTimeOffset(2025, 11, 29, 7, 6, 41, 250, TimeSpan.Zero),
        AnchoringOn: true,
        [AnchorDepthClaim.Observed(1234567, 1234578, new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero))]);

    public string Directory { get; }

    public DepositCertificate Certificate { get; }

    public byte[] Pdf { get; }

    public string PdfPath { get; }

    public string Text { get; }

    /// <summary>The certificate of <c>v2-every-proof</c>, with particulars that exercise every section.</summary>
    public static DepositCertificate VerifiedCertificate()
    {
        var particulars = new CertificateParticulars(
            [new DeclaredFile("hello-court.txt", 12)],
            "示例存证科技有限公司 Example Notary Ltd.",
            "京ICP备00000000号",
            new Uri(Locator));
        CertificateVerification verification = DepositCertificate.Verify(
            ReceiptVectors.Read(ReceiptVectors.EveryProof), ReceiptVectors.LogKeys(), ReceiptVectors.Evidence(), ReceiptVectors.Trust(), particulars);
        return verification.Certificate!;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
