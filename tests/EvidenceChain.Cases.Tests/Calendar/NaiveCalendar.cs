using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Cases.Tests.Calendar;

/// <summary>
/// A reference written straight from docs/deadlines.md with sets and no bit arithmetic, to check
/// <see cref="WorkingDayCalendar"/> and <see cref="Deadlines"/> against: it trusts its input (the
/// tests give it valid files) and is as plain as possible rather than fast.
/// </summary>
internal sealed class NaiveCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];
    private readonly int _firstYear;
    private readonly int _lastYear;

    public NaiveCalendar(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("version,"))
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields[0] == "covers")
            {
                _firstYear = int.Parse(fields[1]);
                _lastYear = int.Parse(fields[^1]);
                continue;
            }

            DateOnly date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd");
            (fields[1] == "holiday" ? _holidays : _workdays).Add(date);
        }
    }

    public bool Covers(DateOnly date) => date.Year >= _firstYear && date.Year <= _lastYear;

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return false;
        }

        return _workdays.Contains(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The deadline by Civil Code arts. 201–203 as written, or null when a needed day is not covered.</summary>
    public DateOnly? Deadline(DeadlineCountKind kind, int length, DateOnly eventDate)
    {
        DateOnly day = eventDate;
        if (kind == DeadlineCountKind.WorkingDays)
        {
            int counted = 0;
            while (counted < length)
            {
                day = day.AddDays(1);
                if (!Covers(day))
                {
                    return null;
                }

                if (IsWorkingDay(day))
                {
                    counted++;
                }
            }

            return day;
        }

        if (kind == DeadlineCountKind.CalendarDays)
        {
            day = eventDate.AddDays(length);
        }
        else
        {
            // Art. 202 spelled out: the same month and day in the final year, or that month's last day.
            int year = eventDate.Year + length;
            day = new DateOnly(year, eventDate.Month, Math.Min(eventDate.Day, DateTime.DaysInMonth(year, eventDate.Month)));
        }

        while (Covers(day))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }

            day = day.AddDays(1);
        }

        return null;
    }
}
