using EvidenceChain.Cases.Calendar;
using EvidenceChain.Engine.Cases;

namespace EvidenceChain.Engine.Tests.Cases;

/// <summary>The calendar the service uses: embedded in the Cases assembly, read and parsed by the Engine.</summary>
public sealed class CaseCalendarsTests
{
    [Fact]
    public void LoadChina_EmbeddedFile_CoversTheSourcedYears()
    {
        WorkingDayCalendar calendar = CaseCalendars.LoadChina();

        Assert.Equal(1, calendar.Version);
        Assert.Equal(2025, calendar.FirstYear);
        Assert.Equal(2026, calendar.LastYear);
        Assert.Throws<DateOutsideCalendarException>(() => calendar.IsWorkingDay(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void LoadChina_EmbeddedFile_HoldsEveryDayOfBothNotices()
    {
        WorkingDayCalendar calendar = CaseCalendars.LoadChina();

        // The days off and the make-up working days, as the State Council's notices list them
        // (国办发明电〔2024〕12号 for 2025; the notice of 4 Nov 2025 for 2026).
        (string First, string Last)[] holidays =
        [
            ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
            ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
            ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
            ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
            ("2026-10-01", "2026-10-07"),
        ];
        string[] makeUpWorkingDays =
        [
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        ];

        var off = new HashSet<DateOnly>();
        foreach ((string first, string last) in holidays)
        {
            for (DateOnly day = DateOnly.Parse(first); day <= DateOnly.Parse(last); day = day.AddDays(1))
            {
                off.Add(day);
            }
        }

        var on = makeUpWorkingDays.Select(DateOnly.Parse).ToHashSet();
        Assert.Equal(28 + 33, off.Count);
        for (DateOnly day = calendar.FirstDate; day <= calendar.LastDate; day = day.AddDays(1))
        {
            bool weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            bool expected = !off.Contains(day) && (!weekend || on.Contains(day));
            Assert.True(expected == calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void LoadChina_TwiceOver_GivesEqualAnswers()
    {
        WorkingDayCalendar first = CaseCalendars.LoadChina();
        WorkingDayCalendar second = CaseCalendars.LoadChina();

        Assert.NotSame(first, second);
        Assert.Equal(
            Deadlines.DeadlineOf(DeadlineRule.Certificate, new DateOnly(2025, 9, 30), first),
            Deadlines.DeadlineOf(DeadlineRule.Certificate, new DateOnly(2025, 9, 30), second));
        Assert.Equal(new DateOnly(2025, 10, 9), Deadlines.DeadlineOf(DeadlineRule.Certificate, new DateOnly(2025, 9, 30), first));
    }

    [Fact]
    public void ChinaResourceName_IsTheOnlyCalendarResourceInTheCasesAssembly()
    {
        string[] names = typeof(WorkingDayCalendar).Assembly.GetManifestResourceNames();

        Assert.Contains(CaseCalendars.ChinaResourceName, names);
        Assert.Single(names, name => name.EndsWith(".csv", StringComparison.Ordinal));
    }
}
