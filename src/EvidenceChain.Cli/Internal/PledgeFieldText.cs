using System.Globalization;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Pledges;
using static EvidenceChain.Cli.Internal.LedgerText;
using Registry = EvidenceChain.Pledges;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// Every field of a pledge event message, as <c>pledge sign</c> shows it before signing, once per language: a signer
/// sees what it signs, not only which event. Amounts in yuan and in fen, days as YYYY-MM-DD, party ids, digests and
/// salts in full hex.
/// </summary>
internal sealed class PledgeFieldText
{
    public static PledgeFieldText Chinese { get; } = new()
    {
        Registration = (owner, category) => $"  登记权利人 {owner}；类别：{category}",
        Deposit = (d, fingerprint, salt) =>
            $"  存证 记录 {d.LeafIndex}（{d.Role}）：{d.UnitCount} 个单元\n    单元根 SHA-256 {d.UnitsRoot.Sha256.ToHex()}\n    单元根 SM3 {d.UnitsRoot.Sm3.ToHex()}\n"
            + $"    存证人承诺 SHA-256 {d.Depositor.Sha256.ToHex()}\n    存证人承诺 SM3 {d.Depositor.Sm3.ToHex()}\n    以密钥指纹 {fingerprint} 与当事人盐值 {salt} 打开",
        Valuation = v => $"  评估人 {v.AppraiserPartyId}（密钥指纹 {v.KeyFingerprint.ToHex()}）：评估值 {MoneyZh(v.ValueFen)}，评估日期 {Day(v.Date)}\n"
            + $"    评估报告 SHA-256 {v.ReportDigest.Sha256.ToHex()}\n    评估报告 SM3 {v.ReportDigest.Sm3.ToHex()}\n    评估人签名 {Convert.ToHexStringLower(v.Signature)}",
        MatchedRoot = root => $"    已核对单元根 SHA-256 {root.Sha256.ToHex()}，SM3 {root.Sm3.ToHex()}",
        Terms = t => $"  出质人 {t.PledgorPartyId}，质权人 {t.PledgeePartyId}\n  担保金额 {MoneyZh(t.SecuredFen)}\n  期限 {Day(t.TermStart)} 至 {Day(t.TermEnd)}\n"
            + $"  顺位 {t.Rank}；{(t.JuniorAllowed ? "允许" : "不允许")}后顺位质押\n  经公证的质押合同 记录 {t.ContractLeaf}；赋强公证：{(t.Enforceable ? "是" : "否")}",
        Evidence = e => $"  所依据文件 SHA-256 {e.Sha256.ToHex()}，SM3 {e.Sm3.ToHex()}",
        Route = route => $"  实现方式 {route}",
        Proceeds = fen => $"  变价款 {MoneyZh(fen)}",
        ResolveTo = state => $"  争议解决为 {state}",
        Transferee = party => $"  受让人（新权利人）{party}",
        NoFields = "  （该事件无其他字段）",
    };

    public static PledgeFieldText English { get; } = new()
    {
        Registration = (owner, category) => $"  registers for owner {owner}; category: {category}",
        Deposit = (d, fingerprint, salt) =>
            $"  deposit leaf {d.LeafIndex} ({d.Role}): {d.UnitCount} units\n    units root SHA-256 {d.UnitsRoot.Sha256.ToHex()}\n    units root SM3 {d.UnitsRoot.Sm3.ToHex()}\n"
            + $"    depositor commitment SHA-256 {d.Depositor.Sha256.ToHex()}\n    depositor commitment SM3 {d.Depositor.Sm3.ToHex()}\n    opened with key fingerprint {fingerprint} and party salt {salt}",
        Valuation = v => $"  valuation by appraiser {v.AppraiserPartyId} (key fingerprint {v.KeyFingerprint.ToHex()}): {MoneyEn(v.ValueFen)}, dated {Day(v.Date)}\n"
            + $"    report SHA-256 {v.ReportDigest.Sha256.ToHex()}\n    report SM3 {v.ReportDigest.Sm3.ToHex()}\n    appraiser's signature {Convert.ToHexStringLower(v.Signature)}",
        MatchedRoot = root => $"    matched units root SHA-256 {root.Sha256.ToHex()}, SM3 {root.Sm3.ToHex()}",
        Terms = t => $"  pledgor {t.PledgorPartyId}, pledgee {t.PledgeePartyId}\n  secures {MoneyEn(t.SecuredFen)}\n  term {Day(t.TermStart)} to {Day(t.TermEnd)}\n"
            + $"  rank {t.Rank}; junior pledges behind it {(t.JuniorAllowed ? "allowed" : "not allowed")}\n  notarized pledge contract: leaf {t.ContractLeaf}; enforceable (赋强): {(t.Enforceable ? "yes" : "no")}",
        Evidence = e => $"  the document it rests on: SHA-256 {e.Sha256.ToHex()}, SM3 {e.Sm3.ToHex()}",
        Route = route => $"  enforcement route {route}",
        Proceeds = fen => $"  proceeds {MoneyEn(fen)}",
        ResolveTo = state => $"  the dispute resolves to {state}",
        Transferee = party => $"  transferee (the new owner) {party}",
        NoFields = "  (the event has no other fields)",
    };

    public required Func<string, string, string> Registration { get; init; }

    /// <summary>A registered deposit as filled from its leaf, and the opening of its depositor commitment (key fingerprint, party salt, hex).</summary>
    public required Func<AssetDeposit, string, string, string> Deposit { get; init; }

    public required Func<Valuation, string> Valuation { get; init; }

    public required Func<DigestPair, string> MatchedRoot { get; init; }

    public required Func<PledgeTerms, string> Terms { get; init; }

    public required Func<DigestPair, string> Evidence { get; init; }

    public required Func<EnforcementRoute, string> Route { get; init; }

    public required Func<long, string> Proceeds { get; init; }

    public required Func<PledgeState, string> ResolveTo { get; init; }

    public required Func<string, string> Transferee { get; init; }

    public required string NoFields { get; init; }

    /// <summary>The event's fields, in the order the message holds them.</summary>
    public IEnumerable<string> Lines(Registry.PledgeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lines = new List<string>();
        if (command.Registration is AssetRegistration registration)
        {
            lines.Add(Registration(registration.OwnerPartyId, registration.Category));
            lines.AddRange(registration.Deposits.Select((d, i) => Deposit(d, registration.Openings[i].KeyFingerprint.ToHex(), registration.Openings[i].PartySalt.Value.ToHex())));
        }

        if (command.Valuation is Valuation valuation)
        {
            lines.Add(Valuation(valuation));
            lines.AddRange(valuation.MatchedRoots.Select(MatchedRoot));
        }

        if (command.Terms is PledgeTerms terms)
        {
            lines.Add(Terms(terms));
        }

        if (command.Evidence is DigestPair evidence)
        {
            lines.Add(Evidence(evidence));
        }

        if (command.Route is EnforcementRoute route)
        {
            lines.Add(Route(route));
        }

        if (command.AmountFen != 0)
        {
            lines.Add(Proceeds(command.AmountFen));
        }

        if (command.ResolveTo is PledgeState resolveTo)
        {
            lines.Add(ResolveTo(resolveTo));
        }

        if (command.TransfereePartyId is string transferee)
        {
            lines.Add(Transferee(transferee));
        }

        return lines.Count > 0 ? lines : [NoFields];
    }

    private static string MoneyZh(long fen) => $"{Yuan(fen)} 元（{fen.ToString(CultureInfo.InvariantCulture)} 分）";

    private static string MoneyEn(long fen) => $"{Yuan(fen)} yuan ({fen.ToString(CultureInfo.InvariantCulture)} fen)";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
