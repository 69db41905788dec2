namespace EvidenceChain.Service.Internal.Clock;

/// <summary>Why an SNTP exchange gave no reading. The numbers are stable and never reused.</summary>
internal enum SntpFailure
{
    /// <summary>No answer came within the timeout.</summary>
    Timeout = 1,

    /// <summary>Nothing listens on the server's port (ICMP port unreachable).</summary>
    Refused = 2,

    /// <summary>The host name did not resolve to an address.</summary>
    Unresolved = 3,

    /// <summary>The network could not carry the request (no route, interface down).</summary>
    Unreachable = 4,

    /// <summary>The answer is not an NTP server answer: too short, wrong mode or version, impossible timestamps.</summary>
    Malformed = 5,

    /// <summary>The answer does not echo our transmit timestamp, so it does not answer our request (RFC 5905 §8).</summary>
    WrongOriginate = 6,

    /// <summary>The server answered with stratum 0, a kiss-o'-death (RFC 5905 §7.4): it refuses to serve us.</summary>
    KissOfDeath = 7,

    /// <summary>The server says its own clock is not synchronised (leap indicator 3, or stratum 16 or more).</summary>
    Unsynchronised = 8,

    /// <summary>Our clock read earlier when the answer came than when the request left: it was set back meanwhile.</summary>
    ClockWentBack = 9,
}
