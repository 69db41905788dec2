using System.Diagnostics;

namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// The references the built-in TSA compares its clock with (section "Tsa:Clock";
/// docs/timestamping.md#the-services-references), how often and how patiently.
/// </summary>
internal sealed class ClockReferenceSettings
{
    /// <summary>All references are asked at once each round; this bounds the sockets and the work.</summary>
    public const int ReferencesMax = 8;

    /// <summary>RFC 4330 §10: a client must never poll a server more often than every 15 s.</summary>
    public static readonly TimeSpan IntervalMin = TimeSpan.FromSeconds(15);

    /// <summary>NTP servers as <c>ntp://host</c> or <c>ntp://host:port</c> (port 123 if none); at least one.</summary>
    public string[] References { get; set; } = [];

    /// <summary>Time between rounds; 64 s by default, the shortest poll ntpd and chrony use unless told otherwise (minpoll 6).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(64);

    /// <summary>How long one reference may take to answer, name lookup included; less than <see cref="Interval"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (References.Length is 0 or > ReferencesMax)
        {
            return $"Tsa:Clock:References must list 1 to {ReferencesMax} NTP servers (ntp://host or ntp://host:port).";
        }

        HashSet<string> sources = new(StringComparer.Ordinal);
        for (int i = 0; i < References.Length; i++)
        {
            // The text itself is not repeated: a mistyped URL may hold a user name and password.
            if (!NtpReference.TryParse(References[i], out NtpReference? reference))
            {
                return $"Tsa:Clock:References:{i} must be ntp://host or ntp://host:port (port 1 to 65535), with no user, path, query or fragment.";
            }

            if (!sources.Add(reference.Source))
            {
                return $"Tsa:Clock:References:{i} repeats {reference.Source}.";
            }
        }

        if (Interval < IntervalMin)
        {
            return $"Tsa:Clock:Interval must be at least {IntervalMin.TotalSeconds} s: NTP servers block clients that poll more often (RFC 4330 §10).";
        }

        if (Timeout <= TimeSpan.Zero || Timeout >= Interval)
        {
            return "Tsa:Clock:Timeout must be positive and shorter than Tsa:Clock:Interval.";
        }

        return null;
    }

    /// <summary>The references, parsed; the settings must have no <see cref="Problem"/>.</summary>
    public IReadOnlyList<NtpReference> ParsedReferences()
    {
        string? problem = Problem();
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        List<NtpReference> references = [];
        foreach (string text in References)
        {
            bool isReference = NtpReference.TryParse(text, out NtpReference? reference);
            Debug.Assert(isReference && reference is not null);
            references.Add(reference);
        }

        return references;
    }
}
