using System.Diagnostics.CodeAnalysis;

namespace EvidenceChain.Service.Internal.Clock;

/// <summary>An NTP server to compare our clock with, configured as <c>ntp://host</c> or <c>ntp://host:port</c>.</summary>
/// <param name="Host">A DNS name or an IP address, without brackets.</param>
/// <param name="Port">The UDP port, 1 to 65535.</param>
internal sealed record NtpReference(string Host, int Port)
{
    public const int DefaultPort = 123;

    /// <summary>The reference as a URL, <c>ntp://host:port</c>: how readings, failures and logs name it.</summary>
    public string Source => Host.Contains(':', StringComparison.Ordinal) ? $"ntp://[{Host}]:{Port}" : $"ntp://{Host}:{Port}";

    /// <summary>
    /// Reads <c>ntp://host[:port]</c>; false for anything else, including a user, a path, a query or a
    /// fragment, so that nothing but a host and a port can reach a reading's source or a log.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out NtpReference? reference)
    {
        reference = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? url)
            || url.Scheme != "ntp"
            || url.HostNameType is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)
            || url.Port == 0
            || url.UserInfo.Length != 0
            || url.AbsolutePath != "/"
            || url.Query.Length != 0
            || url.Fragment.Length != 0)
        {
            return false;
        }

        reference = new(url.IdnHost, url.Port == -1 ? DefaultPort : url.Port);
        return true;
    }
}
