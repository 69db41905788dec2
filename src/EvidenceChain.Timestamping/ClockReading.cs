namespace EvidenceChain.Timestamping;

/// <summary>
/// One comparison of our clock with a reference: an NTP server's time, or the genTime of a token from
/// another TSA. The caller asks the reference, notes our clock just before sending and just after the
/// answer came, and keeps the latest reading where the TSA can see it (a volatile field, say: a reading
/// is immutable, so replacing it is one reference write).
/// </summary>
public sealed record ClockReading
{
    /// <param name="source">Who was asked ("ntp:127.0.0.1:123", "tsa:https://…"); appears in refusals.</param>
    /// <param name="referenceTime">The reference's time (an NTP transmit timestamp, a token's genTime).</param>
    /// <param name="referenceAccuracy">How far the reference itself may be off (NTP root dispersion, a token's accuracy); zero if it states none.</param>
    /// <param name="sentAt">Our clock just before the question was sent.</param>
    /// <param name="receivedAt">Our clock just after the answer arrived; not before <paramref name="sentAt"/>.</param>
    public ClockReading(string source, DateTimeOffset referenceTime, TimeSpan referenceAccuracy, DateTimeOffset sentAt, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceAccuracy, TimeSpan.Zero);
        if (receivedAt < sentAt)
        {
            throw new ArgumentException($"The answer arrived ({receivedAt:O}) before the question was sent ({sentAt:O}).", nameof(receivedAt));
        }

        Source = source;
        ReferenceTime = referenceTime;
        ReferenceAccuracy = referenceAccuracy;
        SentAt = sentAt;
        ReceivedAt = receivedAt;
    }

    public string Source { get; }

    public DateTimeOffset ReferenceTime { get; }

    public TimeSpan ReferenceAccuracy { get; }

    public DateTimeOffset SentAt { get; }

    public DateTimeOffset ReceivedAt { get; }

    public TimeSpan RoundTrip => ReceivedAt - SentAt;

    /// <summary>
    /// The reference's time minus ours at the midpoint of the exchange: positive when our clock is slow.
    /// NTP's estimate (RFC 5905 §8), which assumes the way out and the way back took equally long.
    /// </summary>
    public TimeSpan Offset => ReferenceTime - (SentAt + (RoundTrip / 2));

    /// <summary>
    /// The most our clock can have been off at the reading: the offset, plus half the round trip (the
    /// answer was made at some instant inside it, we cannot tell which), plus the reference's own error.
    /// </summary>
    public TimeSpan SkewBound => Offset.Duration() + (RoundTrip / 2) + ReferenceAccuracy;
}
