using EvidenceChain.Core.Access;
using EvidenceChain.Core.Tests.Support;

namespace EvidenceChain.Core.Tests.Access;

/// <summary>docs/roles.md's table is the policy: every operation, every role, every kind of ownership, cell for cell.</summary>
public class RolesDocTests
{
    private static readonly PartyRole[] s_columns =
        [PartyRole.NotaryOffice, PartyRole.Notary, PartyRole.Enterprise, PartyRole.Lender, PartyRole.Registry, PartyRole.Court, PartyRole.Appraiser, PartyRole.Auditor];

    [Fact]
    public void RolesDoc_EveryCell_IsWhatThePolicyDecides()
    {
        var covered = new HashSet<(Operation, Ownership)>();
        foreach ((Operation operation, string whose, string[] cells) in Rows())
        {
            Ownership[] ownerships = whose switch
            {
                "any" => Enum.GetValues<Ownership>(),
                "own" => [Ownership.Own],
                "other" => [Ownership.Other, Ownership.None],
                _ => throw new InvalidDataException($"unknown 'whose' {whose} in docs/roles.md"),
            };
            for (int column = 0; column < s_columns.Length; column++)
            {
                foreach (Ownership ownership in ownerships)
                {
                    AccessDecision decision = AccessPolicy.Decide(new Caller(new string('a', 32), s_columns[column]), operation, ownership);
                    Assert.True(decision.Allowed == (cells[column] == "yes"), $"{operation} {ownership} by {s_columns[column]}: the doc says {cells[column]}, the policy {decision}");
                    covered.Add((operation, ownership));
                }
            }
        }

        // Every operation and ownership is in the table: nothing the policy decides is undocumented.
        Assert.Equal(Enum.GetValues<Operation>().Length * Enum.GetValues<Ownership>().Length, covered.Count);
    }

    [Fact]
    public void Decide_Denied_SaysWhy()
    {
        foreach (Operation operation in Enum.GetValues<Operation>())
        {
            foreach (PartyRole role in s_columns)
            {
                foreach (Ownership ownership in Enum.GetValues<Ownership>())
                {
                    AccessDecision decision = AccessPolicy.Decide(new Caller(new string('a', 32), role), operation, ownership);
                    Assert.True(decision.Allowed || decision.Reason.Length > 20, $"{operation} by {role}: '{decision.Reason}'");
                }
            }
        }
    }

    private static IEnumerable<(Operation Operation, string Whose, string[] Cells)> Rows()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "roles.md"));
        int header = Array.FindIndex(lines, l => l.StartsWith("| operation | whose |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/roles.md has no rights table");
        string[] columns = Cells(lines[header]);
        Assert.Equal(["operation", "whose", "notary office", "notary", "enterprise", "lender", "registry", "court", "appraiser", "auditor"], columns);
        foreach (string line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            string[] cells = Cells(line);
            Assert.True(Enum.TryParse(cells[0].Trim('`'), out Operation operation), $"unknown operation {cells[0]}");
            yield return (operation, cells[1], cells[2..]);
        }
    }

    private static string[] Cells(string line) => [.. line.Trim('|').Split('|').Select(c => c.Trim())];
}
