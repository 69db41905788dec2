namespace EvidenceChain.Cases.Calendar;

/// <summary>
/// A date the computation needed lies outside the years the working-day calendar covers. A deadline
/// beyond the calendar's last year is an error, not a guess: whether a future day is a working day
/// is known only once the State Council publishes that year's arrangement (usually the November
/// before), and it is then added to the calendar file (docs/deadlines.md).
/// </summary>
public sealed class DateOutsideCalendarException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public DateOutsideCalendarException()
        : base("The date is outside the working-day calendar.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DateOutsideCalendarException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that revealed the fault.</summary>
    public DateOutsideCalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a date outside a calendar covering <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public DateOutsideCalendarException(DateOnly date, int firstYear, int lastYear)
        : base($"{date:yyyy-MM-dd} is outside the working-day calendar, which covers {firstYear}–{lastYear}; "
            + $"a deadline that needs {date.Year} is refused until the State Council's arrangement for {date.Year} is added to the calendar")
    {
        Date = date;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The first date needed that the calendar does not cover.</summary>
    public DateOnly Date { get; }

    /// <summary>The first year the calendar covers.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the calendar covers.</summary>
    public int LastYear { get; }
}
