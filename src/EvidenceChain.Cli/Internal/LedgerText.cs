using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cli.Internal;

/// <summary>What the <c>ledger</c> commands print, once per language (Chinese is the default). Amounts in yuan with two decimals, from integer fen.</summary>
internal sealed class LedgerText
{
    public static LedgerText Chinese { get; } = new()
    {
        Heading = (account, batches, size) => $"账户 {account}：{batches} 个账务批次，对应树大小为 {size} 的检查点",
        Batch = (number, leaf) => $"  批次 {number}（记录 {leaf}）",
        Balance = b => $"余额：借方已记账 {Yuan(b.DebitsPosted)} 元，贷方已记账 {Yuan(b.CreditsPosted)} 元，借方待定 {Yuan(b.DebitsPending)} 元，贷方待定 {Yuan(b.CreditsPending)} 元",
        Verified = "对账单核验通过：检查点签名有效，每个批次都在日志中，账户从开立起逐批连续，余额与转账相符。",
        NotVerified = "未核验：没有配置可信公钥（--key 或 --trust）；仅显示服务器所给内容。",
        Saved = path => $"已保存对账单：{path}",
        NextPage = from => $"还有更多批次：evidencechain ledger statement … --from {from}",
    };

    public static LedgerText English { get; } = new()
    {
        Heading = (account, batches, size) => $"Account {account}: {batches} ledger batches, against the checkpoint of tree size {size}",
        Batch = (number, leaf) => $"  batch {number} (leaf {leaf})",
        Balance = b => $"balance: debits posted {Yuan(b.DebitsPosted)} yuan, credits posted {Yuan(b.CreditsPosted)} yuan, debits pending {Yuan(b.DebitsPending)} yuan, credits pending {Yuan(b.CreditsPending)} yuan",
        Verified = "The statement verifies: the checkpoint's signatures hold, every batch is in the log, the account follows from its creation batch by batch, and each balance follows from its transfers.",
        NotVerified = "Not verified: no trusted keys configured (--key or --trust); this is what the server sent.",
        Saved = path => $"Statement saved to {path}",
        NextPage = from => $"More batches: evidencechain ledger statement … --from {from}",
    };

    public required Func<string, int, ulong, string> Heading { get; init; }

    public required Func<ulong, ulong, string> Batch { get; init; }

    public required Func<AccountBalance, string> Balance { get; init; }

    public required string Verified { get; init; }

    public required string NotVerified { get; init; }

    public required Func<string, string> Saved { get; init; }

    public required Func<ulong, string> NextPage { get; init; }

    public static LedgerText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    /// <summary>Fen as yuan with two decimals, by integer arithmetic (money is never floating point).</summary>
    public static string Yuan(long fen) =>
        (fen < 0 ? "-" : string.Empty) + (Math.Abs(fen) / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + (Math.Abs(fen) % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
