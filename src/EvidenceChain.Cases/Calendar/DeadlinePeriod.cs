namespace EvidenceChain.Cases.Calendar;

/// <summary>
/// A period's length and how it is counted, for example 7 calendar days. Made only by
/// <see cref="CalendarDays"/>, <see cref="CalendarYears"/> and <see cref="WorkingDays"/>, which
/// check the length; <c>default</c> is not a period and is refused where one is used.
/// </summary>
public readonly record struct DeadlinePeriod
{
    /// <summary>The longest period in calendar days: ten years of days.</summary>
    public const int CalendarDaysMax = 3_660;

    /// <summary>The longest period in calendar years: room for the 20 years of 提存公证规则 art. 21, which Civil Code art. 574 superseded.</summary>
    public const int CalendarYearsMax = 30;

    /// <summary>The longest period in working days: about a year and a half of them.</summary>
    public const int WorkingDaysMax = 366;

    private DeadlinePeriod(int length, DeadlineCountKind countKind)
    {
        Length = length;
        CountKind = countKind;
    }

    /// <summary>The number of days, years or working days.</summary>
    public int Length { get; }

    /// <summary>How <see cref="Length"/> is counted.</summary>
    public DeadlineCountKind CountKind { get; }

    /// <summary>A period of <paramref name="length"/> calendar days, 1 to <see cref="CalendarDaysMax"/>.</summary>
    public static DeadlinePeriod CalendarDays(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, CalendarDaysMax);
        return new DeadlinePeriod(length, DeadlineCountKind.CalendarDays);
    }

    /// <summary>A period of <paramref name="length"/> calendar years, 1 to <see cref="CalendarYearsMax"/>.</summary>
    public static DeadlinePeriod CalendarYears(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, CalendarYearsMax);
        return new DeadlinePeriod(length, DeadlineCountKind.CalendarYears);
    }

    /// <summary>A period of <paramref name="length"/> working days, 1 to <see cref="WorkingDaysMax"/>.</summary>
    public static DeadlinePeriod WorkingDays(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, WorkingDaysMax);
        return new DeadlinePeriod(length, DeadlineCountKind.WorkingDays);
    }

    /// <inheritdoc/>
    public override string ToString() => CountKind switch
    {
        DeadlineCountKind.CalendarDays => $"{Length} calendar days",
        DeadlineCountKind.CalendarYears => $"{Length} calendar years",
        DeadlineCountKind.WorkingDays => $"{Length} working days",
        _ => "no period",
    };
}
