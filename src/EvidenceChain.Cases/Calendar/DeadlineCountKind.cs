namespace EvidenceChain.Cases.Calendar;

/// <summary>How a period is counted from its event date (Civil Code arts. 200–204; docs/deadlines.md). Numbers never change.</summary>
#pragma warning disable CA1008 // There is no "no count": a period always says how it is counted.
public enum DeadlineCountKind : byte
#pragma warning restore CA1008
{
    /// <summary>
    /// N calendar days: the event day is not counted (art. 201), the period's last day is the N-th
    /// day after it, and a last day that is not a working day moves to the next working day (art. 203).
    /// </summary>
    CalendarDays = 1,

    /// <summary>
    /// N calendar years: the last day is the event's corresponding day N years on, or the last day of
    /// that month when it has none, as for 29 February (art. 202); a last day that is not a working
    /// day moves to the next working day (art. 203).
    /// </summary>
    CalendarYears = 2,

    /// <summary>N working days: the last day is the N-th working day after the event day (art. 201: the event day is not counted). It is a working day by construction.</summary>
    WorkingDays = 3,
}
