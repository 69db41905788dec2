using System.Diagnostics;

namespace EvidenceChain.Cases.Calendar;

/// <summary>
/// The last day on which an act is still in time, counted from its event date by the Civil Code's
/// rules on periods (arts. 200–204) over a <see cref="WorkingDayCalendar"/>. Specified in
/// docs/deadlines.md, with the rule table and worked examples.
/// </summary>
/// <remarks>
/// Dates are Asia/Shanghai dates; the event date comes from a trusted record (the bank statement's
/// value date for a deposit), never from a clock. The last day ends at 24:00 (art. 203 para. 2).
/// A deadline needing a day the calendar does not cover is refused, never guessed: the 5-year
/// lapse is therefore refused until the calendar reaches its final year.
/// </remarks>
public static class Deadlines
{
    /// <summary>The length and count kind of <paramref name="rule"/> (docs/deadlines.md, Rules).</summary>
    public static DeadlinePeriod PeriodOf(DeadlineRule rule) => rule switch
    {
        // Decision, to confirm with the notary office (DOMAIN §6.5): the rule's 3, 7 and 60 日 are
        // calendar days, extended by art. 203 when they end on a rest day or holiday.
        DeadlineRule.Acceptance => DeadlinePeriod.CalendarDays(3),
        DeadlineRule.Certificate => DeadlinePeriod.CalendarDays(3),
        DeadlineRule.Notice => DeadlinePeriod.CalendarDays(7),
        DeadlineRule.PublicNotice => DeadlinePeriod.CalendarDays(60),
        DeadlineRule.Lapse => DeadlinePeriod.CalendarYears(5),
        DeadlineRule.PlanObjection => DeadlinePeriod.CalendarDays(15),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "not a deadline rule"),
    };

    /// <summary>The articles <paramref name="rule"/> rests on, for a person reading a case record.</summary>
    public static string BasisOf(DeadlineRule rule) => rule switch
    {
        DeadlineRule.Acceptance => "提存公证规则 (acceptance within 3 days of the application); Civil Code arts. 201, 203",
        DeadlineRule.Certificate => "提存公证规则 art. 17; Civil Code arts. 201, 203",
        DeadlineRule.Notice => "提存公证规则 art. 18 para. 2; Civil Code arts. 201, 203",
        DeadlineRule.PublicNotice => "提存公证规则 art. 18 para. 3; Civil Code arts. 201, 203",
        DeadlineRule.Lapse => "Civil Code art. 574 para. 2; arts. 201, 202, 203",
        DeadlineRule.PlanObjection => "SPC interpretation of the Civil Procedure Law (参与分配: objections within 15 days of receiving the plan); Civil Code arts. 201, 203",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "not a deadline rule"),
    };

    /// <summary>The last day on which the act <paramref name="rule"/> governs is still in time, for an event on <paramref name="eventDate"/>.</summary>
    /// <exception cref="DateOutsideCalendarException">A day the count needs is outside <paramref name="calendar"/>.</exception>
    public static DateOnly DeadlineOf(DeadlineRule rule, DateOnly eventDate, WorkingDayCalendar calendar) =>
        DeadlineOf(PeriodOf(rule), eventDate, calendar);

    /// <summary>The last day of <paramref name="period"/> counted from an event on <paramref name="eventDate"/>.</summary>
    /// <exception cref="DateOutsideCalendarException">A day the count needs is outside <paramref name="calendar"/>; for an event after the calendar's last day, its <see cref="DateOutsideCalendarException.Date"/> is the event date.</exception>
    public static DateOnly DeadlineOf(DeadlinePeriod period, DateOnly eventDate, WorkingDayCalendar calendar)
    {
        Check(period, calendar);
        if (!TryDeadlineCore(period, eventDate, calendar, out DateOnly lastDay, out DateOnly missingDate))
        {
            throw new DateOutsideCalendarException(missingDate, calendar.FirstYear, calendar.LastYear);
        }

        return lastDay;
    }

    /// <summary>As <see cref="DeadlineOf(DeadlineRule, DateOnly, WorkingDayCalendar)"/>, but false instead of the exception when a day the count needs is outside the calendar.</summary>
    public static bool TryDeadlineOf(DeadlineRule rule, DateOnly eventDate, WorkingDayCalendar calendar, out DateOnly lastDay) =>
        TryDeadlineOf(PeriodOf(rule), eventDate, calendar, out lastDay);

    /// <summary>As <see cref="DeadlineOf(DeadlinePeriod, DateOnly, WorkingDayCalendar)"/>, but false instead of the exception when a day the count needs is outside the calendar.</summary>
    public static bool TryDeadlineOf(DeadlinePeriod period, DateOnly eventDate, WorkingDayCalendar calendar, out DateOnly lastDay)
    {
        Check(period, calendar);
        return TryDeadlineCore(period, eventDate, calendar, out lastDay, out _);
    }

    private static void Check(DeadlinePeriod period, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(period.CountKind))
        {
            throw new ArgumentException("default(DeadlinePeriod) is not a period; make one with DeadlinePeriod.CalendarDays, CalendarYears or WorkingDays", nameof(period));
        }
    }

    private static bool TryDeadlineCore(DeadlinePeriod period, DateOnly eventDate, WorkingDayCalendar calendar, out DateOnly lastDay, out DateOnly missingDate)
    {
        lastDay = default;
        missingDate = default;

        // Every day a count needs comes after the event. Refusing here also keeps the date
        // arithmetic below far from DateOnly.MaxValue: the calendar ends by 2199 and periods are bounded.
        if (eventDate > calendar.LastDate)
        {
            missingDate = eventDate;
            return false;
        }

        DateOnly day;
        switch (period.CountKind)
        {
            case DeadlineCountKind.WorkingDays:
                // Art. 201: the event day is not counted; the N-th working day after it is the last day.
                day = eventDate;
                for (int counted = 0; counted < period.Length;)
                {
                    day = day.AddDays(1);
                    if (!calendar.Covers(day))
                    {
                        missingDate = day;
                        return false;
                    }

                    if (calendar.IsWorkingDayCore(day))
                    {
                        counted++;
                    }
                }

                lastDay = day;
                return true;

            case DeadlineCountKind.CalendarDays:
                // Art. 201: counting starts the day after the event, so N days end on event + N.
                day = eventDate.AddDays(period.Length);
                break;

            case DeadlineCountKind.CalendarYears:
                // Art. 202: the corresponding day of the final year, or the month's last day when it
                // has none (29 February); AddYears clamps to the month's last day in exactly that case.
                day = eventDate.AddYears(period.Length);
                break;

            default:
                throw new UnreachableException();
        }

        // Art. 203: a last day on a statutory holiday or rest day moves to the day after the
        // holiday ends, that is, to the next working day (a make-up working day counts as one).
        while (true)
        {
            if (!calendar.Covers(day))
            {
                missingDate = day;
                return false;
            }

            if (calendar.IsWorkingDayCore(day))
            {
                lastDay = day;
                return true;
            }

            day = day.AddDays(1);
        }
    }
}
