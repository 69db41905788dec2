using System.Globalization;

namespace EvidenceChain.Cli.Internal;

/// <summary>What the <c>locator</c> commands print, once per language (Chinese is the default).</summary>
internal sealed class LocatorText
{
    public static LocatorText Chinese { get; } = new()
    {
        Minted = (locator, path) => $"公开凭证：{locator}\n回执地址：{path} （在服务的公开端口上，开发模式默认 http://127.0.0.1:5081）",
        KeepIt = "凭证只显示这一次，服务只保存其摘要。持有者都能读取该回执；每次读取都记入您的保管记录。不再需要时请撤销：evidencechain locator revoke 凭证",
        Line = (id, leaf, deposit, minted, revoked) => $"{id}  叶 {leaf}  存证 {deposit}  生成于 {minted}  {(revoked is null ? "有效" : "已于 " + revoked + " 撤销")}",
        Revoked = "已撤销：此凭证不再打开回执。",
        None = "没有公开凭证。",
    };

    public static LocatorText English { get; } = new()
    {
        Minted = (locator, path) => $"locator: {locator}\nreceipt at: {path} on the service's public listener (by default http://127.0.0.1:5081 in development mode)",
        KeepIt = "The locator is shown only now; the service keeps only its digest. Whoever holds it can read the receipt, and every read is in your custody trail. Revoke it when it is no longer needed: evidencechain locator revoke LOCATOR",
        Line = (id, leaf, deposit, minted, revoked) => $"{id}  leaf {leaf}  deposit {deposit}  minted {minted}  {(revoked is null ? "open" : "revoked " + revoked)}",
        Revoked = "Revoked: this locator no longer opens the receipt.",
        None = "No locators.",
    };

    public required Func<string, string, string> Minted { get; init; }

    public required string KeepIt { get; init; }

    public required Func<string, ulong, string, string, string?, string> Line { get; init; }

    public required string Revoked { get; init; }

    public required string None { get; init; }

    public static LocatorText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    public static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
