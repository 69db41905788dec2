using EvidenceChain.Timestamping.Internal;

namespace EvidenceChain.Timestamping;

/// <summary>
/// Clock honesty for a TSA: it issues only while its clock is known to be within
/// <see cref="SkewMax"/> of a reference, according to a reading no older than <see cref="ReadingAgeMax"/>.
/// A pure function of our clock and the last reading; the service takes readings (NTP, another TSA) and
/// hands the latest in. Taking the worst case of a reading (<see cref="ClockReading.SkewBound"/>) means a
/// slow network or a vague reference refuses rather than issues a token whose stated accuracy might be false.
/// </summary>
public sealed class ClockGuard
{
    /// <param name="skewMax">The largest error allowed between our clock and the reference; positive.</param>
    /// <param name="readingAgeMax">How long a reading stays good, by our clock; positive.</param>
    public ClockGuard(TimeSpan skewMax, TimeSpan readingAgeMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(skewMax, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(readingAgeMax, TimeSpan.Zero);
        SkewMax = skewMax;
        ReadingAgeMax = readingAgeMax;
    }

    public TimeSpan SkewMax { get; }

    public TimeSpan ReadingAgeMax { get; }

    /// <summary>Whether our clock, now reading <paramref name="now"/>, may be trusted given the last reading (null if none).</summary>
    public ClockVerdict Check(DateTimeOffset now, ClockReading? lastReading)
    {
        if (lastReading is null)
        {
            return new(ClockProblem.NoReading, "the clock has not been compared with a reference yet");
        }

        if (lastReading.ReceivedAt > now)
        {
            return new(ClockProblem.ClockWentBack, $"the clock reads {TimeText.Utc(now)}, before the reading from {lastReading.Source} taken at {TimeText.Utc(lastReading.ReceivedAt)}");
        }

        TimeSpan age = now - lastReading.ReceivedAt;
        if (age > ReadingAgeMax)
        {
            return new(ClockProblem.ReadingTooOld, $"the last reading from {lastReading.Source} is {TimeText.Seconds(age)} old; at most {TimeText.Seconds(ReadingAgeMax)} is allowed");
        }

        TimeSpan skew = lastReading.SkewBound;
        if (skew > SkewMax)
        {
            return new(ClockProblem.SkewTooLarge,
                $"the clock may be {TimeText.Seconds(skew)} off {lastReading.Source} (offset {TimeText.Seconds(lastReading.Offset)}, round trip {TimeText.Seconds(lastReading.RoundTrip)}); at most {TimeText.Seconds(SkewMax)} is allowed");
        }

        return new(ClockProblem.None, $"within {TimeText.Seconds(skew)} of {lastReading.Source}");
    }
}
