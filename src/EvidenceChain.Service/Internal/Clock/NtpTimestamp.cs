namespace EvidenceChain.Service.Internal.Clock;

/// <summary>
/// NTP's time formats (RFC 5905 §6): the 64-bit timestamp (seconds since 1900-01-01 UTC in the high 32
/// bits, a binary fraction of a second in the low 32) and the 32-bit short format (16.16 seconds). A
/// timestamp names no era: era 0 ends at 2036-02-07T06:28:16Z, where era 1 starts again from zero. We
/// read a timestamp in the era that puts it nearest our clock, which is right while our clock is within
/// 68 years of the server's. Fractions are truncated to 100 ns ticks.
/// </summary>
internal static class NtpTimestamp
{
    public static readonly DateTimeOffset EraZeroStart = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The time <paramref name="timestamp"/> names, in the era nearest <paramref name="near"/> (not before 1900).</summary>
    public static DateTimeOffset ToTime(ulong timestamp, DateTimeOffset near)
    {
        uint seconds = (uint)(timestamp >> 32);
        uint fraction = (uint)(timestamp & uint.MaxValue);
        long nearSeconds = (near - EraZeroStart).Ticks / TimeSpan.TicksPerSecond;

        // Seconds differ modulo 2^32; read as a signed 32-bit number, the difference is the shorter way
        // round the circle, which picks the nearest era (RFC 5905 §6: differences are valid within 68 years).
        int secondsFromNear = unchecked((int)(seconds - (uint)nearSeconds));
        long fractionTicks = (long)(((ulong)fraction * TimeSpan.TicksPerSecond) >> 32);
        return EraZeroStart + TimeSpan.FromTicks(((nearSeconds + secondsFromNear) * TimeSpan.TicksPerSecond) + fractionTicks);
    }

    /// <summary>The duration a short-format value names (root delay, root dispersion).</summary>
    public static TimeSpan FromShort(uint value) => TimeSpan.FromTicks((long)(((ulong)value * TimeSpan.TicksPerSecond) >> 16));
}
