using System.Text;
using EvidenceChain.Cases.Calendar;

namespace EvidenceChain.Cases.Tests.Calendar;

/// <summary>
/// The real calendar file, read from the Cases assembly's embedded resource, so the worked
/// examples run on the published arrangements and not on a copy that could drift from them.
/// (The Engine's CaseCalendars does the same for production; its own test checks that path.)
/// </summary>
internal static class ChinaCalendar
{
    public const string ResourceName = "EvidenceChain.Cases.Calendar.china-working-days.csv";

    public static string Text { get; } = ReadText();

    public static WorkingDayCalendar Calendar { get; } = WorkingDayCalendar.Parse(Text);

    private static string ReadText()
    {
        using Stream stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}
