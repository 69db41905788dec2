namespace EvidenceChain.Timestamping.Tests;

/// <summary>The clock-honesty rule on readings made up here: the guard is a pure function, so no real reference is needed.</summary>
public sealed class ClockGuardTests
{
    private static readonly DateTimeOffset s_now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ClockGuard _guard = new(skewMax: TimeSpan.FromSeconds(1), readingAgeMax: TimeSpan.FromMinutes(5));

    [Fact]
    public void Check_NoReading_NoReading() => Assert.Equal(ClockProblem.NoReading, _guard.Check(s_now, null).Problem);

    [Fact]
    public void Check_ReadingAgreeingAMinuteAgo_Trusted()
    {
        ClockReading reading = Reading(referenceAheadMs: 300, roundTripMs: 200, ageSeconds: 60);

        ClockVerdict verdict = _guard.Check(s_now, reading);

        Assert.True(verdict.IsTrusted, verdict.ToString());
        Assert.Equal("within 0.4 s of reference", verdict.Detail);
    }

    [Fact]
    public void Check_ReferenceBehindByMoreThanTheBound_SkewTooLarge()
    {
        ClockVerdict verdict = _guard.Check(s_now, Reading(referenceAheadMs: -1500, roundTripMs: 0, ageSeconds: 1));

        Assert.Equal(ClockProblem.SkewTooLarge, verdict.Problem);
        Assert.Contains("offset -1.5 s", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OffsetWithinTheBoundButASlowRoundTrip_SkewTooLarge()
    {
        // 0.6 s offset is fine alone; a 1 s round trip leaves 0.5 s of doubt on top, and the worst case counts.
        Assert.True(_guard.Check(s_now, Reading(referenceAheadMs: 600, roundTripMs: 0, ageSeconds: 1)).IsTrusted);
        Assert.Equal(ClockProblem.SkewTooLarge, _guard.Check(s_now, Reading(referenceAheadMs: 600, roundTripMs: 1000, ageSeconds: 1)).Problem);
    }

    [Fact]
    public void Check_ReferenceVaguerThanTheBound_SkewTooLarge()
    {
        // A token from another TSA stating ±1.5 s cannot vouch for our clock to within 1 s, however well it agrees.
        var exactlyAtBound = new ClockReading("tsa", s_now, TimeSpan.FromSeconds(1), s_now, s_now);
        var vaguer = new ClockReading("tsa", s_now, TimeSpan.FromSeconds(1.5), s_now, s_now);

        Assert.True(_guard.Check(s_now, exactlyAtBound).IsTrusted);
        Assert.Equal(ClockProblem.SkewTooLarge, _guard.Check(s_now, vaguer).Problem);
    }

    [Fact]
    public void Check_ReadingOlderThanAllowed_ReadingTooOld()
    {
        Assert.True(_guard.Check(s_now, Reading(0, 0, ageSeconds: 300)).IsTrusted);
        Assert.Equal(ClockProblem.ReadingTooOld, _guard.Check(s_now, Reading(0, 0, ageSeconds: 301)).Problem);
    }

    [Fact]
    public void Check_ClockNowBeforeTheReading_ClockWentBack()
    {
        Assert.Equal(ClockProblem.ClockWentBack, _guard.Check(s_now, Reading(0, 0, ageSeconds: -2)).Problem);
    }

    [Fact]
    public void Reading_Offset_IsMeasuredAtTheMidpointOfTheRoundTrip()
    {
        // Sent at 0 s, answered at 4 s by our clock; the reference said 2.5 s: it was 0.5 s ahead at our 2 s.
        var reading = new ClockReading("ntp", s_now.AddSeconds(2.5), TimeSpan.Zero, s_now, s_now.AddSeconds(4));

        Assert.Equal(TimeSpan.FromSeconds(0.5), reading.Offset);
        Assert.Equal(TimeSpan.FromSeconds(2.5), reading.SkewBound);
    }

    [Fact]
    public void Reading_AnsweredBeforeSent_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ClockReading("ntp", s_now, TimeSpan.Zero, s_now, s_now.AddTicks(-1)));
    }

    /// <summary>A reading taken <paramref name="ageSeconds"/> before <see cref="s_now"/>, the reference that far ahead of our clock at the midpoint.</summary>
    private static ClockReading Reading(int referenceAheadMs, int roundTripMs, int ageSeconds)
    {
        DateTimeOffset receivedAt = s_now.AddSeconds(-ageSeconds);
        DateTimeOffset sentAt = receivedAt.AddMilliseconds(-roundTripMs);
        DateTimeOffset midpoint = sentAt.AddMilliseconds(roundTripMs / 2.0);
        return new ClockReading("reference", midpoint.AddMilliseconds(referenceAheadMs), TimeSpan.Zero, sentAt, receivedAt);
    }
}
