namespace EvidenceChain.Timestamping;

/// <summary>
/// Why the TSA's clock is not trusted to issue, in the order <see cref="ClockGuard.Check"/> tests them.
/// The numbers are stable and never reused.
/// </summary>
public enum ClockProblem
{
    /// <summary>The clock agrees with a recent reference reading.</summary>
    None = 0,

    /// <summary>No reading has been taken yet.</summary>
    NoReading = 1,

    /// <summary>The reading was taken after what our clock now says: the clock went back since, so it is not to be trusted.</summary>
    ClockWentBack = 2,

    /// <summary>The last reading is older than the guard allows: the clock may have drifted since.</summary>
    ReadingTooOld = 3,

    /// <summary>The clock may be further from the reference than the guard allows.</summary>
    SkewTooLarge = 4,
}
