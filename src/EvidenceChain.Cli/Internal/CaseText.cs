using static EvidenceChain.Cli.Internal.LedgerText;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// What the <c>case</c> commands print, once per language (Chinese is the default). Amounts in yuan with
/// two decimals, from integer fen; states, events, rules and artefact types by the names the server and
/// docs/cases.md use.
/// </summary>
internal sealed class CaseText
{
    public static CaseText Chinese { get; } = new()
    {
        Opened = (id, leaf) => $"案件 {id} 已立案，状态 Draft（记录 {leaf}）",
        ArtefactRecorded = (type, id, leaf) => $"证据 {type} 已登记于案件 {id}（记录 {leaf}）；签名检查点纳入该记录后，方可用于条件核验",
        Document = (sha256, sm3) => $"  文件摘要 SHA-256 {sha256}，SM3 {sm3}（文件本身未离开本机）",
        SignedBy = (signer, fingerprint) => $"  签名人 {signer}，公钥指纹 {fingerprint}",
        Requirement = (n, requirement) => $"  所需证据 {n}：{requirement}",
        NoRequirement = "  无须证据",
        Acceptable = (@event, state) => $"现在可以执行 {@event}：案件将进入 {state}",
        NeedsApprovals = @event => $"{@event} 须经两名公证员审批以下付款后方可执行",
        Transfer = id => $"  转账 {id}",
        TransferBooked = (id, result) => $"  转账 {id}：{result}",
        Payout = (id, fen, account, name) => $"  付款 {id}：{Yuan(fen)} 元 → {account}（{name}）",
        MessageSaved = path => $"审批消息已保存：{path}（一行 base64，权限 0600）；两名公证员各自核对并签署：evidencechain case approve {path} --party 公证员编号 --key 私钥文件 --out 审批文件",
        NothingToApprove = "此事件不付款，无须审批，未保存审批消息",
        Approving = (id, transition, @event, count) => $"您审批的是：案件 {id} 的第 {transition} 次变更（{@event}），以下 {count} 笔付款，仅此而已：",
        ApprovalSaved = (party, fingerprint, path) => $"公证员 {party} 已用公钥 {fingerprint} 签署，审批文件：{path}",
        Applied = (@event, state, leaf) => $"{@event} 已执行：案件现为 {state}（记录 {leaf}）",
        Heading = (id, number, state, transitions) => $"案件 {id}（{number}）：{state}，已变更 {transitions} 次",
        Resume = state => $"  争议或冻结结束后回到 {state}",
        EscrowAccount = account => $"  托管银行账户（账本）{account}",
        Unrecorded = count => $"  注意：账本已记 {count} 笔本案转账，但对应的案件事件未记录（记账与记录之间曾中断）；请重新提交该事件",
        DepositDate = date => $"  提存日期 {date}",
        NoDepositDate = "  提存日期：首笔存入尚未见于银行流水",
        Tranche = (n, fen) => $"  第 {n} 笔存入：{Yuan(fen)} 元",
        Leg = (leg, state, reserved, attempt) => $"  还贷第 {leg} 笔：{state}，已预留 {Yuan(reserved)} 元，第 {attempt + 1} 次付款",
        NoConditions = "  条件集：协议公证前尚无",
        Price = (price, fee, payer) => $"  房价 {Yuan(price)} 元；公证费 {Yuan(fee)} 元，由 {payer} 承担",
        Parties = (buyers, sellers) => $"  买方 {buyers}；卖方 {sellers}",
        PayoffLeg = (leg, kind, lender, account, name) => $"  还贷第 {leg} 笔（{kind}）：贷款人 {lender}，付至 {account}（{name}）",
        SellerPayee = (account, name) => $"  卖方收款账户 {account}（{name}）",
        RefundPayee = (account, name) => $"  买方退款账户 {account}（{name}）",
        FeePayee = (account, name) => $"  公证费收款账户 {account}（{name}）",
        Loan = (route, fen, lender) => $"  买方贷款：{route}" + (fen > 0 ? $"，{Yuan(fen)} 元，贷款人 {lender}" : string.Empty),
        Deadline = (rule, from, last, met) => $"{rule}：自 {from} 起，" + (last.Length > 0 ? $"最后一日 {last}" : "超出工作日历范围，暂无日期") + (met ? "，已满足" : "，未满足"),
        StatementHeading = (subject, count, size) => $"{subject}：{count} 条记录，对应树大小为 {size} 的检查点",
        EntryOpening = (leaf, number) => $"  记录 {leaf}：立案（{number}）",
        EntryTransition = (leaf, n, @event, from, to) => $"  记录 {leaf}：第 {n} 次变更 {@event}，{from} → {to}",
        EntryArtefact = (leaf, type, issuer) => $"  记录 {leaf}：证据 {type}，出具人 {issuer}",
        EntryBatch = (leaf, batch, events) => $"  记录 {leaf}：账本批次 {batch}（{events} 笔）",
        EntryUnreadable = leaf => $"  记录 {leaf}：无法解读",
        NotVerified = "未核验：这是服务器所给内容；法院用日志公钥离线核验已保存的对账单：evidencechain case verify 文件 --key …",
        Saved = path => $"已保存案件记录：{path}",
        NextPage = from => $"还有更多记录：evidencechain case statement … --from {from}",
        Proven = (state, transitions) => $"对账单所证明的案件状态：{state}（变更 {transitions} 次）",
        Verified = "案件记录核验通过：检查点签名有效，每条记录都在日志中，案件从立案起逐次变更连续。",
        DoesNotReplay = reason => $"案件记录不能依次重放：{reason}",
    };

    public static CaseText English { get; } = new()
    {
        Opened = (id, leaf) => $"case {id} opened in Draft (leaf {leaf})",
        ArtefactRecorded = (type, id, leaf) => $"artefact {type} recorded for case {id} (leaf {leaf}); a guard may use it once a signed checkpoint includes that leaf",
        Document = (sha256, sm3) => $"  document SHA-256 {sha256}, SM3 {sm3} (the document itself stays here)",
        SignedBy = (signer, fingerprint) => $"  signed by {signer} with the key {fingerprint}",
        Requirement = (n, requirement) => $"  artefact {n}: {requirement}",
        NoRequirement = "  no artefact needed",
        Acceptable = (@event, state) => $"{@event} can be applied now: the case would move to {state}",
        NeedsApprovals = @event => $"{@event} needs two notaries' approvals of these payouts",
        Transfer = id => $"  transfer {id}",
        TransferBooked = (id, result) => $"  transfer {id}: {result}",
        Payout = (id, fen, account, name) => $"  payout {id}: {Yuan(fen)} yuan to {account} ({name})",
        MessageSaved = path => $"approval message saved to {path} (one line of base64, mode 0600); each of two notaries checks and signs it: evidencechain case approve {path} --party NOTARY_ID --key KEYFILE --out FILE",
        NothingToApprove = "this event makes no payout: nothing to approve, and no message was saved",
        Approving = (id, transition, @event, count) => $"You approve, for case {id}, its transition {transition} ({@event}), exactly " + (count == 1 ? "this payout" : $"these {count} payouts") + " and nothing else:",
        ApprovalSaved = (party, fingerprint, path) => $"approved by notary {party} with the key {fingerprint}; approval file: {path}",
        Applied = (@event, state, leaf) => $"{@event} applied: the case is now {state} (leaf {leaf})",
        Heading = (id, number, state, transitions) => $"case {id} ({number}): {state}, {transitions} transitions",
        Resume = state => $"  back to {state} when the dispute or freeze ends",
        EscrowAccount = account => $"  escrow bank ledger account {account}",
        Unrecorded = count => $"  note: the ledger booked {count} transfers of this case that no recorded event names (a crash between booking and recording); apply the event again",
        DepositDate = date => $"  deposit date {date}",
        NoDepositDate = "  deposit date: no tranche on the bank statement yet",
        Tranche = (n, fen) => $"  tranche {n}: {Yuan(fen)} yuan",
        Leg = (leg, state, reserved, attempt) => $"  payoff leg {leg}: {state}, {Yuan(reserved)} yuan reserved, attempt {attempt + 1}",
        NoConditions = "  condition set: none before the agreement is notarized",
        Price = (price, fee, payer) => $"  price {Yuan(price)} yuan; fee {Yuan(fee)} yuan, borne by the {payer}",
        Parties = (buyers, sellers) => $"  buyers {buyers}; sellers {sellers}",
        PayoffLeg = (leg, kind, lender, account, name) => $"  payoff leg {leg} ({kind}): lender {lender}, paid to {account} ({name})",
        SellerPayee = (account, name) => $"  seller's payee {account} ({name})",
        RefundPayee = (account, name) => $"  buyer's refund payee {account} ({name})",
        FeePayee = (account, name) => $"  fee payee {account} ({name})",
        Loan = (route, fen, lender) => $"  buyer's loan: {route}" + (fen > 0 ? $", {Yuan(fen)} yuan from {lender}" : string.Empty),
        Deadline = (rule, from, last, met) => $"{rule}: from {from}, " + (last.Length > 0 ? $"last day {last}" : "beyond the calendar") + (met ? ", met" : ", not met"),
        StatementHeading = (subject, count, size) => $"{subject}: {count} records, against the checkpoint of tree size {size}",
        EntryOpening = (leaf, number) => $"  leaf {leaf}: opened ({number})",
        EntryTransition = (leaf, n, @event, from, to) => $"  leaf {leaf}: transition {n} {@event}, {from} -> {to}",
        EntryArtefact = (leaf, type, issuer) => $"  leaf {leaf}: artefact {type} issued by {issuer}",
        EntryBatch = (leaf, batch, events) => $"  leaf {leaf}: ledger batch {batch} ({events} events)",
        EntryUnreadable = leaf => $"  leaf {leaf}: not a case record",
        NotVerified = "Not verified: this is what the server sent; a court verifies the saved statement offline with the log's keys: evidencechain case verify FILE --key …",
        Saved = path => $"Case statement saved to {path}",
        NextPage = from => $"More records: evidencechain case statement … --from {from}",
        Proven = (state, transitions) => $"The case as the statement proves it: {state} after {transitions} transitions",
        Verified = "The case statement verifies: the checkpoint's signatures hold, every record is in the log, and the case follows from its opening transition by transition.",
        DoesNotReplay = reason => $"the case's records do not replay: {reason}",
    };

    /// <summary>(case id, leaf index).</summary>
    public required Func<string, ulong, string> Opened { get; init; }

    /// <summary>(type, case id, leaf index).</summary>
    public required Func<string, string, ulong, string> ArtefactRecorded { get; init; }

    /// <summary>(SHA-256 hex, SM3 hex).</summary>
    public required Func<string, string, string> Document { get; init; }

    /// <summary>(signer party id, key fingerprint hex).</summary>
    public required Func<string, string, string> SignedBy { get; init; }

    /// <summary>(1-based position, the server's description).</summary>
    public required Func<int, string, string> Requirement { get; init; }

    public required string NoRequirement { get; init; }

    /// <summary>(event, state after).</summary>
    public required Func<string, string, string> Acceptable { get; init; }

    public required Func<string, string> NeedsApprovals { get; init; }

    public required Func<string, string> Transfer { get; init; }

    /// <summary>(transfer id, the ledger's result).</summary>
    public required Func<string, string, string> TransferBooked { get; init; }

    /// <summary>(transfer id, amount fen, payee account, payee name).</summary>
    public required Func<string, long, string, string, string> Payout { get; init; }

    public required Func<string, string> MessageSaved { get; init; }

    public required string NothingToApprove { get; init; }

    /// <summary>(case id, transition number, event, payout count).</summary>
    public required Func<string, ulong, string, int, string> Approving { get; init; }

    /// <summary>(notary party id, key fingerprint hex, approval file).</summary>
    public required Func<string, string, string, string> ApprovalSaved { get; init; }

    /// <summary>(event, state after, leaf index).</summary>
    public required Func<string, string, ulong, string> Applied { get; init; }

    /// <summary>(case id, case number, state, transition count).</summary>
    public required Func<string, string, string, ulong, string> Heading { get; init; }

    public required Func<string, string> Resume { get; init; }

    public required Func<string, string> EscrowAccount { get; init; }

    /// <summary>(count of transfers booked but not recorded).</summary>
    public required Func<int, string> Unrecorded { get; init; }

    public required Func<string, string> DepositDate { get; init; }

    public required string NoDepositDate { get; init; }

    /// <summary>(tranche number, amount fen).</summary>
    public required Func<int, long, string> Tranche { get; init; }

    /// <summary>(leg, state, reserved fen, attempt from 0).</summary>
    public required Func<uint, string, long, uint, string> Leg { get; init; }

    public required string NoConditions { get; init; }

    /// <summary>(price fen, fee fen, who bears the fee).</summary>
    public required Func<long, long, string, string> Price { get; init; }

    /// <summary>(buyer party ids, seller party ids).</summary>
    public required Func<string, string, string> Parties { get; init; }

    /// <summary>(leg, loan kind, lender party id, payee account, payee name).</summary>
    public required Func<uint, string, string, string, string, string> PayoffLeg { get; init; }

    public required Func<string, string, string> SellerPayee { get; init; }

    public required Func<string, string, string> RefundPayee { get; init; }

    public required Func<string, string, string> FeePayee { get; init; }

    /// <summary>(loan route, loan fen, the buyer's lender).</summary>
    public required Func<string, long, string, string> Loan { get; init; }

    /// <summary>(rule, from, last day or empty beyond the calendar, met).</summary>
    public required Func<string, string, string, bool, string> Deadline { get; init; }

    /// <summary>(subject, record count, tree size).</summary>
    public required Func<string, int, ulong, string> StatementHeading { get; init; }

    /// <summary>(leaf index, case number).</summary>
    public required Func<ulong, string, string> EntryOpening { get; init; }

    /// <summary>(leaf index, transition number, event, from state, to state).</summary>
    public required Func<ulong, ulong, string, string, string, string> EntryTransition { get; init; }

    /// <summary>(leaf index, artefact type, issuer party id).</summary>
    public required Func<ulong, string, string, string> EntryArtefact { get; init; }

    /// <summary>(leaf index, batch number, event count).</summary>
    public required Func<ulong, ulong, int, string> EntryBatch { get; init; }

    public required Func<ulong, string> EntryUnreadable { get; init; }

    public required string NotVerified { get; init; }

    public required Func<string, string> Saved { get; init; }

    public required Func<ulong, string> NextPage { get; init; }

    /// <summary>(state, transition count).</summary>
    public required Func<string, ulong, string> Proven { get; init; }

    public required string Verified { get; init; }

    public required Func<string, string> DoesNotReplay { get; init; }

    public static CaseText For(string? languageCode) => languageCode == Offline.Internal.ReportText.EnglishCode ? English : Chinese;
}
