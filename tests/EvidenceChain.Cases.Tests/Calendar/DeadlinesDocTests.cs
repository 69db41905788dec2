using System.Globalization;
using System.Text.RegularExpressions;
using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Cases.Tests.Calendar;

/// <summary>docs/deadlines.md and the code agree: the rule table, the count kinds and every worked example.</summary>
public sealed partial class DeadlinesDocTests
{
    private static readonly string s_doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "deadlines.md"));

    [Fact]
    public void RuleTable_MatchesPeriodOf()
    {
        var rows = RuleRow().Matches(s_doc).Select(m => (
            Number: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Rule: Enum.Parse<DeadlineRule>(m.Groups[2].Value),
            Length: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
            Kind: m.Groups[4].Value)).ToArray();

        Assert.Equal(Enum.GetValues<DeadlineRule>(), rows.Select(row => row.Rule));
        foreach (var row in rows)
        {
            DeadlinePeriod period = Deadlines.PeriodOf(row.Rule);
            Assert.Equal(row.Number, (int)row.Rule);
            Assert.Equal(row.Length, period.Length);
            Assert.Equal(row.Kind, period.CountKind == DeadlineCountKind.CalendarYears ? "calendar years" : "calendar days");
        }
    }

    [Fact]
    public void CountKindTable_MatchesTheEnum()
    {
        var rows = KindRow().Matches(s_doc).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value));

        Assert.Equal(Enum.GetValues<DeadlineCountKind>().Select(kind => ((int)kind, kind.ToString())), rows);
    }

    [Fact]
    public void WorkedExamples_AreWhatTheCodeComputes()
    {
        MatchCollection rows = ExampleRow().Matches(s_doc);

        Assert.Equal(17, rows.Count);
        foreach (Match row in rows)
        {
            DeadlineRule rule = Enum.Parse<DeadlineRule>(row.Groups[1].Value);
            DateOnly eventDate = DateOnly.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
            DateOnly nominal = DateOnly.Parse(row.Groups[3].Value, CultureInfo.InvariantCulture);
            DateOnly lastDay = DateOnly.Parse(row.Groups[5].Value, CultureInfo.InvariantCulture);
            DeadlinePeriod period = Deadlines.PeriodOf(rule);

            Assert.Equal(period.CountKind == DeadlineCountKind.CalendarYears ? eventDate.AddYears(period.Length) : eventDate.AddDays(period.Length), nominal);
            if (row.Groups[4].Success)
            {
                DateOutsideCalendarException error = Assert.Throws<DateOutsideCalendarException>(() => Deadlines.DeadlineOf(rule, eventDate, ChinaCalendar.Calendar));
                Assert.Equal(lastDay, error.Date);
            }
            else
            {
                Assert.Equal(lastDay, Deadlines.DeadlineOf(rule, eventDate, ChinaCalendar.Calendar));
            }
        }
    }

    [Fact]
    public void FormatExample_Parses()
    {
        Match example = FormatExample().Match(s_doc);

        Assert.True(example.Success);
        WorkingDayCalendar calendar = WorkingDayCalendar.Parse(example.Groups[1].Value);
        Assert.Equal(2025, calendar.LastYear);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 1, 26)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 28)));
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

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \| (\d+) \| (calendar days|calendar years|working days) \|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    [GeneratedRegex(@"^\| (\d+) \| `(\w+)` \| (?:D \+ N|the corresponding|the N-th)", RegexOptions.Multiline)]
    private static partial Regex KindRow();

    [GeneratedRegex(@"^\| `(\w+)` \| (\d{4}-\d\d-\d\d) \| (\d{4}-\d\d-\d\d) \| (refused: )?(\d{4}-\d\d-\d\d) \|", RegexOptions.Multiline)]
    private static partial Regex ExampleRow();

    [GeneratedRegex(@"```\n(# version 1[^`]*)```")]
    private static partial Regex FormatExample();
}
