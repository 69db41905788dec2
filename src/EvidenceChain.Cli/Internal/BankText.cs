namespace EvidenceChain.Cli.Internal;

/// <summary>What the <c>bank</c> commands print, once per language (Chinese is the default). Amounts in yuan with two decimals, from integer fen.</summary>
internal sealed class BankText
{
    public static BankText Chinese { get; } = new()
    {
        Line = (serial, status, disposition, failure) => $"流水 {serial}：{status}" + (disposition.Length > 0 ? $"（{disposition}" + (failure is "" or "None" ? "）" : $"，未匹配原因 {failure}）") : string.Empty),
        IncidentOpened = id => $"  已登记异常 {id}，该托管账户的付款暂停，直至异常处理完毕",
        ImportSummary = (booked, already, incidents, refused) => $"已入账 {booked} 笔，此前已导入 {already} 笔，异常 {incidents} 笔，拒绝 {refused} 笔",
        Reconciled = (date, leaf, balanced) => $"{date} 对账已记录（记录 {leaf}）：" + (balanced ? "账实相符" : "存在差额"),
        Row = (bank, ledger, statement, difference) => $"  账户 {bank}：账面 {LedgerText.Yuan(ledger)} 元，银行日终余额 {LedgerText.Yuan(statement)} 元，差额 {LedgerText.Yuan(difference)} 元",
        NoIncidents = "没有银行异常。",
        Incident = (id, open, cause, bank, date, amount, serial) => $"异常 {id}：{(open ? "未处理" : "已处理")}，{cause}，账户 {bank}，{date}，{LedgerText.Yuan(amount)} 元" + (serial.Length > 0 ? $"，流水 {serial}" : string.Empty),
        Resolution = (note, leaf) => $"  处理说明（记录 {leaf}）：{note}",
        Resolved = (id, leaf) => $"异常 {id} 的处理已记录（记录 {leaf}）；该账户没有其他未处理异常时，付款恢复。",
        Exported = (count, path) => $"已导出 {count} 条付款指令：{path}",
        InterestShare = (sub, weight, amount, recipient) => $"子账户 {sub}：日终余额积数 {weight} 分·天，分得利息 {LedgerText.Yuan(amount)} 元，归 {recipient}",
        InterestTransfer = (id, recipient, amount, result) => $"  转账 {id}：{LedgerText.Yuan(amount)} 元 → {recipient}（{result}）",
        InterestAllocated = (first, last, leaf) => leaf is ulong l ? $"{first} 至 {last} 的利息已分配（记录 {l}）" : $"{first} 至 {last} 的利息为零，无须转账",
    };

    public static BankText English { get; } = new()
    {
        Line = (serial, status, disposition, failure) => $"serial {serial}: {status}" + (disposition.Length > 0 ? $" ({disposition}" + (failure is "" or "None" ? ")" : $", unmatched: {failure})") : string.Empty),
        IncidentOpened = id => $"  incident {id} recorded: payouts from this escrow account are held until it is resolved",
        ImportSummary = (booked, already, incidents, refused) => $"{booked} booked, {already} imported before, {incidents} incidents, {refused} refused",
        Reconciled = (date, leaf, balanced) => $"reconciliation of {date} recorded (leaf {leaf}): " + (balanced ? "balanced" : "differences found"),
        Row = (bank, ledger, statement, difference) => $"  account {bank}: ledger {LedgerText.Yuan(ledger)} yuan, bank closing {LedgerText.Yuan(statement)} yuan, difference {LedgerText.Yuan(difference)} yuan",
        NoIncidents = "No bank incidents.",
        Incident = (id, open, cause, bank, date, amount, serial) => $"incident {id}: {(open ? "open" : "resolved")}, {cause}, account {bank}, {date}, {LedgerText.Yuan(amount)} yuan" + (serial.Length > 0 ? $", serial {serial}" : string.Empty),
        Resolution = (note, leaf) => $"  resolution (leaf {leaf}): {note}",
        Resolved = (id, leaf) => $"resolution of incident {id} recorded (leaf {leaf}); payouts resume once no other incident on its account is open.",
        Exported = (count, path) => $"{count} payment instructions exported to {path}",
        InterestShare = (sub, weight, amount, recipient) => $"sub-account {sub}: {weight} fen-days of end-of-day balances, earned {LedgerText.Yuan(amount)} yuan, to {recipient}",
        InterestTransfer = (id, recipient, amount, result) => $"  transfer {id}: {LedgerText.Yuan(amount)} yuan to {recipient} ({result})",
        InterestAllocated = (first, last, leaf) => leaf is ulong l ? $"interest for {first} to {last} allocated (leaf {l})" : $"interest for {first} to {last} is zero: nothing to transfer",
    };

    /// <summary>(serial, status, disposition, match failure).</summary>
    public required Func<string, string, string, string, string> Line { get; init; }

    public required Func<string, string> IncidentOpened { get; init; }

    /// <summary>(booked, already imported, incidents, refused).</summary>
    public required Func<int, int, int, int, string> ImportSummary { get; init; }

    /// <summary>(date, leaf index, balanced).</summary>
    public required Func<string, ulong, bool, string> Reconciled { get; init; }

    /// <summary>(bank account, ledger fen, statement fen, difference fen).</summary>
    public required Func<string, long, long, long, string> Row { get; init; }

    public required string NoIncidents { get; init; }

    /// <summary>(id, open, cause, bank account, date, amount fen, serial).</summary>
    public required Func<string, bool, string, string, string, long, string, string> Incident { get; init; }

    /// <summary>(note, leaf index).</summary>
    public required Func<string, ulong, string> Resolution { get; init; }

    public required Func<string, ulong, string> Resolved { get; init; }

    public required Func<int, string, string> Exported { get; init; }

    /// <summary>(sub-account, weight fen·days, amount fen, recipient).</summary>
    public required Func<string, string, long, string, string> InterestShare { get; init; }

    /// <summary>(transfer id, recipient, amount fen, ledger result).</summary>
    public required Func<string, string, long, string, string> InterestTransfer { get; init; }

    /// <summary>(first day, last day, leaf index or null when nothing moved).</summary>
    public required Func<string, string, ulong?, string> InterestAllocated { get; init; }

    public static BankText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;
}
