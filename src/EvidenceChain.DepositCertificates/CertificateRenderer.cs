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
/// fact rests on: proven by the receipt, the notary's own claim, or the depositor's declaration. Only a signed certificate
/// carries the notary's claims at issuance (<see cref="IssuanceClaims"/>); the unsigned reading aid says it has none.
/// </summary>
public static class CertificateRenderer
{
    private const double QrSizePoints = 96;

    /// <exception cref="CertificateFontException">The Chinese font (Debian <c>fonts-wqy-zenhei</c>) is not installed or unreadable.</exception>
    public static byte[] Render(DepositCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using PdfDocument document = Draw(certificate, claims: null);
        return Save(document);
    }

    /// <summary>
    /// As <see cref="Render"/> with the notary's <paramref name="claims"/> at issuance, signed by <paramref name="signer"/>
    /// (PAdES) in the same pass: PDFsharp signs while it saves, so the bytes returned are the signed ones, to keep and
    /// deposit. Check them with <see cref="CertificateSignatureCheck.Verify"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="claims"/> has not one depth per proven anchor of the certificate.</exception>
    /// <exception cref="CertificateFontException">The Chinese font (Debian <c>fonts-wqy-zenhei</c>) is not installed or unreadable.</exception>
    public static byte[] RenderSigned(DepositCertificate certificate, IssuanceClaims claims, CertificateSigner signer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(signer);
        if (claims.AnchorDepths.Count != certificate.Report.VerifiedAnchors.Count)
        {
            throw new ArgumentException($"{claims.AnchorDepths.Count} anchor depths for {certificate.Report.VerifiedAnchors.Count} proven anchors; give one per anchor", nameof(claims));
        }

        using PdfDocument document = Draw(certificate, claims);

        // SHA-256 in a signature and the ETSI.CAdES.detached SubFilter are PDF 1.7 features (ISO 32000-1 12.8, ETSI EN 319 142-1).
        document.Version = 17;
        SignatureStamp.Attach(document, signer);
        return Save(document);
    }

    /// <summary>Draws the certificate; null <paramref name="claims"/> draws the unsigned reading aid.</summary>
    private static PdfDocument Draw(DepositCertificate certificate, IssuanceClaims? claims)
    {
        bool signed = claims is not null;
        CertificateFontResolver.Install();
        var document = new PdfDocument();
        document.Info.Title = $"存证证书 Deposit Certificate {certificate.CertificateId}";
        document.Info.Subject = "0x" + certificate.DepositId.ToHex();
        using (var page = new PageWriter(document))
        {
            WriteHeader(page, certificate, signed);
            WriteDeposit(page, certificate);
            WriteLog(page, certificate, claims);
            WriteTimestamps(page, certificate.Report.VerifiedTimestamps);
            WriteAnchors(page, certificate.Report.VerifiedAnchors, claims);
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

    private static void WriteLog(PageWriter page, DepositCertificate certificate, IssuanceClaims? claims)
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
        page.Row(
            "公证处签署时间",
            "Signed by the notary at",
            claims is null
                ? ["未载明：离线阅读稿，只有公证处签发的证书载明 — not shown: an offline reading aid; only a certificate the notary issues states it"]
                : [
                    FormatTime(claims.CheckpointSignedAt),
                    $"（公证处声明：签署树大小 {Number(certificate.Checkpoint.TreeSize)} 的检查点之时，收据不证明 — the notary's claim: when it signed the checkpoint of tree size {Number(certificate.Checkpoint.TreeSize)}; the receipt does not prove it）",
                ]);
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

    private static void WriteAnchors(PageWriter page, IReadOnlyList<EvmAnchorSection> anchors, IssuanceClaims? claims)
    {
        page.SectionHeading("区块链锚定", "Blockchain anchors");
        if (anchors.Count == 0)
        {
            page.Paragraph(
                claims switch
                {
                    null => "无已证明的锚定。 No proven anchor.",
                    { AnchoringOn: false } => "无已证明的锚定：公证处未启用区块链锚定，签发时未观察确认深度。 No proven anchor: the notary anchors to no chain, so no depth was observed at issuance.",
                    _ => "无已证明的锚定：签发时锚定尚未上链并得到证明，未观察确认深度；可稍后重新申请证书。 No proven anchor: at issuance the anchor had not landed and been proven yet, so no depth was observed; ask for the certificate again later.",
                },
                PageWriter.Value);
            return;
        }

        for (int i = 0; i < anchors.Count; i++)
        {
            EvmAnchorSection anchor = anchors[i];
            EvmLanding landing = anchor.Landing!;
            page.Row("链", "Chain ID", Number(anchor.ChainId), "合约 contract " + anchor.Contract);
            page.Row("交易哈希", "Transaction hash", landing.TransactionHash);
            page.Row("区块号", "Block number", Number(landing.BlockNumber));
            page.Row(
                "区块时间",
                "Block time",
                FormatTime(DateTimeOffset.FromUnixTimeSeconds(checked((long)landing.BlockTime))),
                "（已验证的区块头所载 — from the verified block header）");
            page.Row("区块哈希", "Block hash", landing.BlockHash);
            page.Row(
                "锚定状态",
                "Status in the receipt",
                $"{EvmAnchorSection.StatusName(anchor.Status)}（存证平台自述 — the notary's claim）",
                $"锚定树大小 anchored tree size {Number(anchor.TreeSize)}");
            page.Row(
                "签发时确认深度",
                "Depth at issuance",
                [
                    .. DepthText(claims?.AnchorDepths[i]),
                    "是否在主链及现时深度，须用 verify --rpc 向自选节点核实 — canonicality and depth now: check with verify --rpc on a node you trust",
                ]);
        }
    }

    /// <summary>The notary's observation of one anchor's depth at issuance, marked as its claim; null for the reading aid, which asks no node.</summary>
    private static string[] DepthText(AnchorDepthClaim? claim)
    {
        const string Claim = "（公证处签发时的声明，收据不证明 — the notary's claim at issuance, not proven by the receipt）";
        string at = claim?.ObservedAt is DateTimeOffset time ? FormatTime(time) : string.Empty;
        return claim?.Observation switch
        {
            null => ["未观察：离线阅读稿，未询问任何节点 — not observed: an offline reading aid asks no node"],
            AnchorDepthObservation.Observed =>
            [
                $"{Number(claim.DepthBlocks)} 个区块 blocks",
                $"公证处节点最新区块 head block on the notary's node: {Number(claim.HeadBlockNumber)}",
                $"观察于 observed at {at}",
                Claim,
            ],
            AnchorDepthObservation.AnchoringOff => ["未观察：公证处已停用区块链锚定，未询问节点 — not observed: the notary anchors to no chain now and asked no node", Claim],
            AnchorDepthObservation.OtherChain => ["未观察：此锚定不在公证处现用的链或合约上 — not observed: this anchor is on another chain or contract than the notary's node", Claim],
            AnchorDepthObservation.NodeDidNotAnswer => [$"未观察：公证处节点于 {at} 未应答 — not observed: the notary's node did not answer at {at}", Claim],
            AnchorDepthObservation.BlockNotOnNodeChain => [$"未观察：公证处节点于 {at} 在该高度没有此区块 — not observed: at {at} the notary's node did not have this block at its height", Claim],
            _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.Observation, "an observation this renderer does not know"),
        };
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
            $"4. 报告应为“有效”，且存证编号、叶子序号 {Number(certificate.LeafIndex)}、树大小 {Number(certificate.Checkpoint.TreeSize)} 与本证书一致；--rpc 向您信任的以太坊节点核实锚定区块是否在主链及其确认深度，无须采信本证书所载深度。 "
            + "The report must say valid, with the deposit ID, leaf index and tree size shown here; --rpc asks an Ethereum node you trust whether the anchor's block is canonical and how deep it is, without relying on the depth printed here.",
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
