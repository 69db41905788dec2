using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Cases.Tests.Sealed;

/// <summary>
/// docs/sealed-sale.md and docs/formats/distribution-plan.md agree with the code: the states, the
/// events with their from-states, the rejections, the accounts, and the worked example of a plan's
/// bytes (recomputed here by a reference encoder written from the format document). Set
/// EVIDENCECHAIN_WRITE_DOC_EXAMPLES=1 to rewrite the example after a deliberate change.
/// </summary>
public sealed partial class SealedSaleDocTests
{
    private static readonly string s_doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "sealed-sale.md"));

    [Fact]
    public void StatesTable_MatchesTheEnum()
    {
        var rows = StateRow().Matches(Section(s_doc, "### States")).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value));

        Assert.Equal(Enum.GetValues<SealedSaleState>().Select(s => ((int)s, Screaming(s.ToString()))), rows);
    }

    [Fact]
    public void EventsTable_MatchesTheEnumAndTheFromStates()
    {
        var rows = EventRow().Matches(Section(s_doc, "### Events")).Select(m => (
            Number: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Name: m.Groups[2].Value,
            From: m.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries))).ToArray();

        Assert.Equal(Enum.GetValues<SealedSaleEvent>().Select(e => ((int)e, e.ToString())), rows.Select(r => (r.Number, r.Name)));
        foreach (var row in rows)
        {
            SealedSaleEvent @event = Enum.Parse<SealedSaleEvent>(row.Name);
            Assert.Equal(SealedSaleTransitions.FromStates(@event).Select(s => Screaming(s.ToString())), row.From);
        }
    }

    [Fact]
    public void EndedStates_AreTheOnesTheDocNames()
    {
        Assert.Contains(
            string.Join(" and ", SealedSaleTransitions.Ended.Select(s => $"`{Screaming(s.ToString())}`")) + " end a case",
            s_doc.ReplaceLineEndings(" "),
            StringComparison.Ordinal);
    }

    [Fact]
    public void RejectionsTable_MatchesTheEnumAndListsEverySealedSaleMember()
    {
        (int Number, string Name)[] rows = [.. NumberedRow().Matches(Section(s_doc, "## Rejections")).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value))];

        Assert.All(rows, row => Assert.Equal(row.Number, (int)Enum.Parse<CaseRejection>(row.Name)));
        Assert.Equal(rows.OrderBy(r => r.Number), rows);
        Assert.Equal(
            Enum.GetValues<CaseRejection>().Where(r => r >= CaseRejection.PriceBelowFloor).Select(r => ((int)r, r.ToString())),
            rows.Where(r => r.Number >= (int)CaseRejection.PriceBelowFloor));
    }

    [Fact]
    public void AccountsTable_MatchesThePurposes()
    {
        var rows = PurposeRow().Matches(Section(s_doc, "## Accounts")).Select(m => (Purpose: Enum.Parse<CaseAccountPurpose>(m.Groups[1].Value), Number: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToArray();

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(row.Number, (int)row.Purpose));
        Assert.Superset(
            new HashSet<CaseAccountPurpose>([CaseAccountPurpose.Proceeds, CaseAccountPurpose.Payee, CaseAccountPurpose.DebtorSurplus]),
            new HashSet<CaseAccountPurpose>(rows.Select(r => r.Purpose)));
    }

    [Fact]
    public void DistributionPlanExample_IsWhatEncodeWrites()
    {
        string path = Path.Combine(RepoRoot(), "docs", "formats", "distribution-plan.md");
        string text = File.ReadAllText(path);
        Match block = ExampleBlock().Match(text);
        Assert.True(block.Success, "docs/formats/distribution-plan.md has an example:distribution-plan block");

        string rendered = RenderExample();
        if (Environment.GetEnvironmentVariable("EVIDENCECHAIN_WRITE_DOC_EXAMPLES") == "1")
        {
            File.WriteAllText(path, ExampleBlock().Replace(text, $"```example:distribution-plan\n{rendered}```"));
            return;
        }

        Assert.Equal(rendered, block.Groups["body"].Value);
    }

    [Fact]
    public void DistributionPlanExample_IsAPlanTheRulesAccept()
    {
        Assert.Null(ExamplePlan.Problem());
        Assert.Equal((PlanRejection.None, string.Empty), PlanCheck.Verify(ExamplePlan.NetProceedsFen, ExamplePlan.Tiers, ExamplePlan.Allocations, ExamplePlan.DebtorSurplusFen));
    }

    private static readonly CaseId s_exampleCase = new(UInt128.Parse("0f0e0d0c0b0a09080706050403020100", NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    // DOMAIN.md §4.3's example for an individual debtor (docs/distribution.md §Worked example), with a payee per claim.
    private static DistributionPlan ExamplePlan { get; } = new(
        100_000_000,
        [
            new ClaimTier(TierKind.Costs, TierMode.Sequential, [new Claim(1, 2_000_000, 1_700_000_000_000)]),
            new ClaimTier(TierKind.Secured, TierMode.Sequential, [new Claim(2, 50_000_000, 1_600_000_000_000)]),
            new ClaimTier(TierKind.Ordinary, TierMode.ProRata, [new Claim(3, 30_000_000, 1_700_000_000_000), new Claim(4, 40_000_000, 1_700_000_100_000)]),
        ],
        [
            new ClaimPayee(1, new PayeeAccount("3701000000000001", "历下区人民法院")),
            new ClaimPayee(2, new PayeeAccount("6222000011112222", "JINAN BANK")),
            new ClaimPayee(3, new PayeeAccount("6222000033334444", "张三")),
            new ClaimPayee(4, new PayeeAccount("6222000055556666", "李四")),
        ],
        [new Allocation(1, 2_000_000), new Allocation(2, 50_000_000), new Allocation(3, 20_571_429), new Allocation(4, 27_428_571)],
        0);

    /// <summary>The plan's bytes field by field, written from docs/formats/distribution-plan.md alone, then its two digests.</summary>
    private static string RenderExample()
    {
        DistributionPlan plan = ExamplePlan;
        var lines = new List<(string Field, byte[] Bytes)>
        {
            ("magic", Encoding.ASCII.GetBytes("evidencechain/distribution-plan/v1\n")),
            ("case_id", Convert.FromHexString("0f0e0d0c0b0a09080706050403020100")),
            ("net_proceeds_fen", Int64(plan.NetProceedsFen)),
            ("tier_count", [(byte)plan.Tiers.Count]),
        };
        foreach (ClaimTier tier in plan.Tiers)
        {
            lines.Add(("tier kind mode count", [(byte)tier.Kind, (byte)tier.Mode, (byte)tier.Claims.Count]));
            foreach (Claim claim in tier.Claims)
            {
                PayeeAccount payee = plan.Payees.Single(p => p.ClaimNumber == claim.Number).Payee;
                lines.Add(($"claim {claim.Number} number", [claim.Number]));
                lines.Add(("  amount_fen", Int64(claim.AmountFen)));
                lines.Add(("  rank_ms", Int64(claim.RankMs)));
                lines.Add(("  payee account", Text(payee.BankAccount)));
                lines.Add(("  payee name", Text(payee.Name)));
            }
        }

        lines.Add(("allocation_count", [(byte)plan.Allocations.Count]));
        foreach (Allocation allocation in plan.Allocations)
        {
            lines.Add(($"allocation {allocation.ClaimNumber}", [allocation.ClaimNumber, .. Int64(allocation.AmountFen)]));
        }

        lines.Add(("debtor_surplus_fen", Int64(plan.DebtorSurplusFen)));

        byte[] encoded = plan.Encode(s_exampleCase);
        Assert.Equal(lines.SelectMany(l => l.Bytes), encoded);
        DigestPair digests = plan.Digests(s_exampleCase);
        Assert.Equal(SHA256.HashData(encoded), Digest.AsBytes(digests.Sha256).ToArray());

        var text = new StringBuilder();
        foreach ((string field, byte[] bytes) in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{field,-22}{Convert.ToHexStringLower(bytes)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{"length",-22}{encoded.Length} bytes\n");
        text.Append(CultureInfo.InvariantCulture, $"{"document_sha256",-22}{digests.Sha256.ToHex()}\n");
        text.Append(CultureInfo.InvariantCulture, $"{"document_sm3",-22}{digests.Sm3.ToHex()}\n");
        return text.ToString();
    }

    private static byte[] Int64(long value)
    {
        byte[] bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Text(string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        return [(byte)utf8.Length, .. utf8];
    }

    /// <summary>A section's text: from its heading to the next heading of any level.</summary>
    private static string Section(string doc, string heading)
    {
        int start = doc.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/sealed-sale.md has a section '{heading}'");
        int end = doc.IndexOf("\n#", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? doc[start..] : doc[start..end];
    }

    /// <summary><c>SaleProposed</c> as DOMAIN.md writes it: <c>SALE_PROPOSED</c>.</summary>
    private static string Screaming(string name) => CapitalInside().Replace(name, "_$1").ToUpperInvariant();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvidenceChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvidenceChain.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| (\d+) \| `([A-Z_]+)` \|", RegexOptions.Multiline)]
    private static partial Regex StateRow();

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)`[^|]*\| ([^|]+?) \|", RegexOptions.Multiline)]
    private static partial Regex EventRow();

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex NumberedRow();

    [GeneratedRegex(@"^\| `(\w+)` \| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex PurposeRow();

    [GeneratedRegex("(?<=.)([A-Z])")]
    private static partial Regex CapitalInside();

    [GeneratedRegex("```example:distribution-plan\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
