using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Cases.Tests.Calendar;

/// <summary>The worked examples of docs/deadlines.md, on the real calendar file; the document lists the same rows.</summary>
public sealed class DeadlinesTests
{
    private static WorkingDayCalendar China => ChinaCalendar.Calendar;

    [Theory]
    [InlineData(DeadlineRule.Acceptance, 1, 3, DeadlineCountKind.CalendarDays, "提存公证规则")]
    [InlineData(DeadlineRule.Certificate, 2, 3, DeadlineCountKind.CalendarDays, "art. 17")]
    [InlineData(DeadlineRule.Notice, 3, 7, DeadlineCountKind.CalendarDays, "art. 18 para. 2")]
    [InlineData(DeadlineRule.PublicNotice, 4, 60, DeadlineCountKind.CalendarDays, "art. 18 para. 3")]
    [InlineData(DeadlineRule.Lapse, 5, 5, DeadlineCountKind.CalendarYears, "art. 574")]
    public void PeriodOf_EachRule_HasItsStableNumberLengthAndCountKind(DeadlineRule rule, byte number, int length, DeadlineCountKind countKind, string basis)
    {
        DeadlinePeriod period = Deadlines.PeriodOf(rule);

        Assert.Equal(number, (byte)rule);
        Assert.Equal(length, period.Length);
        Assert.Equal(countKind, period.CountKind);
        Assert.Contains(basis, Deadlines.BasisOf(rule));
        Assert.Contains(rule == DeadlineRule.Lapse ? "202" : "203", Deadlines.BasisOf(rule));
    }

    [Fact]
    public void DeadlineRule_HasExactlyTheSixRules()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], Enum.GetValues<DeadlineRule>().Select(rule => (int)rule));
        Assert.Equal([1, 2, 3], Enum.GetValues<DeadlineCountKind>().Select(kind => (int)kind));
    }

    [Theory]
    // A deposit on Tue 30 Sep 2025: the certificate's 3 days end Fri 3 Oct, inside the National Day holiday (1–8 Oct).
    [InlineData(DeadlineRule.Certificate, "2025-09-30", "2025-10-09")]
    // A deposit on Fri 24 Jan 2025: the notice's 7 days end Fri 31 Jan, inside Spring Festival (28 Jan–4 Feb).
    [InlineData(DeadlineRule.Notice, "2025-01-24", "2025-02-05")]
    // An application on Wed 30 Apr 2025: 3 days end Sat 3 May, inside Labour Day (1–5 May).
    [InlineData(DeadlineRule.Acceptance, "2025-04-30", "2025-05-06")]
    // A deposit on Sat 2 Aug 2025: 60 days end Wed 1 Oct, the first day of National Day.
    [InlineData(DeadlineRule.PublicNotice, "2025-08-02", "2025-10-09")]
    // An ordinary week: a deposit on Mon 3 Mar 2025 is certified by Thu 6 Mar.
    [InlineData(DeadlineRule.Certificate, "2025-03-03", "2025-03-06")]
    // A plain weekend: 3 days from Thu 6 Mar 2025 end Sun 9 Mar, a rest day, so Mon 10 Mar.
    [InlineData(DeadlineRule.Certificate, "2025-03-06", "2025-03-10")]
    // A make-up working day ends a period: 3 days from Thu 23 Jan 2025 end Sun 26 Jan, a working day.
    [InlineData(DeadlineRule.Certificate, "2025-01-23", "2025-01-26")]
    // 2026: 7 days from Sat 7 Feb end Sat 14 Feb, a make-up working day before Spring Festival.
    [InlineData(DeadlineRule.Notice, "2026-02-07", "2026-02-14")]
    // 2026: 3 days from Fri 13 Feb end Mon 16 Feb, inside Spring Festival (15–23 Feb).
    [InlineData(DeadlineRule.Acceptance, "2026-02-13", "2026-02-24")]
    // 2026: 3 days from Wed 30 Sep end Sat 3 Oct, inside National Day (1–7 Oct).
    [InlineData(DeadlineRule.Certificate, "2026-09-30", "2026-10-08")]
    // An event before the calendar's first year is fine when the days the count needs are covered.
    [InlineData(DeadlineRule.Certificate, "2024-12-30", "2025-01-02")]
    public void DeadlineOf_WorkedExample_IsTheLastDayInTime(DeadlineRule rule, string eventDate, string expected)
    {
        DateOnly deadline = Deadlines.DeadlineOf(rule, DateOnly.Parse(eventDate), China);

        Assert.Equal(DateOnly.Parse(expected), deadline);
        Assert.True(Deadlines.TryDeadlineOf(rule, DateOnly.Parse(eventDate), China, out DateOnly tried));
        Assert.Equal(deadline, tried);
    }

    [Theory]
    // 5 years from 29 Feb 2024 end 28 Feb 2029 (art. 202: no 29 Feb in 2029), beyond the calendar.
    [InlineData(DeadlineRule.Lapse, "2024-02-29", "2029-02-28")]
    [InlineData(DeadlineRule.Lapse, "2025-06-30", "2030-06-30")]
    // 60 days from Sun 15 Nov 2026 end Thu 14 Jan 2027: 2027 is not in the calendar.
    [InlineData(DeadlineRule.PublicNotice, "2026-11-15", "2027-01-14")]
    // 3 days from Tue 29 Dec 2026 end Fri 1 Jan 2027.
    [InlineData(DeadlineRule.Certificate, "2026-12-29", "2027-01-01")]
    // An event after the calendar's last day is refused with its own date.
    [InlineData(DeadlineRule.Notice, "2027-03-01", "2027-03-01")]
    // An event long before the calendar: the day the count ends on is not covered either.
    [InlineData(DeadlineRule.Certificate, "2024-06-01", "2024-06-04")]
    public void DeadlineOf_DayOutsideTheCalendar_ThrowsNamingTheDate(DeadlineRule rule, string eventDate, string missingDate)
    {
        DateOutsideCalendarException error = Assert.Throws<DateOutsideCalendarException>(() => Deadlines.DeadlineOf(rule, DateOnly.Parse(eventDate), China));

        Assert.Equal(DateOnly.Parse(missingDate), error.Date);
        Assert.Contains(missingDate, error.Message);
        Assert.False(Deadlines.TryDeadlineOf(rule, DateOnly.Parse(eventDate), China, out DateOnly lastDay));
        Assert.Equal(default, lastDay);
    }

    [Theory]
    // Art. 202 within the calendar: one year from 29 Feb 2024 ends Fri 28 Feb 2025.
    [InlineData("2024-02-29", 1, "2025-02-28")]
    // One year from 28 Feb 2025 ends Sat 28 Feb 2026, a make-up working day.
    [InlineData("2025-02-28", 1, "2026-02-28")]
    // One year from 1 Oct 2025 ends Thu 1 Oct 2026, National Day: moved to Thu 8 Oct.
    [InlineData("2025-10-01", 1, "2026-10-08")]
    // Two years from 31 Jan 2024 end Sat 31 Jan 2026, a rest day: moved to Mon 2 Feb.
    [InlineData("2024-01-31", 2, "2026-02-02")]
    public void DeadlineOf_CalendarYears_EndsOnTheCorrespondingDayThenTheNextWorkingDay(string eventDate, int years, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Deadlines.DeadlineOf(DeadlinePeriod.CalendarYears(years), DateOnly.Parse(eventDate), China));
    }

    [Theory]
    // Fri 26 Sep 2025: Sun 28 Sep (make-up), Mon 29, Tue 30, then 1–8 Oct off, Thu 9, Fri 10.
    [InlineData("2025-09-26", 5, "2025-10-10")]
    // Fri 24 Jan 2025: Sun 26 Jan (make-up), Mon 27, then 28 Jan–4 Feb off, Wed 5 Feb.
    [InlineData("2025-01-24", 3, "2025-02-05")]
    // Fri 7 Feb 2025: the next working day is Sat 8 Feb, a make-up working day.
    [InlineData("2025-02-07", 1, "2025-02-08")]
    // Fri 7 Mar 2025: the next working day is Mon 10 Mar.
    [InlineData("2025-03-07", 1, "2025-03-10")]
    // The event day itself is not counted even when it is a working day: Mon 3 Mar 2025 + 5 = Mon 10 Mar.
    [InlineData("2025-03-03", 5, "2025-03-10")]
    public void DeadlineOf_WorkingDays_IsTheNthWorkingDayAfterTheEvent(string eventDate, int workingDays, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Deadlines.DeadlineOf(DeadlinePeriod.WorkingDays(workingDays), DateOnly.Parse(eventDate), China));
    }

    [Fact]
    public void DeadlineOf_WorkingDaysRunningPastTheCalendar_ThrowsNamingTheFirstUncoveredDay()
    {
        // Thu 31 Dec 2026 is the last covered day: the second working day after Wed 30 Dec needs 1 Jan 2027.
        DateOutsideCalendarException error = Assert.Throws<DateOutsideCalendarException>(
            () => Deadlines.DeadlineOf(DeadlinePeriod.WorkingDays(2), new DateOnly(2026, 12, 30), China));

        Assert.Equal(new DateOnly(2027, 1, 1), error.Date);
        Assert.Equal(new DateOnly(2026, 12, 31), Deadlines.DeadlineOf(DeadlinePeriod.WorkingDays(1), new DateOnly(2026, 12, 30), China));
    }

    [Fact]
    public void DeadlineOf_ExtensionRunningPastTheCalendar_ThrowsNamingTheNextYearsDay()
    {
        // The period ends on a covered day, but art. 203 has to look at the next year to move it.
        WorkingDayCalendar calendar = WorkingDayCalendar.Parse("version,1\ncovers,2025\n2025-01-01,holiday\n2025-12-31,holiday\n");

        DateOutsideCalendarException error = Assert.Throws<DateOutsideCalendarException>(
            () => Deadlines.DeadlineOf(DeadlinePeriod.CalendarDays(1), new DateOnly(2025, 12, 30), calendar));

        Assert.Equal(new DateOnly(2026, 1, 1), error.Date);
        Assert.Equal(new DateOnly(2025, 12, 30), Deadlines.DeadlineOf(DeadlinePeriod.CalendarDays(1), new DateOnly(2025, 12, 29), calendar));
    }

    [Fact]
    public void DeadlineOf_DefaultPeriod_IsRefusedAsMisuse()
    {
        Assert.Throws<ArgumentException>(() => Deadlines.DeadlineOf(default(DeadlinePeriod), new DateOnly(2025, 3, 3), China));
        Assert.Throws<ArgumentException>(() => Deadlines.TryDeadlineOf(default(DeadlinePeriod), new DateOnly(2025, 3, 3), China, out _));
    }

    [Fact]
    public void PeriodOf_UndefinedRule_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadlines.PeriodOf((DeadlineRule)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadlines.BasisOf(0));
    }

    [Theory]
    [InlineData(DeadlineCountKind.CalendarDays, 0)]
    [InlineData(DeadlineCountKind.CalendarDays, DeadlinePeriod.CalendarDaysMax + 1)]
    [InlineData(DeadlineCountKind.CalendarYears, 0)]
    [InlineData(DeadlineCountKind.CalendarYears, DeadlinePeriod.CalendarYearsMax + 1)]
    [InlineData(DeadlineCountKind.WorkingDays, -1)]
    [InlineData(DeadlineCountKind.WorkingDays, DeadlinePeriod.WorkingDaysMax + 1)]
    public void DeadlinePeriod_LengthOutOfRange_Throws(DeadlineCountKind kind, int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(kind, length));
        Assert.Equal(kind, Make(kind, 1).CountKind);
    }

    [Fact]
    public void DeadlinePeriod_ToString_SaysLengthAndKind()
    {
        Assert.Equal("7 calendar days", DeadlinePeriod.CalendarDays(7).ToString());
        Assert.Equal("5 calendar years", DeadlinePeriod.CalendarYears(5).ToString());
        Assert.Equal("15 working days", DeadlinePeriod.WorkingDays(15).ToString());
    }

    private static DeadlinePeriod Make(DeadlineCountKind kind, int length) => kind switch
    {
        DeadlineCountKind.CalendarDays => DeadlinePeriod.CalendarDays(length),
        DeadlineCountKind.CalendarYears => DeadlinePeriod.CalendarYears(length),
        _ => DeadlinePeriod.WorkingDays(length),
    };
}
