using System.Text.RegularExpressions;
using EvidenceChain.Core.Tests.Support;
using EvidenceChain.DepositCertificates.Internal;
using EvidenceChain.DepositCertificates.Tests.Support;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace EvidenceChain.DepositCertificates.Tests;

/// <summary>
/// The rendered certificate read back with poppler, an independent PDF reader: every label in both
/// languages and every value the receipt proves can be extracted, and the QR code scans to the locator.
/// The values expected are the conformance manifest's for <c>v2-every-proof</c>.
/// </summary>
public sealed partial class CertificateRendererTests(CertificateFixture fixture) : IClassFixture<CertificateFixture>
{
    private const string UpdateArtefactsVariable = "EVIDENCECHAIN_UPDATE_ARTEFACTS";

    [Theory]
    [InlineData("存证证书")]
    [InlineData("Deposit Certificate")]
    [InlineData("证书编号")]
    [InlineData("存证编号")]
    [InlineData("Deposit ID (leaf hash)")]
    [InlineData("存证人")]
    [InlineData("证据类型")]
    [InlineData("Evidence kind")]
    [InlineData("申报文件")]
    [InlineData("Declared files")]
    [InlineData("内容承诺 SHA-256")]
    [InlineData("叶子序号")]
    [InlineData("Leaf index")]
    [InlineData("树大小")]
    [InlineData("Tree size")]
    [InlineData("受理时间")]
    [InlineData("公证处签署时间")]
    [InlineData("Signed by the notary at")]
    [InlineData("可信时间戳")]
    [InlineData("区块链锚定")]
    [InlineData("Blockchain anchors")]
    [InlineData("交易哈希")]
    [InlineData("锚定状态")]
    [InlineData("Status in the receipt")]
    [InlineData("签发时确认深度")]
    [InlineData("Depth at issuance")]
    [InlineData("运营方")]
    [InlineData("备案信息")]
    [InlineData("验证步骤")]
    [InlineData("How to verify")]
    public void Render_EveryProofReceipt_LabelIsExtractable(string label) => Assert.Contains(label, fixture.Text, StringComparison.Ordinal);

    [Fact]
    public void Render_EveryProofReceipt_ShowsTheProvenValues()
    {
        DepositCertificate certificate = fixture.Certificate;
        Assert.Matches(@"叶子序号\s+5\b", fixture.Text);
        Assert.Matches(@"树大小\s+11\b", fixture.Text);
        Assert.Contains(certificate.CertificateId, fixture.Text, StringComparison.Ordinal);
        Assert.Contains("0x" + certificate.DepositId.ToHex(), Unwrapped(fixture.Text), StringComparison.Ordinal);
        Assert.Contains(certificate.Deposit.UnitsRoot.Sha256.ToHex(), fixture.Text, StringComparison.Ordinal);
        Assert.Contains(certificate.Deposit.UnitsRoot.Sm3.ToHex(), fixture.Text, StringComparison.Ordinal);
        Assert.Contains("2025-11-29 07:06:40.000 UTC", fixture.Text, StringComparison.Ordinal);
        Assert.Matches(@"区块号\s+1234567\b", fixture.Text);
        Assert.Matches(@"区块时间\s+2023-11-14 22:13:20.000 UTC", fixture.Text);
        Assert.Matches(@"hello-court.txt\s+12 字节 bytes", fixture.Text);
        Assert.Contains("京ICP备00000000号", fixture.Text, StringComparison.Ordinal);
        Assert.Contains("evidencechain verify RECEIPT.receipt.json", fixture.Text, StringComparison.Ordinal);
        Assert.Contains("evidencechain verify CERT.pdf --key LOG.vkeys", fixture.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsigned reading aid", fixture.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderSigned_EveryProofReceipt_StatesTheNotarysClaimsAsItsClaims()
    {
        string text = Unwrapped(fixture.Text);
        Assert.Matches(@"公证处签署时间\s+2025-11-29 07:06:41.250 UTC", text);
        Assert.Contains("（公证处声明：签署树大小 11 的检查点之时，收据不证明 — the notary's claim: when it signed the checkpoint of tree size 11; the receipt does not prove it）", Joined(text), StringComparison.Ordinal);
        Assert.Matches(@"签发时确认深度\s+12 个区块 blocks\n", text);
        Assert.Contains("公证处节点最新区块 head block on the notary's node: 1234578", text, StringComparison.Ordinal);
        Assert.Contains("观察于 observed at 2026-06-02 08:00:00.000 UTC", text, StringComparison.Ordinal);
        Assert.Contains("the notary's claim at issuance, not proven by the receipt", Joined(text), StringComparison.Ordinal);
        Assert.Contains("canonicality and depth now: check with verify --rpc on a node you trust", Joined(text), StringComparison.Ordinal);
        Assert.Matches(@"区块时间\s+2023-11-14 22:13:20.000 UTC\s+Block time\s+（已验证的区块头所载 — from the verified block header）", text);
    }

    [Theory]
    [InlineData(AnchorDepthObservation.AnchoringOff, "not observed: the notary anchors to no chain now and asked no node")]
    [InlineData(AnchorDepthObservation.OtherChain, "not observed: this anchor is on another chain or contract than the notary's node")]
    [InlineData(AnchorDepthObservation.NodeDidNotAnswer, "not observed: the notary's node did not answer at 2026-06-02 08:00:00.000 UTC")]
    [InlineData(AnchorDepthObservation.BlockNotOnNodeChain, "not observed: at 2026-06-02 08:00:00.000 UTC the notary's node did not have this block at its height")]
    public void RenderSigned_DepthNotObserved_SaysWhyAsTheNotarysClaim(AnchorDepthObservation reason, string expected)
    {
        DateTimeOffset? askedAt = reason is AnchorDepthObservation.NodeDidNotAnswer or AnchorDepthObservation.BlockNotOnNodeChain ? new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero) : null;
        IssuanceClaims claims = CertificateFixture.Claims with { AnchorDepths = [AnchorDepthClaim.NotObserved(reason, askedAt)] };

        string text = Joined(SignedText(fixture.Certificate, claims, $"depth-{reason}.pdf"));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("the notary's claim at issuance, not proven by the receipt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("个区块 blocks", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "No proven anchor: the notary anchors to no chain, so no depth was observed at issuance.")]
    [InlineData(true, "No proven anchor: at issuance the anchor had not landed and been proven yet, so no depth was observed")]
    public void RenderSigned_NoAnchor_SaysWhyNoDepthWasObserved(bool anchoringOn, string expected)
    {
        DepositCertificate certificate = DepositCertificate.Verify(
            ReceiptVectors.Read("v2-no-timestamps.receipt.json"), ReceiptVectors.LogKeys(), ReceiptVectors.Evidence(), ReceiptVectors.Trust(), new CertificateParticulars([])).Certificate!;
        IssuanceClaims claims = CertificateFixture.Claims with { AnchoringOn = anchoringOn, AnchorDepths = [] };

        string text = Joined(SignedText(certificate, claims, $"no-anchor-{anchoringOn}.pdf"));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Matches(@"公证处签署时间\s+2025-11-29 07:06:41.250 UTC", text);
    }

    [Fact]
    public void RenderSigned_DepthsForOtherAnchors_Throws()
    {
        IssuanceClaims claims = CertificateFixture.Claims with { AnchorDepths = [] };
        Assert.Throws<ArgumentException>(() => CertificateRenderer.RenderSigned(fixture.Certificate, claims, DocumentSigningCertificates.EcdsaP256()));
    }

    [Fact]
    public void CertificateId_EveryProofReceipt_IsTheDepositIdsFirst64BitsInGroups()
    {
        string hex = fixture.Certificate.DepositId.ToHex().ToUpperInvariant();
        Assert.Equal($"ECDC-{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..16]}", fixture.Certificate.CertificateId);
    }

    [Fact]
    public void Render_EveryProofReceipt_EachTimestampCarriesItsSource()
    {
        // The three tokens of the manifest, in receipt order: two independent TSAs, then the operator's own.
        string[] lines = fixture.Text.Split('\n');
        int[] timeLines = [.. lines.Select((line, index) => (line, index)).Where(l => l.line.Contains("时间戳时间", StringComparison.Ordinal)).Select(l => l.index)];
        Assert.Equal(3, timeLines.Length);
        string[] expected = ["独立时间戳机构 — independent TSA", "独立时间戳机构 — independent TSA", "运营方自有时间戳，非独立 — operator's own TSA, not independent"];
        string[] tsaNames = ["CN=Independent TSA", "CN=National TSA", "CN=Operator TSA"];
        for (int i = 0; i < 3; i++)
        {
            Assert.Contains("2026-06-01 12:00:00.000 UTC ±1 s", lines[timeLines[i]], StringComparison.Ordinal);
            Assert.Contains(expected[i], lines[timeLines[i] + 1], StringComparison.Ordinal);
            Assert.Contains(tsaNames[i], lines[timeLines[i] + 2], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_EveryProofReceipt_QrCodeScansToTheLocator()
    {
        string pgm = Poppler.RenderFirstPage(fixture.PdfPath, Path.Combine(fixture.Directory, "qr"), dotsPerInch: 200, gray: true);
        GrayImage page = GrayImage.Read(pgm);
        GrayImage corner = page.Crop(page.Width / 2, 0, page.Width / 2, page.Height / 5);
        var source = new RGBLuminanceSource(corner.Pixels, corner.Width, corner.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        Result? result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        Assert.Equal(CertificateFixture.Locator, result.Text);
    }

    [Fact]
    public void Render_EveryProofReceipt_EmbedsASubsetOfTheFontOnly()
    {
        // The extracted face is about 10 MB; the certificate must carry only the glyphs it uses.
        Assert.InRange(fixture.Pdf.Length, 1_000, 300_000);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(fixture.Pdf, 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryProofReceipt_FirstPageRendersToPng()
    {
        string png = Poppler.RenderFirstPage(fixture.PdfPath, Path.Combine(fixture.Directory, "page"), dotsPerInch: 100, gray: false);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        Assert.Equal(signature, File.ReadAllBytes(png)[..4]);

        // The committed artefact (Artefacts/certificate-page-1.png) is refreshed on request only, after a person looked at it.
        if (Environment.GetEnvironmentVariable(UpdateArtefactsVariable) == "1")
        {
            File.Copy(png, Path.Combine(RepoPaths.Root, "tests", "EvidenceChain.DepositCertificates.Tests", "Artefacts", "certificate-page-1.png"), overwrite: true);
        }
    }

    [Fact]
    public void Render_NoLocator_DrawsNoQrCode()
    {
        var particulars = new CertificateParticulars([]);
        DepositCertificate certificate = DepositCertificate.Verify(
            ReceiptVectors.Read(ReceiptVectors.EveryProof), ReceiptVectors.LogKeys(), ReceiptVectors.Evidence(), ReceiptVectors.Trust(), particulars).Certificate!;
        string path = Path.Combine(fixture.Directory, "no-locator.pdf");
        File.WriteAllBytes(path, CertificateRenderer.Render(certificate));
        string text = Poppler.Text(path);
        Assert.Contains("未申报 — none declared", text, StringComparison.Ordinal);
        Assert.DoesNotContain("收据地址", text, StringComparison.Ordinal);

        // Drawn without the notary's signature, it says so and does not tell the reader to verify it as a certificate.
        Assert.Contains("Unsigned reading aid: drawn offline from the receipt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evidencechain verify CERT.pdf", text, StringComparison.Ordinal);

        // Nor does it state what only the notary can claim at issuance, and it says why.
        string joined = Joined(text);
        Assert.Contains("not shown: an offline reading aid; only a certificate the notary issues states it", joined, StringComparison.Ordinal);
        Assert.Contains("not observed: an offline reading aid asks no node", joined, StringComparison.Ordinal);
        Assert.DoesNotContain("个区块 blocks", joined, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-11-29 07:06:41.250 UTC", joined, StringComparison.Ordinal);
    }

    [Fact]
    public void QrCodeMatrix_Locator_HasQuietZoneAndFinderPattern()
    {
        bool[,] modules = QrCodeMatrix.For(CertificateFixture.Locator);
        int size = modules.GetLength(0);
        Assert.Equal(0, (size - 8 - 21) % 4);
        Assert.False(modules[0, 0]);
        Assert.True(modules[4, 4]);
    }

    private string SignedText(DepositCertificate certificate, IssuanceClaims claims, string fileName)
    {
        string path = Path.Combine(fixture.Directory, fileName);
        File.WriteAllBytes(path, CertificateRenderer.RenderSigned(certificate, claims, DocumentSigningCertificates.EcdsaP256()));
        return Poppler.Text(path);
    }

    /// <summary>
    /// The text as one line, so a value wrapped in the value column reads whole: pdftotext -layout puts a row's English
    /// label on the line of the value's second line, so the labels of the rows asserted on are dropped first.
    /// </summary>
    private static string Joined(string text) => LineBreakAndIndent().Replace(EnglishLabel().Replace(text, string.Empty), " ");

    [GeneratedRegex(@"^(Signed by the notary at|Depth at issuance)", RegexOptions.Multiline)]
    private static partial Regex EnglishLabel();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreakAndIndent();

    /// <summary>pdftotext keeps line breaks where a long value wrapped; a digest wrapped mid-way is joined back.</summary>
    private static string Unwrapped(string text) => WrappedHex().Replace(text, "$1");

    [GeneratedRegex(@"([0-9a-f])\s*\n\s*(?=[0-9a-f])")]
    private static partial Regex WrappedHex();
}
