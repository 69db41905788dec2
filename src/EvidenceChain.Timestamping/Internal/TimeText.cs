using System.Globalization;

namespace EvidenceChain.Timestamping.Internal;

/// <summary>Times and spans as refusals and verdicts print them, the same in every culture.</summary>
internal static class TimeText
{
    public static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    public static string Utc(DateTime time) => Utc(new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero));

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture) + " s";
}
