namespace EvidenceChain.Cli.Internal;

/// <summary>What the <c>certificate</c> command prints, once per language (Chinese is the default).</summary>
internal sealed class CertificateText
{
    public static CertificateText Chinese { get; } = new()
    {
        Receipt = path => $"收据 {path}（不出具证书）",
        Written = (path, id) => $"已写入存证证书 {path}（证书编号 {id}）。证书尚未签名。",
        FontMissing = detail => $"无法载入证书所需的中文字体：{detail}",
        ParticularsUnusable = detail => $"证书内容无法使用：{detail}",
        LocatorInvalid = value => $"--locator 须为 http 或 https 地址：{value}",
    };

    public static CertificateText English { get; } = new()
    {
        Receipt = path => $"the receipt {path} (no certificate is drawn)",
        Written = (path, id) => $"Wrote the deposit certificate {path} (certificate no. {id}). It is not signed yet.",
        FontMissing = detail => $"cannot load the certificate's Chinese font: {detail}",
        ParticularsUnusable = detail => $"cannot put this on a certificate: {detail}",
        LocatorInvalid = value => $"--locator must be an http or https URL: {value}",
    };

    public required Func<string, string> Receipt { get; init; }

    public required Func<string, string, string> Written { get; init; }

    public required Func<string, string> FontMissing { get; init; }

    public required Func<string, string> ParticularsUnusable { get; init; }

    public required Func<string, string> LocatorInvalid { get; init; }

    public static CertificateText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;
}
