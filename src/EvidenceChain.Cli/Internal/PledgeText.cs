using static EvidenceChain.Cli.Internal.LedgerText;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What the <c>pledge</c> commands print, once per language (Chinese is the default). Amounts in yuan with two
/// decimals, from integer fen; states, events and rules by the names docs/pledges.md uses.
/// </summary>
internal sealed class PledgeText
{
    public static PledgeText Chinese { get; } = new()
    {
        Proposed = (e, n) => $"{e}：将为该资产的第 {n} 个事件",
        Acceptable = (asset, pledge) => $"  签名齐备即可执行：资产将为 {asset}" + (pledge.Length > 0 ? $"，质押将为 {pledge}" : string.Empty),
        NotYet = (rule, detail) => $"  尚不可执行：{rule}：{detail}",
        Alternative = (i, slots) => $"  签署方案 {i}：{slots}",
        Optional = slots => $"  可另行会签：{slots}",
        Deposit = (leaf, role, sha, count) => $"  存证 记录 {leaf}（{role}）：单元根 SHA-256 {sha}，{count} 个单元",
        MessageSaved = path => $"待签消息已保存至 {path}（仅本人可读）；各签署方运行 pledge sign",
        Signing = (asset, pledge, e, n) => $"签署：资产 {asset}" + (pledge.Length > 0 ? $"，质押 {pledge}" : string.Empty) + $"，事件 {e}，该资产第 {n} 个事件",
        SignatureSaved = (party, fingerprint, path) => $"已由 {party}（密钥指纹 {fingerprint}）签署，签名保存至 {path}",
        Applied = (e, n, leaf) => $"{e} 已执行：该资产第 {n} 个事件（记录 {leaf}）",
        States = (asset, pledge) => $"  资产 {asset}" + (pledge.Length > 0 ? $"；质押 {pledge}" : string.Empty),
        Split = (proceeds, pledgee, pledgor, shortfall) => $"  变价款 {Yuan(proceeds)} 元：质权人 {Yuan(pledgee)} 元，出质人 {Yuan(pledgor)} 元，未受偿 {Yuan(shortfall)} 元",
        Asset = (id, state, owner, events) => $"资产 {id}：{state}，权利人 {owner}，已有 {events} 个事件",
        Category = category => $"  类别：{category}",
        Valuation = (appraiser, value, day) => $"  评估：{appraiser}，{Yuan(value)} 元，{day}",
        Pledge = (id, state, rank, secured, start, end, pledgee) => $"  质押 {id}：{state}，顺位 {rank}，担保 {Yuan(secured)} 元，{start} 至 {end}，质权人 {pledgee}",
        PledgesShown = shown => shown == "own" ? "  （仅列出您作为当事人的质押）" : "  （列出全部质押）",
        Dealing = (n, e, owner, transferee) => $"  第 {n} 个事件 {e}：权利人 {owner}" + (transferee.Length > 0 ? $" → {transferee}" : string.Empty),
        StatementSaved = (path, asOf, records, size) => $"权利负担声明保存至 {path}：截至第 {asOf} 个事件，{records} 条记录，树大小 {size}（尚未核验：用 pledge verify 离线核验）",
        NoRecordsYet = "已签名的检查点尚未包含该资产的任何记录",
        Verified = (asset, asOf, records, size) => $"已核验：资产 {asset} 截至第 {asOf} 个事件的 {records} 条记录均在树大小 {size} 的已签名检查点中，重放结果与声明一致",
        Claim = (asset, events, size, shown) => $"公证机构签名声明：在树大小 {size} 的日志中，资产 {asset} 恰有 {events} 个事件；本声明列出其中第 1 至第 {shown} 个" + (shown < events ? "（之后的事件未列出）" : "（全部）"),
        Owner = (owner, category) => $"  权利人 {owner}；类别：{category}",
        SecretDeposit = (leaf, sha, sm3, count) => $"  秘密存证 记录 {leaf}：单元根 SHA-256 {sha}，SM3 {sm3}，{count} 个单元（回执已核验）",
        InForce = (rank, secured, start, end, pledgee, state, enforceable) => $"  有效质押 顺位 {rank}：担保 {Yuan(secured)} 元，{start} 至 {end}，质权人 {pledgee}，{state}" + (enforceable ? "，赋强公证" : string.Empty),
        NoneInForce = "  无有效质押",
        Notice = "注意：商业秘密没有法定的质押登记机构：本登记的质押约束当事人，并证明谁在何时同意了什么，但未经法定登记，不产生物权效力，不得对抗第三人（最高法 法释〔2020〕28号 第63条）。",
        NotVerified = reason => $"无效：{reason}",
        Fields = PledgeFieldText.Chinese,
    };

    public static PledgeText English { get; } = new()
    {
        Proposed = (e, n) => $"{e}: it would be the asset's event {n}",
        Acceptable = (asset, pledge) => $"  acceptable once signed: the asset would be {asset}" + (pledge.Length > 0 ? $", the pledge {pledge}" : string.Empty),
        NotYet = (rule, detail) => $"  not acceptable yet: {rule}: {detail}",
        Alternative = (i, slots) => $"  signers, option {i}: {slots}",
        Optional = slots => $"  may also sign: {slots}",
        Deposit = (leaf, role, sha, count) => $"  deposit leaf {leaf} ({role}): units root SHA-256 {sha}, {count} units",
        MessageSaved = path => $"message to sign saved to {path} (owner-only); each signer runs pledge sign",
        Signing = (asset, pledge, e, n) => $"signing: asset {asset}" + (pledge.Length > 0 ? $", pledge {pledge}" : string.Empty) + $", event {e}, the asset's event {n}",
        SignatureSaved = (party, fingerprint, path) => $"signed by {party} (key fingerprint {fingerprint}), signature saved to {path}",
        Applied = (e, n, leaf) => $"{e} applied: the asset's event {n} (leaf {leaf})",
        States = (asset, pledge) => $"  asset {asset}" + (pledge.Length > 0 ? $"; pledge {pledge}" : string.Empty),
        Split = (proceeds, pledgee, pledgor, shortfall) => $"  proceeds {Yuan(proceeds)} yuan: pledgee {Yuan(pledgee)} yuan, pledgor {Yuan(pledgor)} yuan, shortfall {Yuan(shortfall)} yuan",
        Asset = (id, state, owner, events) => $"asset {id}: {state}, owner {owner}, {events} events",
        Category = category => $"  category: {category}",
        Valuation = (appraiser, value, day) => $"  valuation: {appraiser}, {Yuan(value)} yuan, {day}",
        Pledge = (id, state, rank, secured, start, end, pledgee) => $"  pledge {id}: {state}, rank {rank}, secures {Yuan(secured)} yuan, {start} to {end}, pledgee {pledgee}",
        PledgesShown = shown => shown == "own" ? "  (only the pledges you are party to are listed)" : "  (every pledge is listed)",
        Dealing = (n, e, owner, transferee) => $"  event {n} {e}: owner {owner}" + (transferee.Length > 0 ? $" to {transferee}" : string.Empty),
        StatementSaved = (path, asOf, records, size) => $"encumbrance statement saved to {path}: as of event {asOf}, {records} records, tree size {size} (not verified here: run pledge verify offline)",
        NoRecordsYet = "the latest signed checkpoint includes none of the asset's records yet",
        Verified = (asset, asOf, records, size) => $"verified: the {records} records of asset {asset} up to its event {asOf} are in the signed checkpoint of tree size {size}, and replay to the statement's encumbrance",
        Claim = (asset, events, size, shown) => $"the notary signs that asset {asset} had exactly {events} events in the tree of size {size}; this statement shows events 1 to {shown}" + (shown < events ? " (the later ones are not shown)" : " (all of them)"),
        Owner = (owner, category) => $"  owner {owner}; category: {category}",
        SecretDeposit = (leaf, sha, sm3, count) => $"  secret deposit leaf {leaf}: units root SHA-256 {sha}, SM3 {sm3}, {count} units (receipt verified)",
        InForce = (rank, secured, start, end, pledgee, state, enforceable) => $"  pledge in force, rank {rank}: secures {Yuan(secured)} yuan, {start} to {end}, pledgee {pledgee}, {state}" + (enforceable ? ", enforceable (赋强)" : string.Empty),
        NoneInForce = "  no pledge in force",
        Notice = "Note: a trade secret has no statutory pledge registry: a pledge recorded here binds its parties and proves who agreed to what, and when, but it has no real-right effect and gives no priority over third parties (SPC 法释〔2020〕28号 art. 63).",
        NotVerified = reason => $"invalid: {reason}",
        Fields = PledgeFieldText.English,
    };

    public required Func<string, ulong, string> Proposed { get; init; }

    public required Func<string, string, string> Acceptable { get; init; }

    public required Func<string, string, string> NotYet { get; init; }

    public required Func<int, string, string> Alternative { get; init; }

    public required Func<string, string> Optional { get; init; }

    public required Func<ulong, string, string, ulong, string> Deposit { get; init; }

    public required Func<string, string> MessageSaved { get; init; }

    public required Func<string, string, string, ulong, string> Signing { get; init; }

    public required Func<string, string, string, string> SignatureSaved { get; init; }

    public required Func<string, ulong, ulong, string> Applied { get; init; }

    public required Func<string, string, string> States { get; init; }

    public required Func<long, long, long, long, string> Split { get; init; }

    public required Func<string, string, string, ulong, string> Asset { get; init; }

    public required Func<string, string> Category { get; init; }

    public required Func<string, long, string, string> Valuation { get; init; }

    public required Func<string, string, uint, long, string, string, string, string> Pledge { get; init; }

    public required Func<string, string> PledgesShown { get; init; }

    public required Func<ulong, string, string, string, string> Dealing { get; init; }

    public required Func<string, ulong, int, ulong, string> StatementSaved { get; init; }

    public required string NoRecordsYet { get; init; }

    public required Func<string, ulong, int, ulong, string> Verified { get; init; }

    /// <summary>What the notary's encumbrance claim says: the asset's events in the checkpoint's tree, and how many the statement shows.</summary>
    public required Func<string, ulong, ulong, ulong, string> Claim { get; init; }

    public required Func<string, string, string> Owner { get; init; }

    public required Func<ulong, string, string, ulong, string> SecretDeposit { get; init; }

    public required Func<uint, long, string, string, string, string, bool, string> InForce { get; init; }

    public required string NoneInForce { get; init; }

    /// <summary>The plain sentence a lender reads: the pledge binds the parties but gives no priority over outsiders.</summary>
    public required string Notice { get; init; }

    public required Func<string, string> NotVerified { get; init; }

    /// <summary>Every field of a message <c>pledge sign</c> is about to sign.</summary>
    public required PledgeFieldText Fields { get; init; }

    /// <summary>The table for a <c>--lang</c> value; Chinese unless English is asked for.</summary>
    public static PledgeText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;
}
