using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceChain.Pledges.Tests;

/// <summary>
/// docs/pledges.md and docs/formats/pledge-event.md agree with the code: the states, the events
/// with their numbers and from-states, the rejections in order, and the example's bytes; the
/// encumbrance claim example of docs/formats/encumbrance-statement.md parses.
/// </summary>
public sealed partial class PledgesDocTests
{
    private static readonly string s_doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "pledges.md"));
    private static readonly string s_format = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "formats", "pledge-event.md"));

    [Fact]
    public void StatesTable_MatchesTheEnumAndWhatIsInForce()
    {
        var rows = StateRow().Matches(Section(s_doc, "### States")).Select(m => (Number: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Name: m.Groups[2].Value, InForce: m.Groups[3].Value == "yes")).ToArray();

        Assert.Equal(Enum.GetValues<PledgeState>().Select(s => ((int)s, s.ToString())), rows.Select(r => (r.Number, r.Name)));
        Assert.Equal(PledgeTransitions.InForce.Order(), rows.Where(r => r.InForce).Select(r => Enum.Parse<PledgeState>(r.Name)).Order());
    }

    [Fact]
    public void EventsTable_MatchesTheEnumAndTheFromStates()
    {
        var rows = EventRow().Matches(Section(s_doc, "### Events")).Select(m => (
            Number: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Name: m.Groups[2].Value,
            From: m.Groups[3].Value)).ToArray();

        Assert.Equal(Enum.GetValues<PledgeEvent>().Select(e => ((int)e, e.ToString())), rows.Select(r => (r.Number, r.Name)));
        foreach (var row in rows)
        {
            PledgeEvent @event = Enum.Parse<PledgeEvent>(row.Name);
            if (!PledgeTransitions.IsAssetEvent(@event) && @event != PledgeEvent.ApplyPledge)
            {
                Assert.Equal(PledgeTransitions.FromStates(@event).Select(s => s.ToString()), Quoted().Matches(row.From).Select(m => m.Groups[1].Value));
            }
        }
    }

    [Fact]
    public void RejectionsTable_MatchesTheEnumInOrder()
    {
        var rows = NumberedRow().Matches(Section(s_doc, "## Rejections")).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value));

        Assert.Equal(Enum.GetValues<PledgeRejection>().Where(r => r != PledgeRejection.None).Select(r => ((int)r, r.ToString())), rows);
    }

    [Fact]
    public void Doc_SaysPlainlyThereIsNoPriorityOverOutsiders()
    {
        string text = s_doc.ReplaceLineEndings(" ");

        Assert.Contains("**A trade secret has no statutory pledge registry.**", text, StringComparison.Ordinal);
        Assert.Contains("it gives the lender no priority over third parties", text.Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("法释〔2020〕28号", EncumbranceView.PriorityNotice, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatExample_IsTheEventBytesTheCodeSigns()
    {
        string block = Section(s_format, "## Example");
        string hex = string.Concat(block.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split("(")[0])
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)));
        var command = new PledgeCommand(PledgeEvent.NotarizePledge, new AssetId(0x0516_0001), new PledgeId(0x0516_0002));

        byte[] message = PledgeEventMessage.Of(command, 7);

        Assert.Equal("evidencechain/pledge-event/v1\n"u8.ToArray(), message[..30]);
        Assert.Equal(hex, Convert.ToHexStringLower(message[30..]));
    }

    [Fact]
    public void EncumbranceClaimExample_ParsesToTheClaimItDescribes()
    {
        string block = Section(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "formats", "encumbrance-statement.md")), "## Claim");
        string text = string.Concat(block.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..] + "\n"));

        Assert.True(EncumbranceClaim.TryParse(text, out EncumbranceClaim? claim, out string reason), reason);
        Assert.Equal(text, claim!.ToNoteText());
        Assert.Equal((new AssetId(0xA55E7001), 42UL, 5UL), (claim.Asset, claim.TreeSize, claim.EventCount));
        Assert.Equal("notary.example.cn/evidencechain/000102030405060708090a0b0c0d0e0f/sha256", claim.Origin.ToString());
    }

    private static string Section(string doc, string heading)
    {
        int start = doc.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the document has a section '{heading}'");
        int end = doc.IndexOf("\n#", start + heading.Length + 2, StringComparison.Ordinal);
        return end < 0 ? doc[start..] : doc[start..end];
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

        throw new InvalidOperationException("The repository root (with EvidenceChain.sln) is not above the test binaries.");
    }

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \| (yes|no) \|", RegexOptions.Multiline)]
    private static partial Regex StateRow();

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \| ([^|]*) \|", RegexOptions.Multiline)]
    private static partial Regex EventRow();

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex NumberedRow();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex Quoted();
}
