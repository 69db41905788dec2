using EvidenceChain.Engine.Observability;

namespace EvidenceChain.Engine.Tests.Observability;

/// <summary>Promise delays and broken promises, on given times (no clock).</summary>
public sealed class PromiseTrackerTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void Integrated_CheckpointCoversTwoOfThreeBatches_ReturnsTheirDelaysAndKeepsTheThird()
    {
        var tracker = new PromiseTracker(s_deadline);
        tracker.Promised(2, 1_000);
        tracker.Promised(5, 1_200);
        tracker.Promised(9, 1_400);

        IReadOnlyList<long> delays = tracker.Integrated(5, 1_500);

        Assert.Equal([500L, 300L], delays);
        Assert.Equal(1, tracker.OpenCount);
        Assert.Equal([100L], tracker.Integrated(9, 1_500));
        Assert.Empty(tracker.Integrated(9, 1_600));
    }

    [Fact]
    public void Broken_OpenPastDeadline_CountsUntilKeptLateAndNeverDrops()
    {
        var tracker = new PromiseTracker(s_deadline);
        tracker.Promised(1, 0);
        tracker.Promised(2, 30_000);

        Assert.Equal(0, tracker.Broken(60_000));
        Assert.Equal(1, tracker.Broken(60_001));
        Assert.Equal(2, tracker.Broken(90_001));

        // Kept late: still broken; a clock stepped back does not unbreak them.
        tracker.Integrated(2, 95_000);
        Assert.Equal(2, tracker.Broken(95_000));
        Assert.Equal(2, tracker.Broken(0));
        Assert.Equal(0, tracker.OpenCount);
    }

    [Fact]
    public void Integrated_WithinDeadline_NothingBroken()
    {
        var tracker = new PromiseTracker(s_deadline);
        tracker.Promised(3, 10_000);
        tracker.Integrated(3, 70_000);

        Assert.Equal(0, tracker.Broken(1_000_000));
    }

    [Fact]
    public void Promised_BeyondOpenCountMax_DropsTheOldestAndCountsItBrokenWhenOverdue()
    {
        var tracker = new PromiseTracker(s_deadline);
        for (int i = 0; i < PromiseTracker.OpenCountMax; i++)
        {
            tracker.Promised((ulong)i + 1, 0);
        }

        tracker.Promised(PromiseTracker.OpenCountMax + 1UL, 61_000);

        Assert.Equal(PromiseTracker.OpenCountMax, tracker.OpenCount);
        Assert.Equal(PromiseTracker.OpenCountMax, tracker.Broken(61_000));
    }
}
