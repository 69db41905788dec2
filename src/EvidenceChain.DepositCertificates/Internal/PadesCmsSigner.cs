using PdfSharp.Pdf.Signatures;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>PDFsharp's signing hook: it hands over the PDF's byte ranges as one stream and writes the CMS returned into /Contents.</summary>
internal sealed class PadesCmsSigner(CertificateSigner signer) : IDigitalSigner
{
    public string CertificateName => signer.Certificate.SubjectDN.ToString();

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(signer.SignatureSizeMaxBytes);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp's RangedStream starts wherever its file was last written and cannot say whether it seeks
        // (CopyTo asks); read from position 0 in one call, which it serves range by range.
        var signedBytes = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(signedBytes, 0, signedBytes.Length);
        return Task.FromResult(signer.SignDetached(signedBytes));
    }
}
