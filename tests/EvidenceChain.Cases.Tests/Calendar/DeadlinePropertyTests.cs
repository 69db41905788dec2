using System.Text;
using CsCheck;
using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Cases.Tests.Calendar;

/// <summary>
/// Properties of the counting rules over the real calendar, with events from before its first day
/// to after its last, checked against <see cref="NaiveCalendar"/>, a plain reference written from
/// the articles; and properties of the parser over random calendars and damaged files.
/// </summary>
public sealed class DeadlinePropertyTests
{
    private static readonly WorkingDayCalendar s_china = ChinaCalendar.Calendar;
    private static readonly NaiveCalendar s_model = new(ChinaCalendar.Text);

    // Events from three months before the calendar to two months after it, so the refusals are sampled too.
    private static readonly Gen<DateOnly> s_eventDate =
        Gen.Int[new DateOnly(2024, 10, 1).DayNumber, new DateOnly(2027, 3, 1).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void DeadlineOf_CalendarDays_IsTheFirstWorkingDayOnOrAfterEventPlusN()
    {
        Gen.Select(s_eventDate, Gen.Int[1, 120]).Sample((eventDate, days) =>
        {
            DateOnly nominal = eventDate.AddDays(days);
            DateOnly? reference = s_model.Deadline(DeadlineCountKind.CalendarDays, days, eventDate);
            if (!Deadlines.TryDeadlineOf(DeadlinePeriod.CalendarDays(days), eventDate, s_china, out DateOnly deadline))
            {
                Assert.Null(reference);
                DateOutsideCalendarException error = Assert.Throws<DateOutsideCalendarException>(
                    () => Deadlines.DeadlineOf(DeadlinePeriod.CalendarDays(days), eventDate, s_china));
                Assert.False(s_china.Covers(error.Date));
                return;
            }

            Assert.Equal(reference, deadline);
            Assert.True(deadline >= nominal, $"{deadline} is before {nominal}");
            Assert.True(s_china.IsWorkingDay(deadline));
            for (DateOnly day = nominal; day < deadline; day = day.AddDays(1))
            {
                Assert.False(s_china.IsWorkingDay(day), $"{day} is a working day before the deadline {deadline}");
            }
        });
    }

    [Fact]
    public void DeadlineOf_WorkingDays_CountsExactlyNWorkingDaysAfterTheEvent()
    {
        Gen.Select(s_eventDate, Gen.Int[1, 40]).Sample((eventDate, workingDays) =>
        {
            DateOnly? reference = s_model.Deadline(DeadlineCountKind.WorkingDays, workingDays, eventDate);
            if (!Deadlines.TryDeadlineOf(DeadlinePeriod.WorkingDays(workingDays), eventDate, s_china, out DateOnly deadline))
            {
                Assert.Null(reference);
                return;
            }

            Assert.Equal(reference, deadline);
            Assert.True(s_china.IsWorkingDay(deadline));
            int counted = 0;
            for (DateOnly day = eventDate.AddDays(1); day <= deadline; day = day.AddDays(1))
            {
                counted += s_china.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.Equal(workingDays, counted);
        });
    }

    [Fact]
    public void DeadlineOf_CalendarYears_AgreesWithArticle202SpelledOut()
    {
        // Events from 2020 so that one and two years land inside the calendar, and leap days are drawn.
        Gen<DateOnly> eventDate = Gen.Int[new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2026, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);
        Gen.Select(eventDate, Gen.Int[1, 6]).Sample((eventDate, years) =>
        {
            DateOnly? reference = s_model.Deadline(DeadlineCountKind.CalendarYears, years, eventDate);
            bool found = Deadlines.TryDeadlineOf(DeadlinePeriod.CalendarYears(years), eventDate, s_china, out DateOnly deadline);

            Assert.Equal(reference.HasValue, found);
            if (found)
            {
                Assert.Equal(reference, deadline);
                Assert.True(deadline.DayNumber - eventDate.DayNumber >= 365 * years, $"{deadline} is less than {years} years after {eventDate}");
            }
        });
    }

    [Fact]
    public void DeadlineOf_EveryRule_NeverBeforeItsPeriodAndAlwaysAWorkingDay()
    {
        Gen.Select(s_eventDate, Gen.Enum<DeadlineRule>()).Sample((eventDate, rule) =>
        {
            DeadlinePeriod period = Deadlines.PeriodOf(rule);
            if (Deadlines.TryDeadlineOf(rule, eventDate, s_china, out DateOnly deadline))
            {
                DateOnly nominal = period.CountKind == DeadlineCountKind.CalendarYears ? eventDate.AddYears(period.Length) : eventDate.AddDays(period.Length);
                Assert.True(deadline >= nominal);
                Assert.True(s_china.IsWorkingDay(deadline));
            }
            else
            {
                Assert.Throws<DateOutsideCalendarException>(() => Deadlines.DeadlineOf(rule, eventDate, s_china));
            }
        });
    }

    [Fact]
    public void Parse_RandomCalendar_AgreesWithTheNaiveModelOnEveryDay()
    {
        // A random arrangement: each day of one to three years is a holiday with some probability, and
        // a weekend day a make-up working day with another; 1 January is always a holiday.
        Gen.Select(Gen.Int[2025, 2030], Gen.Int[1, 3], Gen.Int[0, 20], Gen.Int[0, 20], Gen.Int[0, int.MaxValue]).Sample((firstYear, yearCount, holidayPercent, workdayPercent, seed) =>
        {
            var random = new Random(seed);
            var text = new StringBuilder($"# random\nversion,{seed % 1000 + 1}\ncovers,{string.Join(',', Enumerable.Range(firstYear, yearCount))}\n");
            var last = new DateOnly(firstYear + yearCount - 1, 12, 31);
            for (var day = new DateOnly(firstYear, 1, 1); day <= last; day = day.AddDays(1))
            {
                bool weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                if ((day.Month == 1 && day.Day == 1) || random.Next(100) < holidayPercent)
                {
                    text.Append($"{day:yyyy-MM-dd},holiday\n");
                }
                else if (weekend && random.Next(100) < workdayPercent)
                {
                    text.Append($"{day:yyyy-MM-dd},workday\n");
                }
            }

            WorkingDayCalendar calendar = WorkingDayCalendar.Parse(text.ToString());
            var model = new NaiveCalendar(text.ToString());

            Assert.Equal(firstYear, calendar.FirstYear);
            Assert.Equal(last, calendar.LastDate);
            for (DateOnly day = calendar.FirstDate; day <= calendar.LastDate; day = day.AddDays(1))
            {
                Assert.True(model.IsWorkingDay(day) == calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd}");
            }

            Assert.False(calendar.Covers(calendar.FirstDate.AddDays(-1)));
            Assert.False(calendar.Covers(calendar.LastDate.AddDays(1)));
        });
    }

    [Fact]
    public void Parse_DamagedChinaFile_ParsesOrThrowsOnlyCalendarFormatException()
    {
        // One character of the real file replaced: the parser either still accepts it or names a line
        // inside the file, and never fails in another way.
        string text = ChinaCalendar.Text;
        int lineCount = text.Count(c => c == '\n');
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Char["0123456789-,#\n\r abcdefghijklmnopqrstuvwxyz\uFEFF"]).Sample((at, with) =>
        {
            string damaged = string.Concat(text.AsSpan(0, at), [with], text.AsSpan(at + 1));
            try
            {
                WorkingDayCalendar calendar = WorkingDayCalendar.Parse(damaged);
                Assert.True(calendar.LastYear - calendar.FirstYear < WorkingDayCalendar.CoveredYearCountMax);
            }
            catch (CalendarFormatException error)
            {
                Assert.InRange(error.LineNumber, 0, lineCount + 1);
                Assert.NotEmpty(error.Detail);
            }
        });
    }
}
