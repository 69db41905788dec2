using System.Text;
using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Engine.Cases;

/// <summary>
/// Loads the working-day calendar that ships inside the Cases assembly (docs/deadlines.md). The
/// Cases project is pure and never reads its own resources; the Engine reads the bytes here and
/// hands the text to <see cref="WorkingDayCalendar.Parse"/>.
/// </summary>
public static class CaseCalendars
{
    /// <summary>The manifest resource name of China's calendar file, as set by <c>LogicalName</c> in EvidenceChain.Cases.csproj.</summary>
    public const string ChinaResourceName = "EvidenceChain.Cases.Calendar.china-working-days.csv";

    // Strict UTF-8: a damaged file fails here instead of parsing replacement characters.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and parses China's working-day calendar. Each call reads the resource afresh; the composition root keeps the result.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the Cases assembly.</exception>
    /// <exception cref="CalendarFormatException">The file breaks its format; the message names the line.</exception>
    public static WorkingDayCalendar LoadChina()
    {
        using Stream stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ChinaResourceName)
            ?? throw new InvalidOperationException($"The working-day calendar {ChinaResourceName} is not embedded in {typeof(WorkingDayCalendar).Assembly.GetName().Name}.");

        // No byte-order-mark detection: a BOM reaches the parser, which refuses it on line 1.
        using var reader = new StreamReader(stream, s_strictUtf8, detectEncodingFromByteOrderMarks: false);
        return WorkingDayCalendar.Parse(reader.ReadToEnd());
    }
}
