using System.Globalization;
using System.Text.RegularExpressions;
using EvidenceChain.Cases.Distribution;

namespace EvidenceChain.Cases.Tests.Distribution;

/// <summary>docs/distribution.md and the code agree: the check table, the enum numbers and the worked example.</summary>
public sealed partial class DistributionDocTests
{
    private static readonly string s_doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "distribution.md"));

    [Fact]
    public void CheckTable_IsPlanRejectionInOrder()
    {
        var rows = CheckRow().Matches(s_doc).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value));

        Assert.Equal(Enum.GetValues<PlanRejection>().Where(r => r != PlanRejection.None).Select(r => ((int)r, r.ToString())), rows);
    }

    [Fact]
    public void EnumNumbers_AreTheOnesTheDocGives()
    {
        foreach (TierKind kind in Enum.GetValues<TierKind>())
        {
            Assert.Contains($"{(int)kind} `{kind}`", s_doc, StringComparison.Ordinal);
        }

        foreach (TierMode mode in Enum.GetValues<TierMode>())
        {
            Assert.Contains($"{(int)mode} `{mode}`", s_doc, StringComparison.Ordinal);
        }

        foreach (DebtorKind debtor in Enum.GetValues<DebtorKind>())
        {
            Assert.Contains($"`{debtor}` ({(int)debtor})", s_doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WorkedExample_IsWhatTheAllocatorComputes()
    {
        MatchCollection results = ResultLine().Matches(s_doc);

        Assert.Equal(2, results.Count);
        foreach (Match result in results)
        {
            DebtorKind debtor = result.Groups[1].Value == "Individual" ? DebtorKind.Individual : DebtorKind.Company;
            Dictionary<byte, long> paid = Allocator.Allocate(WorkedExample.NetProceedsFen, WorkedExample.Tiers(debtor)).Allocations.ToDictionary(a => a.ClaimNumber, a => a.AmountFen);

            Assert.Equal(Fen(result.Groups[2].Value), paid[WorkedExample.A]);
            Assert.Equal(Fen(result.Groups[3].Value), paid[WorkedExample.B]);
        }
    }

    private static long Fen(string digits) => long.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

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

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex CheckRow();

    [GeneratedRegex(@"- \*\*(Individual|Company) debtor\*\*[^*]*\*\*A = ([\d,]+) fen \([^)]*\), B = ([\d,]+)\s+fen", RegexOptions.Singleline)]
    private static partial Regex ResultLine();
}
