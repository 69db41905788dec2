using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Cases.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private const string Head = "version,1\ncovers,2025\n";

    [Fact]
    public void Parse_ChinaFile_CoversTwoYearsAtVersionOne()
    {
        WorkingDayCalendar calendar = ChinaCalendar.Calendar;

        Assert.Equal(1, calendar.Version);
        Assert.Equal(2025, calendar.FirstYear);
        Assert.Equal(2026, calendar.LastYear);
        Assert.Equal(new DateOnly(2025, 1, 1), calendar.FirstDate);
        Assert.Equal(new DateOnly(2026, 12, 31), calendar.LastDate);
    }

    // Spring Festival 2025: holiday 28 Jan (Tue) to 4 Feb (Tue); Sun 26 Jan and Sat 8 Feb are working days.
    [Theory]
    [InlineData("2025-01-24", true)]  // Friday
    [InlineData("2025-01-25", false)] // Saturday
    [InlineData("2025-01-26", true)]  // Sunday, make-up working day
    [InlineData("2025-01-27", true)]  // Monday
    [InlineData("2025-01-28", false)] // New Year's Eve, first holiday
    [InlineData("2025-01-31", false)] // Friday inside the holiday
    [InlineData("2025-02-01", false)]
    [InlineData("2025-02-04", false)] // last holiday
    [InlineData("2025-02-05", true)]  // Wednesday, back to work
    [InlineData("2025-02-07", true)]  // Friday
    [InlineData("2025-02-08", true)]  // Saturday, make-up working day
    [InlineData("2025-02-09", false)] // Sunday
    public void IsWorkingDay_AroundSpringFestival2025_FollowsTheArrangement(string date, bool expected)
    {
        Assert.Equal(expected, ChinaCalendar.Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    // National Day and Mid-Autumn 2025: holiday 1 Oct (Wed) to 8 Oct (Wed); Sun 28 Sep and Sat 11 Oct are working days.
    [Theory]
    [InlineData("2025-09-26", true)]  // Friday
    [InlineData("2025-09-27", false)] // Saturday
    [InlineData("2025-09-28", true)]  // Sunday, make-up working day
    [InlineData("2025-09-30", true)]  // Tuesday
    [InlineData("2025-10-01", false)]
    [InlineData("2025-10-03", false)] // Friday inside the holiday
    [InlineData("2025-10-06", false)] // Monday inside the holiday
    [InlineData("2025-10-08", false)] // last holiday
    [InlineData("2025-10-09", true)]  // Thursday, back to work
    [InlineData("2025-10-10", true)]
    [InlineData("2025-10-11", true)]  // Saturday, make-up working day
    [InlineData("2025-10-12", false)] // Sunday
    public void IsWorkingDay_AroundNationalDay2025_FollowsTheArrangement(string date, bool expected)
    {
        Assert.Equal(expected, ChinaCalendar.Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    // 2026, as in the State Council's notice of 4 Nov 2025.
    [Theory]
    [InlineData("2026-01-02", false)] // Friday, New Year holiday
    [InlineData("2026-01-04", true)]  // Sunday, make-up working day
    [InlineData("2026-02-14", true)]  // Saturday, make-up working day
    [InlineData("2026-02-23", false)] // Monday, last Spring Festival holiday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]  // Saturday, make-up working day
    [InlineData("2026-04-06", false)] // Monday, Qingming
    [InlineData("2026-05-05", false)] // Tuesday, Labour Day
    [InlineData("2026-05-09", true)]  // Saturday, make-up working day
    [InlineData("2026-06-19", false)] // Friday, Dragon Boat
    [InlineData("2026-09-20", true)]  // Sunday, make-up working day
    [InlineData("2026-09-25", false)] // Friday, Mid-Autumn
    [InlineData("2026-10-07", false)] // Wednesday, National Day
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]  // Saturday, make-up working day
    [InlineData("2026-12-31", true)]  // Thursday, the last covered day
    public void IsWorkingDay_In2026_FollowsTheArrangement(string date, bool expected)
    {
        Assert.Equal(expected, ChinaCalendar.Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void IsWorkingDay_EveryCoveredDay_AgreesWithTheNaiveModel()
    {
        var model = new NaiveCalendar(ChinaCalendar.Text);
        WorkingDayCalendar calendar = ChinaCalendar.Calendar;
        int holidaysOnWeekdays = 0;
        for (DateOnly day = calendar.FirstDate; day <= calendar.LastDate; day = day.AddDays(1))
        {
            Assert.True(model.IsWorkingDay(day) == calendar.IsWorkingDay(day), $"{day:yyyy-MM-dd}");
            if (!calendar.IsWorkingDay(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                holidaysOnWeekdays++;
            }
        }

        // Weekday holidays: 2025 has 1 + 6 + 1 + 3 + 1 + 6 = 18, 2026 has 2 + 6 + 1 + 3 + 1 + 1 + 5 = 19.
        Assert.Equal(18 + 19, holidaysOnWeekdays);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2027-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void IsWorkingDay_OutsideTheCoveredYears_ThrowsNamingTheDate(string date)
    {
        DateOnly day = DateOnly.Parse(date);

        Assert.False(ChinaCalendar.Calendar.Covers(day));
        DateOutsideCalendarException error = Assert.Throws<DateOutsideCalendarException>(() => ChinaCalendar.Calendar.IsWorkingDay(day));
        Assert.Equal(day, error.Date);
        Assert.Equal(2025, error.FirstYear);
        Assert.Equal(2026, error.LastYear);
        Assert.Contains(date, error.Message);
        Assert.Contains("2025–2026", error.Message);
    }

    [Fact]
    public void Parse_SmallestFile_WeekdaysWorkAndTheHolidayDoesNot()
    {
        WorkingDayCalendar calendar = WorkingDayCalendar.Parse(Head + "2025-01-01,holiday\n");

        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 1, 2)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreSkipped()
    {
        WorkingDayCalendar calendar = WorkingDayCalendar.Parse("# head\n\nversion,7\n# between\ncovers,2025\n\n# a holiday\n2025-01-01,holiday\n2025-01-05,workday\n");

        Assert.Equal(7, calendar.Version);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 1, 5)));
    }

    [Theory]
    [InlineData("", 1, "does not end in LF")]
    [InlineData("version,1\ncovers,2025\n2025-01-01,holiday", 3, "does not end in LF")]
    [InlineData("\uFEFFversion,1\ncovers,2025\n2025-01-01,holiday\n", 1, "byte order mark")]
    [InlineData("version,1\r\ncovers,2025\n2025-01-01,holiday\n", 1, "carriage return")]
    [InlineData("# only a comment\n", 0, "no version line")]
    [InlineData("version,1\n", 0, "no covers line")]
    [InlineData("covers,2025\n2025-01-01,holiday\n", 1, "version line")]
    [InlineData("version,0\ncovers,2025\n2025-01-01,holiday\n", 1, "version line")]
    [InlineData("version,01\ncovers,2025\n2025-01-01,holiday\n", 1, "version line")]
    [InlineData("version, 1\ncovers,2025\n2025-01-01,holiday\n", 1, "version line")]
    [InlineData("version,1\n2025-01-01,holiday\n", 2, "covers line")]
    [InlineData("version,1\ncovers,\n", 2, "covered year must be from 2000 to 2199")]
    [InlineData("version,1\ncovers,1999\n", 2, "covered year must be from 2000 to 2199")]
    [InlineData("version,1\ncovers,2200\n", 2, "covered year must be from 2000 to 2199")]
    [InlineData("version,1\ncovers,2025,2027\n", 2, "2027 follows 2025")]
    [InlineData("version,1\ncovers,2026,2025\n", 2, "2025 follows 2026")]
    [InlineData(Head + "2025-01-01,holiday\n2025-02-30,holiday\n", 4, "\"2025-02-30\" is not a real date")]
    [InlineData(Head + "2025-1-01,holiday\n", 3, "not a real date")]
    [InlineData(Head + "2025-01-01\n", 3, "expected a row")]
    [InlineData(Head + "2025-01-01,holiday,New Year\n", 3, "expected a row")]
    [InlineData(Head + "2025-01-01,holiday\n2026-01-01,holiday\n", 4, "2026-01-01 is not in a covered year (2025–2025)")]
    [InlineData(Head + "2025-01-01,holiday\n2025-01-01,holiday\n", 4, "does not come after the previous row's 2025-01-01")]
    [InlineData(Head + "2025-01-28,holiday\n2025-01-26,workday\n", 4, "does not come after")]
    [InlineData(Head + "2025-01-01,holiday\n2025-01-27,workday\n", 4, "2025-01-27 is a Monday")]
    [InlineData(Head + "2025-01-01,holdiay\n", 3, "kind must be \"holiday\" or \"workday\"; found \"holdiay\"")]
    [InlineData(Head + "2025-01-01, holiday\n", 3, "found \" holiday\"")]
    [InlineData(Head + "2025-01-01,Holiday\n", 3, "kind must be")]
    [InlineData(Head + "# nothing\n", 0, "2025 is covered but has no holiday row")]
    [InlineData("version,1\ncovers,2025,2026\n2025-01-01,holiday\n2026-01-04,workday\n", 0, "2026 is covered but has no holiday row")]
    public void Parse_BrokenText_ThrowsNamingTheLine(string text, int lineNumber, string detail)
    {
        CalendarFormatException error = Assert.Throws<CalendarFormatException>(() => WorkingDayCalendar.Parse(text));

        Assert.Equal(lineNumber, error.LineNumber);
        Assert.Contains(detail, error.Detail);
        Assert.StartsWith(lineNumber == 0 ? "working-day calendar: " : $"working-day calendar, line {lineNumber}: ", error.Message);
    }

    [Fact]
    public void Parse_TooLong_ThrowsForTheWholeText()
    {
        string text = Head + "2025-01-01,holiday\n" + new string('#', WorkingDayCalendar.TextLengthMaxChars) + "\n";

        CalendarFormatException error = Assert.Throws<CalendarFormatException>(() => WorkingDayCalendar.Parse(text));

        Assert.Equal(0, error.LineNumber);
        Assert.Contains("at most", error.Detail);
    }

    [Fact]
    public void Parse_MoreYearsThanTheLimit_Throws()
    {
        string years = string.Join(',', Enumerable.Range(2000, WorkingDayCalendar.CoveredYearCountMax + 1));

        CalendarFormatException error = Assert.Throws<CalendarFormatException>(() => WorkingDayCalendar.Parse($"version,1\ncovers,{years}\n"));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains($"at most {WorkingDayCalendar.CoveredYearCountMax} years", error.Detail);
    }
}
