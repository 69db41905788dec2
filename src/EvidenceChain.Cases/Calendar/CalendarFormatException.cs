namespace EvidenceChain.Cases.Calendar;

/// <summary>
/// The calendar text broke a rule of its format (docs/deadlines.md). The calendar file ships inside
/// the Cases assembly, so this is a bug in the file, never a refusal to hand to a party: the message
/// names the line and says what was found and what was wanted.
/// </summary>
public sealed class CalendarFormatException : FormatException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public CalendarFormatException()
        : base("The working-day calendar is malformed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CalendarFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that revealed the fault.</summary>
    public CalendarFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a line of the calendar text.</summary>
    /// <param name="lineNumber">The 1-based line; 0 for the text as a whole.</param>
    /// <param name="detail">A sentence saying what was found and what was wanted.</param>
    public CalendarFormatException(int lineNumber, string detail)
        : base(lineNumber == 0 ? $"working-day calendar: {detail}" : $"working-day calendar, line {lineNumber}: {detail}")
    {
        LineNumber = lineNumber;
        Detail = detail;
    }

    /// <summary>The 1-based line of the calendar text that is wrong; 0 for the text as a whole.</summary>
    public int LineNumber { get; }

    /// <summary>What was found and what was wanted, without the line number.</summary>
    public string Detail { get; } = "";
}
