using System.Text;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Sealed;

/// <summary>
/// A court's distribution plan for a 带封过户 case, as data (docs/formats/distribution-plan.md): the
/// net proceeds, the claims in their tiers with each creditor's account, each claim's allocation and
/// the debtor's surplus. The court (or a notary attesting for it) signs a plan artefact whose
/// document digests are <see cref="Digests"/>, so the plan the engine books is the one the court
/// signed. The court decides: the engine checks the plan (<see cref="PlanCheck"/>), never replaces it.
/// </summary>
/// <param name="NetProceedsFen">The proceeds the plan distributes, fen: all the case holds.</param>
/// <param name="Tiers">The claims by tier, in the order paid (docs/distribution.md).</param>
/// <param name="Payees">One account per claim.</param>
/// <param name="Allocations">One per claim.</param>
/// <param name="DebtorSurplusFen">What is left for the debtor, paid to the agreement's debtor account.</param>
public sealed record DistributionPlan(long NetProceedsFen, IReadOnlyList<ClaimTier> Tiers, IReadOnlyList<ClaimPayee> Payees, IReadOnlyList<Allocation> Allocations, long DebtorSurplusFen)
{
    /// <summary>The most claims one plan pays: with the surplus, one transition's most payouts (<see cref="Approvals.ApprovalMessage.PayoutCountMax"/>).</summary>
    public const int ClaimCountMax = 63;

    private static readonly byte[] s_magic = Encoding.ASCII.GetBytes("evidencechain/distribution-plan/v1\n");

    /// <summary>Every claim of every tier, in tier order.</summary>
    public IEnumerable<Claim> Claims => Tiers.SelectMany(t => t.Claims);

    /// <summary>The account of a claim of the plan.</summary>
    public PayeeAccount PayeeOf(byte claimNumber) => Payees.First(p => p.ClaimNumber == claimNumber).Payee;

    /// <summary>The plan's allocations the case books, each with more than 0 fen: claims by number, then the surplus as claim 0.</summary>
    public IEnumerable<Allocation> Booked =>
        Allocations.Where(a => a.AmountFen > 0).OrderBy(a => a.ClaimNumber).Concat(DebtorSurplusFen > 0 ? [new Allocation(0, DebtorSurplusFen)] : []);

    /// <summary>Why this is not a well-formed plan, or null (its sums and order are <see cref="PlanCheck"/>'s).</summary>
    public string? Problem()
    {
        if (Allocator.Problem(NetProceedsFen, Tiers) is string tiers)
        {
            return tiers;
        }

        int claims = Claims.Count();
        return claims > ClaimCountMax ? $"a plan pays at most {ClaimCountMax} claims, not {claims}"
            : Payees.Count != claims || Claims.Any(c => Payees.Count(p => p.ClaimNumber == c.Number) != 1) ? "each claim has exactly one payee account"
            : Payees.Select(p => p.Payee.Problem()).FirstOrDefault(p => p is not null) is string payee ? "a payee account: " + payee
            : Allocations.Count > byte.MaxValue ? "at most 255 allocations"
            : null;
    }

    /// <summary>The plan as the court signs it: its magic, the case, then <see cref="WriteTo"/>'s fields.</summary>
    public byte[] Encode(CaseId caseId)
    {
        var writer = new RecordWriter();
        writer.Put(s_magic);
        writer.PutUInt128(caseId.Value);
        WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>SHA-256 and SM3 of <see cref="Encode"/>: the document digests of the court's plan artefact.</summary>
    public DigestPair Digests(CaseId caseId) => ContentHasher.HashData(Encode(caseId));

    internal void WriteTo(RecordWriter writer)
    {
        writer.PutInt64(NetProceedsFen);
        writer.Put((byte)Tiers.Count);
        foreach (ClaimTier tier in Tiers)
        {
            writer.Put((byte)tier.Kind);
            writer.Put((byte)tier.Mode);
            writer.Put((byte)tier.Claims.Count);
            foreach (Claim claim in tier.Claims)
            {
                writer.Put(claim.Number);
                writer.PutInt64(claim.AmountFen);
                writer.PutInt64(claim.RankMs);
                PayeeOf(claim.Number).WriteTo(writer);
            }
        }

        writer.Put((byte)Allocations.Count);
        foreach (Allocation allocation in Allocations)
        {
            writer.Put(allocation.ClaimNumber);
            writer.PutInt64(allocation.AmountFen);
        }

        writer.PutInt64(DebtorSurplusFen);
    }

    internal static DistributionPlan ReadFrom(ref RecordReader reader)
    {
        long net = reader.Int64();
        var tiers = new ClaimTier[reader.Byte()];
        var payees = new List<ClaimPayee>();
        for (int t = 0; t < tiers.Length; t++)
        {
            var kind = (TierKind)reader.Byte();
            var mode = (TierMode)reader.Byte();
            var claims = new Claim[reader.Byte()];
            for (int c = 0; c < claims.Length; c++)
            {
                claims[c] = new Claim(reader.Byte(), reader.Int64(), reader.Int64());
                payees.Add(new ClaimPayee(claims[c].Number, PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException($"claim {claims[c].Number} has no payee")));
            }

            tiers[t] = new ClaimTier(kind, mode, claims);
        }

        var allocations = new Allocation[reader.Byte()];
        for (int i = 0; i < allocations.Length; i++)
        {
            allocations[i] = new Allocation(reader.Byte(), reader.Int64());
        }

        return new DistributionPlan(net, tiers, payees, allocations, reader.Int64());
    }
}
