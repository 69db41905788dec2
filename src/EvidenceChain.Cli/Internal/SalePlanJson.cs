using EvidenceChain.Cases;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Protocol.V1;

namespace EvidenceChain.Cli.Internal;

/// <summary>
/// A court's distribution plan as a file (<c>sale plan --out</c> writes it, <c>sale apply … issue-plan --plan</c>
/// and <c>sale plan-digests</c> read it): the proto's <c>CourtDistributionPlan</c> field for field, in
/// snake_case, read strictly (<see cref="CaseJsonContext"/>). Tier kind 1 costs, 2 construction priority,
/// 3 secured, 4 statutory, 5 ordinary; mode 1 sequential, 2 pro rata (docs/distribution.md). The court
/// signs the plan's canonical bytes (docs/formats/distribution-plan.md), which keep the order of the
/// claims and allocations in this file.
/// </summary>
internal sealed record SalePlanJson(long NetProceedsFen, IReadOnlyList<SalePlanJson.TierJson> Tiers, IReadOnlyList<SalePlanJson.AllocationJson> Allocations, long DebtorSurplusFen)
{
    /// <summary>A plan of 63 claims is a few pages of JSON; anything this large is the wrong file.</summary>
    public const int FileLengthMaxBytes = 256 * 1024;

    public static SalePlanJson Read(string path) =>
        CaseJsonContext.Read(path, FileLengthMaxBytes, CaseJsonContext.Default.SalePlanJson, OnlineProblem.PlanFileMalformed);

    /// <summary>The plan the server answered (<c>ProposeDistribution</c>, <c>GetSealedSale</c>).</summary>
    public static SalePlanJson Of(CourtDistributionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.NetProceedsFen,
            [.. plan.Tiers.Select(t => new TierJson((byte)t.Kind, (byte)t.Mode, [.. t.Claims.Select(c => new ClaimJson((byte)c.Number, c.AmountFen, c.RankMs, new(c.Payee.BankAccount, c.Payee.Name)))]))],
            [.. plan.Allocations.Select(a => new AllocationJson((byte)a.ClaimNumber, a.AmountFen))],
            plan.DebtorSurplusFen);
    }

    public CourtDistributionPlan ToProto()
    {
        var plan = new CourtDistributionPlan { NetProceedsFen = NetProceedsFen, DebtorSurplusFen = DebtorSurplusFen };
        plan.Tiers.AddRange(Tiers.Select(t => t.ToProto()));
        plan.Allocations.AddRange(Allocations.Select(a => new DistributionAllocation { ClaimNumber = a.ClaimNumber, AmountFen = a.AmountFen }));
        return plan;
    }

    /// <summary>The plan as the rules hold it, whose <see cref="DistributionPlan.Digests"/> the court's artefact carries.</summary>
    public DistributionPlan ToPlan() => new(
        NetProceedsFen,
        [.. Tiers.Select(t => new ClaimTier((TierKind)t.Kind, (TierMode)t.Mode, [.. t.Claims.Select(c => new Claim(c.Number, c.AmountFen, c.RankMs))]))],
        [.. Tiers.SelectMany(t => t.Claims).Select(c => new ClaimPayee(c.Number, new PayeeAccount(c.Payee.BankAccount, c.Payee.Name)))],
        [.. Allocations.Select(a => new Allocation(a.ClaimNumber, a.AmountFen))],
        DebtorSurplusFen);

    /// <summary>One tier: <c>{"kind": 5, "mode": 2, "claims": [claim, …]}</c>.</summary>
    internal sealed record TierJson(byte Kind, byte Mode, IReadOnlyList<ClaimJson> Claims)
    {
        public DistributionTier ToProto()
        {
            var tier = new DistributionTier { Kind = Kind, Mode = Mode };
            tier.Claims.AddRange(Claims.Select(c => new DistributionClaim { Number = c.Number, AmountFen = c.AmountFen, RankMs = c.RankMs, Payee = c.Payee.ToProto() }));
            return tier;
        }
    }

    /// <summary>One claim: <c>{"number": 1, "amount_fen": …, "rank_ms": …, "payee": {"bank_account": …, "name": …}}</c>.</summary>
    internal sealed record ClaimJson(byte Number, long AmountFen, long RankMs, CaseConditionsJson.PayeeJson Payee);

    /// <summary>What one claim receives: <c>{"claim_number": 1, "amount_fen": …}</c>.</summary>
    internal sealed record AllocationJson(byte ClaimNumber, long AmountFen);
}
