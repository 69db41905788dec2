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
        Pdf = CertificateRenderer.RenderSigned(Certificate, DocumentSigningCertificates.EcdsaP256());
        PdfPath = Path.Combine(Directory, "certificate.pdf");
        File.WriteAllBytes(PdfPath, Pdf);
        Text = Poppler.Text(PdfPath);
    }

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
