namespace EvidenceChain.Cli.Internal;

/// <summary>What the <c>certificate</c> command prints, once per language (Chinese is the default).</summary>
internal sealed class CertificateText
{
    public static CertificateText Chinese { get; } = new()
    {
        Receipt = path => $"收据 {path}（不出具证书）",
        WrittenUnsigned = (path, id) => $"已写入存证证书 {path}（证书编号 {id}）。这是离线绘制的阅读稿，未经公证机构签名；正式证书请去掉 --offline 向公证服务申请。",
        WrittenSigned = (path, proof, id, leaf, signer) => $"已写入公证机构签发的存证证书 {path}（证书编号 {id}，签名人 {signer}）及其证明 {proof}（证书记录位于叶子 {leaf}）。二者须一并保存、一并出示；核验：evidencechain verify {path}",
        Answer = "公证服务签发的证书（未写入任何文件）",
        FontMissing = detail => $"无法载入证书所需的中文字体：{detail}",
        ParticularsUnusable = detail => $"证书内容无法使用：{detail}",
        LocatorInvalid = value => $"--locator 须为 http 或 https 地址：{value}",
    };

    public static CertificateText English { get; } = new()
    {
        Receipt = path => $"the receipt {path} (no certificate is drawn)",
        WrittenUnsigned = (path, id) => $"Wrote the deposit certificate {path} (certificate no. {id}). It is a reading aid drawn offline, not signed by the notary; for the signed certificate, leave out --offline to ask the notary service.",
        WrittenSigned = (path, proof, id, leaf, signer) => $"Wrote the deposit certificate {path} issued by the notary (certificate no. {id}, signed by {signer}) and its proof {proof} (the certificate's record is leaf {leaf}). Keep and hand over the two together; check them with: evidencechain verify {path}",
        Answer = "the certificate the notary service issued (no file written)",
        FontMissing = detail => $"cannot load the certificate's Chinese font: {detail}",
        ParticularsUnusable = detail => $"cannot put this on a certificate: {detail}",
        LocatorInvalid = value => $"--locator must be an http or https URL: {value}",
    };

    public required Func<string, string> Receipt { get; init; }

    public required Func<string, string, string> WrittenUnsigned { get; init; }

    public required Func<string, string, string, ulong, string, string> WrittenSigned { get; init; }

    public required string Answer { get; init; }

    public required Func<string, string> FontMissing { get; init; }

    public required Func<string, string> ParticularsUnusable { get; init; }

    public required Func<string, string> LocatorInvalid { get; init; }

    public static CertificateText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;
}
