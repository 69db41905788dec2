using System.Globalization;

namespace EvidenceChain.Cli.Internal;

/// <summary>A day as people type it on the command line: YYYY-MM-DD.</summary>
internal static class IsoDay
{
    public static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day
            : throw new OnlineInputException(OnlineProblem.DateMalformed, text);
}
