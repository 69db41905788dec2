using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Signatures;

namespace EvidenceChain.DepositCertificates.Internal;

/// <summary>
/// Attaches a PAdES signature to a drawn certificate, shown as a stamp in the last page's bottom margin.
/// PDFsharp 6.2.4 hard-codes the SubFilter <c>adbe.pkcs7.detached</c>; a PAdES signature needs
/// <c>ETSI.CAdES.detached</c> (ETSI EN 319 142-1, 5.3). The stamp is drawn after PDFsharp has made the
/// signature dictionary and before the file is written, which is the only moment the SubFilter can be
/// changed: once written, the bytes are signed.
/// </summary>
internal sealed class SignatureStamp : IAnnotationAppearanceHandler
{
    public const string PadesSubFilter = "/ETSI.CAdES.detached";

    private const double HeightPoints = 24;
    private const double BottomPoints = 14;

    private readonly PdfDocument _document;
    private readonly string _signerName;

    private SignatureStamp(PdfDocument document, string signerName)
    {
        _document = document;
        _signerName = signerName;
    }

    /// <summary>Makes <paramref name="document"/> signed by <paramref name="signer"/> when it is saved.</summary>
    public static void Attach(PdfDocument document, CertificateSigner signer)
    {
        var pdfSigner = new PadesCmsSigner(signer);
        double width = document.Pages[^1].Width.Point - (2 * PageWriter.MarginPoints);
        var options = new DigitalSignatureOptions
        {
            AppName = "EvidenceChain",
            Reason = "存证证书 Deposit certificate",
            PageIndex = document.PageCount - 1,
            Rectangle = new XRect(PageWriter.MarginPoints, BottomPoints, width, HeightPoints),
            AppearanceHandler = new SignatureStamp(document, pdfSigner.CertificateName),
        };
        DigitalSignatureHandler.ForDocument(document, pdfSigner, options);
    }

    public void DrawAppearance(XGraphics gfx, XRect rect)
    {
        foreach (PdfDictionary signature in _document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(IsSignatureDictionary))
        {
            signature.Elements.SetName("/SubFilter", PadesSubFilter);
        }

        var origin = new XPoint(4, PageWriter.Small.GetHeight());
        gfx.DrawString("电子签名 Digitally signed (PAdES)", PageWriter.Small, XBrushes.Black, origin);
        gfx.DrawString("签名人 Signer: " + _signerName, PageWriter.Small, XBrushes.Black, origin + new XVector(0, PageWriter.Small.GetHeight()));
    }

    private static bool IsSignatureDictionary(PdfDictionary dictionary) =>
        dictionary.Elements.GetName("/Type") == "/Sig" && dictionary.Elements.ContainsKey("/ByteRange");
}
