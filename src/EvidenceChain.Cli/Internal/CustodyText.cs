using EvidenceChain.Core.Custody;

namespace EvidenceChain.Cli.Internal;

/// <summary>What the <c>custody</c> commands print, once per language (Chinese is the default). Ids and hashes are printed as they are.</summary>
internal sealed class CustodyText
{
    public static CustodyText Chinese { get; } = new()
    {
        Heading = (party, count, size) => $"参与方 {party} 的保管记录：{count} 条，对应树大小为 {size} 的检查点",
        Event = (leaf, time, action, actor, concerned, subject, detail) =>
            $"  记录 {leaf}  {time}  {action}  操作方 {actor}  涉及 {concerned}  对象 {subject}  “{detail}”",
        Anonymous = "匿名（公开凭证）",
        Nobody = "无",
        Verified = "保管记录清单核验通过：检查点签名有效，每条记录均包含在日志中。",
        NotVerified = "未核验：没有配置可信公钥（--key 或 --trust）；仅显示服务器所给内容。",
        Saved = path => $"已保存保管记录清单：{path}",
        NextPage = from => $"还有更多记录：evidencechain custody trail --from {from}",
        Pending = "还有记录尚未进入检查点；稍后再取。",
        Completeness = "说明：清单证明所列记录确在日志中，但不能证明没有遗漏。",
        Actions = new Dictionary<CustodyAction, string>
        {
            [CustodyAction.ReceiptRead] = "读取回执",
            [CustodyAction.ReceiptReadByLocator] = "凭公开凭证读取回执",
            [CustodyAction.LocatorMinted] = "生成公开凭证",
            [CustodyAction.LocatorRevoked] = "撤销公开凭证",
            [CustodyAction.PartyRegistered] = "登记参与方",
            [CustodyAction.KeyBound] = "绑定公钥",
            [CustodyAction.KeyRevoked] = "吊销公钥",
            [CustodyAction.CertificateRevoked] = "吊销证书",
            [CustodyAction.PartyDeactivated] = "停用参与方",
            [CustodyAction.Disclosed] = "向指定方披露存证的部分单元",
            [CustodyAction.VaultStored] = "所有人交存存证内容的加密文件（服务方无密钥，无法解读）",
        },
    };

    public static CustodyText English { get; } = new()
    {
        Heading = (party, count, size) => $"Custody trail of party {party}: {count} events, against the checkpoint of tree size {size}",
        Event = (leaf, time, action, actor, concerned, subject, detail) =>
            $"  leaf {leaf}  {time}  {action}  by {actor}  concerning {concerned}  subject {subject}  \"{detail}\"",
        Anonymous = "anonymous (public locator)",
        Nobody = "nobody",
        Verified = "The custody trail verifies: the checkpoint's signatures hold and every event is in the log.",
        NotVerified = "Not verified: no trusted keys configured (--key or --trust); this is what the server sent.",
        Saved = path => $"Custody trail saved to {path}",
        NextPage = from => $"More events: evidencechain custody trail --from {from}",
        Pending = "Some events are not in a checkpoint yet; fetch again shortly.",
        Completeness = "Note: a trail proves that the events it lists are in the log, not that none is missing.",
        Actions = new Dictionary<CustodyAction, string>
        {
            [CustodyAction.ReceiptRead] = "receipt read",
            [CustodyAction.ReceiptReadByLocator] = "receipt read by locator",
            [CustodyAction.LocatorMinted] = "locator minted",
            [CustodyAction.LocatorRevoked] = "locator revoked",
            [CustodyAction.PartyRegistered] = "party registered",
            [CustodyAction.KeyBound] = "key bound",
            [CustodyAction.KeyRevoked] = "key revoked",
            [CustodyAction.CertificateRevoked] = "certificate revoked",
            [CustodyAction.PartyDeactivated] = "party deactivated",
            [CustodyAction.Disclosed] = "units of a deposit disclosed to a named party",
            [CustodyAction.VaultStored] = "the owner's encrypted vault file of a deposit taken into custody (the service holds no key to read it)",
        },
    };

    public required Func<string, int, ulong, string> Heading { get; init; }

    public required Func<ulong, string, string, string, string, string, string, string> Event { get; init; }

    public required string Anonymous { get; init; }

    public required string Nobody { get; init; }

    public required string Verified { get; init; }

    public required string NotVerified { get; init; }

    public required Func<string, string> Saved { get; init; }

    public required Func<ulong, string> NextPage { get; init; }

    public required string Pending { get; init; }

    public required string Completeness { get; init; }

    public required IReadOnlyDictionary<CustodyAction, string> Actions { get; init; }

    public static CustodyText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;
}
