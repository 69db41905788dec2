using System.Text.RegularExpressions;
using EvidenceChain.Cases.Evidence;

namespace EvidenceChain.Cases.Tests.Evidence;

/// <summary>docs/cases.md and the code name the same guard rules with the same numbers, in the same order.</summary>
public partial class CasesDocTests
{
    [Fact]
    public void GuardRejectionTable_MatchesTheEnum()
    {
        string doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "cases.md"));

        (int Number, string Name)[] rows = [.. Row().Matches(doc).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value))];

        Assert.Equal(
            Enum.GetValues<GuardRejection>().Where(r => r is not GuardRejection.None and not GuardRejection.ArtefactMissing).Select(r => ((int)r, r.ToString())),
            rows);
    }

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
    private static partial Regex Row();
}
