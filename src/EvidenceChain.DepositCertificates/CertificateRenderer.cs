using System.Globalization;
using EvidenceChain.Core.DepositCertificates;
using EvidenceChain.Core.Notes;
using EvidenceChain.Core.Receipts;
using EvidenceChain.DepositCertificates.Internal;
using EvidenceChain.Timestamping;
using PdfSharp.Pdf;

namespace EvidenceChain.DepositCertificates;

/// <summary>
/// Draws a <see cref="DepositCertificate"/> as an A4 PDF in Chinese with English beside it, and returns
/// its bytes, unsigned or signed (PAdES) in the same pass; the signed bytes are the ones to deposit. The page says what each
/// fact rests on: proven by the receipt, the notary's own claim, or the depositor's declaration.
/// </summary>
public static class CertificateRenderer
{
    private const double QrSizePoints = 96;

    /// <exception cref="CertificateFontException">The Chinese font (Debian <c>fonts-wqy-zenhei</c>) is not installed or unreadable.</exception>
    public static byte[] Render(DepositCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using PdfDocument document = Draw(certificate, signed: false);
        return Save(document);
    }

    /// <summary>
    /// As <see cref="Render"/>, signed by <paramref name="signer"/> (PAdES) in the same pass: PDFsharp signs
    /// while it saves, so the bytes returned are the signed ones, to keep and deposit. Check them with
    /// <see cref="CertificateSignatureCheck.Verify"/>.
    /// </summary>
    /// <exception cref="CertificateFontException">The Chinese font (Debian <c>fonts-wqy-zenhei</c>) is not installed or unreadable.</exception>
    public static byte[] RenderSigned(DepositCertificate certificate, CertificateSigner signer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(signer);
        using PdfDocument document = Draw(certificate, signed: true);

        // SHA-256 in a signature and the ETSI.CAdES.detached SubFilter are PDF 1.7 features (ISO 32000-1 12.8, ETSI EN 319 142-1).
        document.Version = 17;
        SignatureStamp.Attach(document, signer);
        return Save(document);
    }

    private static PdfDocument Draw(DepositCertificate certificate, bool signed)
    {
        CertificateFontResolver.Install();
        var document = new PdfDocument();
        document.Info.Title = $"存证证书 Deposit Certificate {certificate.CertificateId}";
        document.Info.Subject = "0x" + certificate.DepositId.ToHex();
        using (var page = new PageWriter(document))
        {
            WriteHeader(page, certificate, signed);
            WriteDeposit(page, certificate);
            WriteLog(page, certificate);
            WriteTimestamps(page, certificate.Report.VerifiedTimestamps);
            WriteAnchors(page, certificate.Report.VerifiedAnchors);
            WriteOperator(page, certificate.Particulars);
            WriteInstructions(page, certificate, signed);
        }

        return document;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void WriteHeader(PageWriter page, DepositCertificate certificate, bool signed)
    {
        if (certificate.Particulars.Locator is Uri locator)
        {
            double left = page.PageWidth - PageWriter.MarginPoints - QrSizePoints;
            page.QrCode(QrCodeMatrix.For(locator.AbsoluteUri), left, PageWriter.MarginPoints - 12, QrSizePoints);
        }

        page.Y += 6;
        page.Centered("存证证书", PageWriter.Title);
        page.Centered("Deposit Certificate", PageWriter.Subtitle);
        page.Y += 4;
        page.Centered($"证书编号 Certificate No.  {certificate.CertificateId}", PageWriter.Label);
        page.Y += 14;
        page.Line();
        page.Paragraph(
            "本证书依据一份已通过离线验证的存证收据出具，只载明证据的密码学承诺，不含证据内容。 "
            + "This certificate is drawn from a deposit receipt that verified offline; it states commitments to the evidence, never its content.",
            PageWriter.Small,
            muted: true);
        if (!signed)
        {
            page.Paragraph(
                "未签名阅读稿：由收据离线绘制，并非公证机构出具的证书。 Unsigned reading aid: drawn offline from the receipt, not a certificate issued by the notary.",
                PageWriter.Value);
        }
    }

    private static void WriteDeposit(PageWriter page, DepositCertificate certificate)
    {
        page.SectionHeading("存证信息", "Deposit");
        page.Row("存证编号", "Deposit ID (leaf hash)", "0x" + certificate.DepositId.ToHex());
        page.Row(
            "存证人",
            "Depositor (key fingerprint)",
            certificate.Report.Depositor is DepositorOpening opening
                ? opening.KeyFingerprint.ToHex()
                : "收据未公开存证人 — the receipt does not open the depositor");
        page.Row("证据类型", "Evidence kind", KindText(certificate.Deposit.Kind));
        IReadOnlyList<DeclaredFile> files = certificate.Particulars.DeclaredFiles;
        page.Row(
            "申报文件",
            "Declared files",
            [
                .. files.Count == 0 ? ["未申报 — none declared"] : files.Select(FileText),
                "（存证人申报，收据不证明文件名与大小 — declared by the depositor; the receipt proves neither name nor size）",
            ]);
        page.Row("内容承诺 SHA-256", "Commitment (units root)", certificate.Deposit.UnitsRoot.Sha256.ToHex());
        page.Row("内容承诺 SM3", "Commitment (units root)", certificate.Deposit.UnitsRoot.Sm3.ToHex());
        page.Row("单元数", "Unit count", Number(certificate.Deposit.UnitCount));
    }

    private static void WriteLog(PageWriter page, DepositCertificate certificate)
    {
        page.SectionHeading("透明日志证明", "Transparency log proof");
        page.Row("日志", "Log (origin)", certificate.Checkpoint.Origin.ToString());
        page.Row("日志标识", "Log ID", "0x" + certificate.Checkpoint.Origin.OriginHash.ToHex());
        page.Row("叶子序号", "Leaf index", Number(certificate.LeafIndex));
        page.Row("树大小", "Tree size", Number(certificate.Checkpoint.TreeSize));
        page.Row("树根", "Root", certificate.Checkpoint.Root.ToHex());
        page.Row(
            "受理时间",
            "Accepted at (log time)",
            FormatTime(DateTimeOffset.FromUnixTimeMilliseconds(certificate.Deposit.ReceivedAtMs)),
            "（存证平台自述的时间 — the notary's own claim）");
        page.Row("检查点签名", "Checkpoint signed by", [.. certificate.Report.SignedBy.Select(SignerText)]);
    }

    private static void WriteTimestamps(PageWriter page, IReadOnlyList<ReceiptTimestamp> timestamps)
    {
        page.SectionHeading("可信时间戳", "Trusted timestamps (RFC 3161)");
        if (timestamps.Count == 0)
        {
            page.Paragraph("无已验证的时间戳：时间仅为存证平台自述。 No verified timestamp: the only time is the notary's own claim.", PageWriter.Value);
            return;
        }

        foreach (ReceiptTimestamp timestamp in timestamps)
        {
            VerifiedTimestamp token = timestamp.Token;
            string accuracy = token.Accuracy is TimeSpan span ? " ±" + span.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture) + " s" : string.Empty;
            page.Row(
                "时间戳时间",
                "Timestamp time",
                FormatTime(token.GenTime) + accuracy,
                token.IsOperatorTsa
                    ? "运营方自有时间戳，非独立 — operator's own TSA, not independent"
                    : "独立时间戳机构 — independent TSA",
                $"{token.TsaName}（树大小 tree size {Number(timestamp.TreeSize)}）");
        }
    }

    private static void WriteAnchors(PageWriter page, IReadOnlyList<EvmAnchorSection> anchors)
    {
        page.SectionHeading("区块链锚定", "Blockchain anchors");
        if (anchors.Count == 0)
        {
            page.Paragraph("无已证明的锚定。 No proven anchor.", PageWriter.Value);
            return;
        }

        foreach (EvmAnchorSection anchor in anchors)
        {
            EvmLanding landing = anchor.Landing!;
            page.Row("链", "Chain ID", Number(anchor.ChainId), "合约 contract " + anchor.Contract);
            page.Row("交易哈希", "Transaction hash", landing.TransactionHash);
            page.Row("区块号", "Block number", Number(landing.BlockNumber));
            page.Row("区块时间", "Block time", FormatTime(DateTimeOffset.FromUnixTimeSeconds(checked((long)landing.BlockTime))));
            page.Row("区块哈希", "Block hash", landing.BlockHash);
            page.Row(
                "确认深度",
                "Depth",
                $"收据记载状态 status in the receipt: {EvmAnchorSection.StatusName(anchor.Status)}（存证平台自述 — the notary's claim）",
                "是否在主链及确认深度，须用 verify --rpc 向自选节点核实 — canonicality and depth: check with verify --rpc on a node you trust",
                $"锚定树大小 anchored tree size {Number(anchor.TreeSize)}");
        }
    }

    private static void WriteOperator(PageWriter page, CertificateParticulars particulars)
    {
        page.SectionHeading("存证平台", "Operator");
        page.Row("运营方", "Operator", particulars.OperatorName ?? "未提供 — not given");
        page.Row("备案信息", "Filing details", particulars.Filing ?? "未提供 — not given");
        if (particulars.Locator is Uri locator)
        {
            page.Row("收据地址", "Receipt locator (QR code)", locator.AbsoluteUri);
        }
    }

    private static void WriteInstructions(PageWriter page, DepositCertificate certificate, bool signed)
    {
        page.SectionHeading("验证步骤", "How to verify");
        if (signed)
        {
            page.Paragraph(
                "本证书由公证机构电子签名，其摘要已记入透明日志。核验本证书（须同时持有证明文件 证书.pdf.proof.json）： "
                + "This certificate is signed by the notary and its digest is recorded in the log. To check it (with its proof file CERT.pdf.proof.json beside it):",
                PageWriter.Value);
            page.Paragraph("evidencechain verify CERT.pdf --key LOG.vkeys [--signing-root SIGNING-ROOT.pem] [--tsa-root TSA-ROOT.pem]", PageWriter.Value, indentPoints: 18);
            page.Paragraph("核验收据与证据本身： To check the receipt against the evidence itself:", PageWriter.Value);
        }

        string[] steps =
        [
            "1. 向存证人取得收据文件（*.receipt.json）、证据原件及其盐文件（*.salt.json）。 Obtain from the depositor the receipt file, the original evidence and its salt file.",
            "2. 从您信任的来源（而非本证书）取得日志公钥文件；如需核验时间戳，取得时间戳机构根证书。 Obtain the log's verifier keys, and the TSA root certificates, from a source you trust, not from this certificate.",
            "3. 安装 evidencechain 命令行工具并离线运行： Install the evidencechain command line and run, offline:",
        ];
        foreach (string step in steps)
        {
            page.Paragraph(step, PageWriter.Value);
        }

        page.Paragraph(
            "evidencechain verify RECEIPT.receipt.json --file EVIDENCE --salt EVIDENCE.salt.json --key LOG.vkeys --tsa-root TSA-ROOT.pem [--operator-tsa OPERATOR-TSA.pem] [--rpc URL]",
            PageWriter.Value,
            indentPoints: 18);
        page.Paragraph(
            $"4. 报告应为“有效”，且存证编号、叶子序号 {Number(certificate.LeafIndex)}、树大小 {Number(certificate.Checkpoint.TreeSize)} 与本证书一致；--rpc 向您信任的以太坊节点核实锚定区块。 "
            + "The report must say valid, with the deposit ID, leaf index and tree size shown here; --rpc checks the anchor's block on an Ethereum node you trust.",
            PageWriter.Value);
        if (certificate.Particulars.Locator is not null)
        {
            page.Paragraph("5. 右上角二维码为收据地址，可下载收据。 The QR code (top right) is the receipt's locator, where the receipt can be fetched.", PageWriter.Value);
        }
    }

    private static string KindText(Core.Leaves.ContentKind kind) => kind switch
    {
        Core.Leaves.ContentKind.TradeSecret => "商业秘密 — trade secret",
        Core.Leaves.ContentKind.Copyright => "著作权作品 — copyright work",
        Core.Leaves.ContentKind.Data => "数据 — data",
        Core.Leaves.ContentKind.Document => "文件 — document",
        _ => ((byte)kind).ToString(CultureInfo.InvariantCulture),
    };

    private static string FileText(DeclaredFile file) =>
        file.LengthBytes is long length ? $"{file.Name}   {Number(length)} 字节 bytes" : $"{file.Name}   （大小未申报 size not declared）";

    /// <summary>The key's algorithm and fingerprint; its name is the log's origin, shown above.</summary>
    private static string SignerText(NoteVerifier key) => $"{key.AlgorithmName}  {key.Fingerprint}";

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
