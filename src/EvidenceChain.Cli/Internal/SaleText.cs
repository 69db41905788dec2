using static EvidenceChain.Cli.Internal.LedgerText;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What the <c>sale</c> commands print beyond the lines they share with <c>case</c> (<see cref="CaseText"/>),
/// once per language (Chinese is the default). Amounts in yuan with two decimals, from integer fen; states,
/// events, tiers and modes by the names docs/sealed-sale.md and docs/distribution.md use.
/// </summary>
internal sealed class SaleText
{
    public static SaleText Chinese { get; } = new()
    {
        Opened = (id, leaf) => $"带封过户案件 {id} 已立案，状态 Seized（记录 {leaf}）",
        Seizure = (n, property, rank, court, number, day, claim) => $"  查封 {n}：房产 {property}，{rank}，法院 {court}（{number}），{day}，债权 {Yuan(claim)} 元",
        NoSeizure = "  尚未登记查封",
        EnforcingCourt = court => $"  执行法院 {court}",
        Prices = (proposed, floor) => $"  调解价 {Yuan(proposed)} 元；法院底价 {Yuan(floor)} 元",
        Terms = (price, due, forfeit) => $"  成交价 {Yuan(price)} 元，最迟 {due} 付清；违约没收 {Yuan(forfeit)} 元",
        Parties = (buyers, debtors, kind) => $"  买方 {buyers}；被执行人 {debtors}（{kind}）",
        Payees = (refund, surplus) => $"  买方退款账户 {refund}；被执行人余款账户 {surplus}",
        NoTerms = "  协议条款：协议公证前尚无",
        Plan = (net, surplus, revision) => $"  分配方案（第 {revision + 1} 版）：净额 {Yuan(net)} 元，余款归被执行人 {Yuan(surplus)} 元",
        Claim = (n, tier, mode, owed, allocated, account, name) => $"    债权 {n}（{tier}，{mode}）：应得 {Yuan(owed)} 元，分配 {Yuan(allocated)} 元 → {account}（{name}）",
        ObjectionWindow = (received, last) => $"  方案收到日 {received}，异议期" + (last.Length > 0 ? $"至 {last}" : "末日超出工作日历范围，暂无日期"),
        NoPlan = "  分配方案：尚未出具",
        Remitted = "  法院已裁定全部价款划至执行款专户",
        PlanSaved = path => $"分配方案已保存：{path}（法院可原样采纳，或修改后另行计算摘要）",
        Digests = (sha256, sm3, net) => $"法院分配方案证据须载明：文件 SHA-256 {sha256}，SM3 {sm3}，金额 {net} 分",
        BytesSaved = (path, caseId, net) => $"方案规范字节已保存：{path}；法院（或代为见证的公证员）据此签署：evidencechain case artefact {caseId} --type court-document --subject 12 --amount-fen {net} --document {path} …",
        PlanChecked = "方案核对：合计等于净额，未超额分配，未越级分配",
        PlanCheckFailed = (rule, detail) => $"方案核对未通过：{rule}：{detail}（此方案不会被执行）",
        Distribution = "对账单所证明的分配：",
        Payout = (id, fen, state) => $"      付款 {id}：{Yuan(fen)} 元，{state}",
        PayoutBooked = "已记账，待银行流水入账",
        PayoutPosted = "已由银行流水入账",
        NoPayout = "    付款尚未指令（异议期满或法院维持方案后指令）",
        NoDistribution = "尚无法院分配方案：未分配任何款项",
        RemittedAll = "全部价款划至法院执行款专户：",
        PlansAreTheCourts = "每一份分配方案都是法院签署的那一份（摘要与净额与法院证据一致）。",
    };

    public static SaleText English { get; } = new()
    {
        Opened = (id, leaf) => $"sealed sale {id} opened in Seized (leaf {leaf})",
        Seizure = (n, property, rank, court, number, day, claim) => $"  seizure {n}: property {property}, {rank}, court {court} ({number}), {day}, claim {Yuan(claim)} yuan",
        NoSeizure = "  no seizure recorded yet",
        EnforcingCourt = court => $"  enforcing court {court}",
        Prices = (proposed, floor) => $"  proposed price {Yuan(proposed)} yuan; the court's floor {Yuan(floor)} yuan",
        Terms = (price, due, forfeit) => $"  price {Yuan(price)} yuan, due by {due}; forfeit on default {Yuan(forfeit)} yuan",
        Parties = (buyers, debtors, kind) => $"  buyers {buyers}; debtors {debtors} ({kind})",
        Payees = (refund, surplus) => $"  buyer's refund payee {refund}; debtor's surplus payee {surplus}",
        NoTerms = "  terms: none before the agreement is notarized",
        Plan = (net, surplus, revision) => $"  plan (revision {revision}): net proceeds {Yuan(net)} yuan, debtor's surplus {Yuan(surplus)} yuan",
        Claim = (n, tier, mode, owed, allocated, account, name) => $"    claim {n} ({tier}, {mode}): owed {Yuan(owed)} yuan, allocated {Yuan(allocated)} yuan to {account} ({name})",
        ObjectionWindow = (received, last) => $"  plan received {received}; objections " + (last.Length > 0 ? $"through {last}" : "until a day beyond the calendar"),
        NoPlan = "  plan: none issued",
        Remitted = "  the court took the whole proceeds into its execution-fund account",
        PlanSaved = path => $"plan saved to {path} (the court may adopt it unchanged, or change it and compute its digests again)",
        Digests = (sha256, sm3, net) => $"the court's plan artefact must carry: document SHA-256 {sha256}, SM3 {sm3}, amount {net} fen",
        BytesSaved = (path, caseId, net) => $"the plan's canonical bytes saved to {path}; the court (or a notary attesting for it) signs them: evidencechain case artefact {caseId} --type court-document --subject 12 --amount-fen {net} --document {path} …",
        PlanChecked = "plan check: the allocations sum to the proceeds, no claim is exceeded, no lower tier is paid while a higher one is short",
        PlanCheckFailed = (rule, detail) => $"plan check failed: {rule}: {detail} (this plan would not be booked)",
        Distribution = "The distribution as the statement proves it:",
        Payout = (id, fen, state) => $"      payout {id}: {Yuan(fen)} yuan, {state}",
        PayoutBooked = "booked, not yet on the bank statement",
        PayoutPosted = "posted by the bank statement",
        NoPayout = "    payouts not instructed yet (after the objection window, or once the court upholds the plan)",
        NoDistribution = "No plan of the court is issued: nothing is distributed",
        RemittedAll = "The whole proceeds remitted to the court's execution-fund account:",
        PlansAreTheCourts = "Every plan issued is the one the court signed (its digests and net proceeds are those of the court's artefact).",
    };

    /// <summary>(case id, leaf index).</summary>
    public required Func<string, ulong, string> Opened { get; init; }

    /// <summary>(number, property, rank, court, court case number, day, claim fen).</summary>
    public required Func<uint, uint, string, string, string, string, long, string> Seizure { get; init; }

    public required string NoSeizure { get; init; }

    public required Func<string, string> EnforcingCourt { get; init; }

    /// <summary>(proposed price fen, floor fen).</summary>
    public required Func<long, long, string> Prices { get; init; }

    /// <summary>(price fen, payment due date, forfeit fen).</summary>
    public required Func<long, string, long, string> Terms { get; init; }

    /// <summary>(buyers, debtors, debtor kind).</summary>
    public required Func<string, string, string, string> Parties { get; init; }

    /// <summary>(refund payee, surplus payee), each "ACCOUNT (NAME)".</summary>
    public required Func<string, string, string> Payees { get; init; }

    public required string NoTerms { get; init; }

    /// <summary>(net proceeds fen, debtor's surplus fen, revision).</summary>
    public required Func<long, long, uint, string> Plan { get; init; }

    /// <summary>(claim number, tier kind, mode, owed fen, allocated fen, account, name).</summary>
    public required Func<byte, string, string, long, long, string, string, string> Claim { get; init; }

    /// <summary>(day received, last day for objections or empty beyond the calendar).</summary>
    public required Func<string, string, string> ObjectionWindow { get; init; }

    public required string NoPlan { get; init; }

    public required string Remitted { get; init; }

    public required Func<string, string> PlanSaved { get; init; }

    /// <summary>(SHA-256 hex, SM3 hex, net proceeds fen).</summary>
    public required Func<string, string, long, string> Digests { get; init; }

    /// <summary>(path, case id, net proceeds fen).</summary>
    public required Func<string, string, long, string> BytesSaved { get; init; }

    public required string PlanChecked { get; init; }

    /// <summary>(rejection, detail).</summary>
    public required Func<string, string, string> PlanCheckFailed { get; init; }

    public required string Distribution { get; init; }

    /// <summary>(transfer id, amount fen, its standing).</summary>
    public required Func<string, long, string, string> Payout { get; init; }

    public required string PayoutBooked { get; init; }

    public required string PayoutPosted { get; init; }

    public required string NoPayout { get; init; }

    public required string NoDistribution { get; init; }

    public required string RemittedAll { get; init; }

    public required string PlansAreTheCourts { get; init; }

    public static SaleText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;

    /// <summary>The sale text in the language of <paramref name="text"/>.</summary>
    public static SaleText Of(CaseText text) => ReferenceEquals(text, CaseText.English) ? English : Chinese;
}
