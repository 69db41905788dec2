namespace EvidenceChain.Cli.Offline.Internal;

/// <summary>
/// The sentences of <c>verify</c>'s certificate report that <see cref="ReportText"/> does not already have, once
/// per language, Chinese first. The receipt behind the certificate, its checks, failures and facts are printed
/// with <see cref="ReportText"/>, so a receipt reads the same in both reports.
/// </summary>
internal sealed class CertificateReportText
{
    public static CertificateReportText Chinese { get; } = new()
    {
        Title = "EvidenceChain 存证证书核验报告",
        CertificateHeading = "存证证书",
        CertificateIdLabel = "证书编号：",
        SignatureHeading = "证书 PDF 的电子签名（PAdES）",
        SignerLabel = "签名人（其证书的主体）：",
        SignerCertificateLabel = "签名人证书指纹（证书 DER 编码的 SHA-256）：",
        SignerTrustLabel = "签名人证书与受信任签名根证书的比对：",
        SignerChecked = "已核验：是您信任的签名根证书或由其签发，且在证书签发时有效",
        SignerNotTrusted = "未通过，见上文原因",
        SignerNotReached = "未进行：核验在此之前已停止",
        SignerNotGiven = "未核验：请用 --signing-root 指定公证处的签名根证书（须从您信任的渠道取得）",
        RecordHeading = "证书在日志中的签发记录",
        IssuedAtLabel = "签发时间（UTC，公证处自己的时间）：",
        DepositHeading = "证书所依据的存证（取自证明文件中的回执）",
        SignatureValid = "证书 PDF 的电子签名有效（PAdES）：签名后文件未被改动",
        Recorded = "日志记录了这份 PDF 的签发：记录证明经受信任公钥验证，记录中的 SHA-256 和 SM3 与此 PDF 一致",
        SameDeposit = "证书的签发记录与回执属于同一日志，且所指的正是回执的存证",
        SignerTrusted = "签名人证书是您信任的签名根证书或由其签发，且在证书签发时有效",
        SignerNotCheckedItem = "未核验签名人是否为公证处（请用 --signing-root 指定公证处的签名根证书，须从您信任的渠道取得）",
        PageTextNotRead = "证书页面上的文字未被逐项读取核对：它是公证处签署的内容；经证明的事实是本报告所列各项",
    };

    public static CertificateReportText English { get; } = new()
    {
        Title = "EvidenceChain deposit certificate verification report",
        CertificateHeading = "Deposit certificate",
        CertificateIdLabel = "certificate no.: ",
        SignatureHeading = "The PDF's signature (PAdES)",
        SignerLabel = "signer (its certificate's subject): ",
        SignerCertificateLabel = "signer's certificate fingerprint (SHA-256 of its DER): ",
        SignerTrustLabel = "signer against your signing roots: ",
        SignerChecked = "checked: one of your signing roots or issued by one, and valid when the certificate was issued",
        SignerNotTrusted = "failed, see the reason above",
        SignerNotReached = "not reached: verification stopped before this check",
        SignerNotGiven = "not checked: give --signing-root with the office's signing root, obtained from a source you trust",
        RecordHeading = "The certificate's record in the log",
        IssuedAtLabel = "issued at (UTC, the notary's own time): ",
        DepositHeading = "The deposit behind the certificate (from the receipt in the proof file)",
        SignatureValid = "the PDF's signature verifies (PAdES): the file was not changed after it was signed",
        Recorded = "the log records issuing this PDF: the record statement verifies with the trusted keys and names this PDF's SHA-256 and SM3",
        SameDeposit = "the certificate's record and the receipt are in one log, and the record names the receipt's deposit",
        SignerTrusted = "the signer's certificate is one of your signing roots or issued by one, and was valid when the certificate was issued",
        SignerNotCheckedItem = "whether the signer is the notary office was not checked (give --signing-root with the office's signing root, obtained from a source you trust)",
        PageTextNotRead = "the text on the certificate's pages was not read and compared item by item: it is what the notary signed; the facts proven are the ones in this report",
    };

    public required string Title { get; init; }

    public required string CertificateHeading { get; init; }

    public required string CertificateIdLabel { get; init; }

    public required string SignatureHeading { get; init; }

    public required string SignerLabel { get; init; }

    public required string SignerCertificateLabel { get; init; }

    public required string SignerTrustLabel { get; init; }

    public required string SignerChecked { get; init; }

    /// <summary>Signing roots were given and the signer failed them: the verdict says why.</summary>
    public required string SignerNotTrusted { get; init; }

    /// <summary>Signing roots were given, but an earlier check failed.</summary>
    public required string SignerNotReached { get; init; }

    public required string SignerNotGiven { get; init; }

    public required string RecordHeading { get; init; }

    public required string IssuedAtLabel { get; init; }

    public required string DepositHeading { get; init; }

    public required string SignatureValid { get; init; }

    public required string Recorded { get; init; }

    public required string SameDeposit { get; init; }

    public required string SignerTrusted { get; init; }

    public required string SignerNotCheckedItem { get; init; }

    public required string PageTextNotRead { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static CertificateReportText For(string? languageCode) => languageCode == ReportText.EnglishCode ? English : Chinese;
}
