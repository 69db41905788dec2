using System.Buffers.Binary;
using EvidenceChain.Timestamping;

namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// A server's answer to our SNTP request, read from the packet header of RFC 5905 §7.3 and checked as
/// RFC 4330 §5 asks of a client. Extension fields and a MAC after the 48-byte header are ignored: the
/// exchange is unauthenticated, so the answer is as trustworthy as the path to the server.
/// </summary>
/// <param name="ServerReceivedAt">The server's clock when our request arrived (T2 of RFC 5905 §8).</param>
/// <param name="ServerSentAt">The server's clock when it sent the answer (T3).</param>
/// <param name="RootDelay">The round trip from the server to its primary reference.</param>
/// <param name="RootDispersion">The error the server claims relative to its primary reference.</param>
internal readonly record struct SntpAnswer(DateTimeOffset ServerReceivedAt, DateTimeOffset ServerSentAt, TimeSpan RootDelay, TimeSpan RootDispersion)
{
    public const int HeaderLengthBytes = 48;

    private const int ModeServer = 4;
    private const int StratumUnsynchronised = 16;
    private const int LeapUnsynchronised = 3;
    private const int RootDelayOffset = 4;
    private const int RootDispersionOffset = 8;
    private const int ReferenceIdOffset = 12;
    private const int OriginateOffset = 24;
    private const int ReceiveOffset = 32;
    private const int TransmitOffset = 40;

    /// <summary>
    /// The midpoint of the server's receive and transmit times. Against the midpoint of our send and
    /// receive times (<see cref="ClockReading.Offset"/>) it gives exactly RFC 5905 §8's offset
    /// θ = ((T2 − T1) + (T3 − T4)) / 2, and the server's hold time stays inside our round trip, so the
    /// reading's bound of half the round trip is wider than δ/2, never narrower.
    /// </summary>
    public DateTimeOffset ReferenceTime => ServerReceivedAt + ((ServerSentAt - ServerReceivedAt) / 2);

    /// <summary>
    /// How far the server's clock may be from true time: its root dispersion plus half its root delay,
    /// the server's share of the root synchronisation distance of RFC 5905 §10 (our own round trip is
    /// added by <see cref="ClockReading.SkewBound"/>).
    /// </summary>
    public TimeSpan ReferenceAccuracy => RootDispersion + (RootDelay / 2);

    /// <summary>
    /// Reads and checks <paramref name="packet"/> as the answer to a request whose transmit timestamp was
    /// <paramref name="originate"/>; timestamps are read in the era nearest <paramref name="near"/>.
    /// </summary>
    /// <exception cref="SntpException">The packet is no usable answer; checked in this order: length, mode,
    /// version, originate, kiss-o'-death, leap indicator and stratum, timestamps.</exception>
    public static SntpAnswer Read(ReadOnlySpan<byte> packet, ulong originate, DateTimeOffset near, string reference)
    {
        if (packet.Length < HeaderLengthBytes)
        {
            throw Malformed(reference, $"sent {packet.Length} bytes; an NTP answer has at least {HeaderLengthBytes}");
        }

        int leap = packet[0] >> 6;
        int version = (packet[0] >> 3) & 0b111;
        int mode = packet[0] & 0b111;
        byte stratum = packet[1];
        if (mode != ModeServer)
        {
            throw Malformed(reference, $"answered in mode {mode}; a server answers in mode {ModeServer}");
        }

        if (version is not (3 or 4))
        {
            throw Malformed(reference, $"answered with NTP version {version}; we accept 3 and 4");
        }

        // Before anything else the answer says is believed, kiss codes included: a packet that does not
        // echo our random transmit timestamp is not an answer to us (RFC 5905 §8, the "bogus" check).
        if (BinaryPrimitives.ReadUInt64BigEndian(packet[OriginateOffset..]) != originate)
        {
            throw new SntpException(reference, SntpFailure.WrongOriginate, "answered with an originate timestamp that is not the one we sent, so not our request");
        }

        if (stratum == 0)
        {
            string kissCode = KissCode(packet.Slice(ReferenceIdOffset, 4));
            throw new SntpException(reference, SntpFailure.KissOfDeath, $"sent a kiss-o'-death with code {kissCode} (RFC 5905 §7.4)", kissCode);
        }

        if (leap == LeapUnsynchronised)
        {
            throw new SntpException(reference, SntpFailure.Unsynchronised, "says its clock is unsynchronised (leap indicator 3)");
        }

        if (stratum >= StratumUnsynchronised)
        {
            throw new SntpException(reference, SntpFailure.Unsynchronised, $"says its clock is unsynchronised (stratum {stratum}; 1 to 15 are synchronised)");
        }

        ulong received = BinaryPrimitives.ReadUInt64BigEndian(packet[ReceiveOffset..]);
        ulong transmitted = BinaryPrimitives.ReadUInt64BigEndian(packet[TransmitOffset..]);
        if (received == 0 || transmitted == 0)
        {
            throw Malformed(reference, "left its receive or transmit timestamp zero");
        }

        DateTimeOffset serverReceivedAt = NtpTimestamp.ToTime(received, near);
        DateTimeOffset serverSentAt = NtpTimestamp.ToTime(transmitted, near);
        if (serverSentAt < serverReceivedAt)
        {
            throw Malformed(reference, "says it sent its answer before our request arrived");
        }

        return new(
            serverReceivedAt,
            serverSentAt,
            NtpTimestamp.FromShort(BinaryPrimitives.ReadUInt32BigEndian(packet[RootDelayOffset..])),
            NtpTimestamp.FromShort(BinaryPrimitives.ReadUInt32BigEndian(packet[RootDispersionOffset..])));
    }

    private static SntpException Malformed(string reference, string reason) => new(reference, SntpFailure.Malformed, reason);

    // Kiss codes are four ASCII letters ("RATE", "DENY"); anything else is shown as '?' so that a hostile
    // server cannot put control characters into our logs.
    private static string KissCode(ReadOnlySpan<byte> referenceId)
    {
        Span<char> code = stackalloc char[4];
        for (int i = 0; i < code.Length; i++)
        {
            code[i] = referenceId[i] is >= 0x20 and < 0x7F ? (char)referenceId[i] : '?';
        }

        return new string(code);
    }
}
