using System.Diagnostics;
using System.Globalization;

namespace EvidenceChain.Cases.Calendar;

/// <summary>
/// China's working days over a closed range of whole years: Monday to Friday unless the State
/// Council's arrangement makes the day a statutory holiday (放假日), and Saturday or Sunday only
/// when the arrangement makes it a make-up working day (调休上班日). Dates are Asia/Shanghai dates.
/// </summary>
/// <remarks>
/// Built by <see cref="Parse"/> from the calendar file of docs/deadlines.md. The calendar answers
/// only for the years it covers: the arrangement for a year is published in the November before,
/// so a day outside the covered years is refused with <see cref="DateOutsideCalendarException"/>
/// rather than guessed from the weekday. Limits: years <see cref="YearMin"/> to
/// <see cref="YearMax"/>, at most <see cref="CoveredYearCountMax"/> years, a text of at most
/// <see cref="TextLengthMaxChars"/> characters. Immutable, so one instance can be shared.
/// </remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>The earliest year a calendar may cover.</summary>
    public const int YearMin = 2000;

    /// <summary>The latest year a calendar may cover.</summary>
    public const int YearMax = 2199;

    /// <summary>The most years one calendar covers.</summary>
    public const int CoveredYearCountMax = 100;

    /// <summary>The longest calendar text taken, in characters (UTF-16 code units).</summary>
    public const int TextLengthMaxChars = 256 * 1024;

    /// <summary>The version of the file's data is at most this.</summary>
    public const int VersionMax = 1_000_000;

    private const int BitsPerWord = 64;

    // One bit per covered day, set for a working day, indexed by days since FirstDate: the whole
    // calendar is a few hundred bytes and a lookup is a shift and a mask.
    private readonly ulong[] _workingDayBits;
    private readonly int _firstDayNumber;

    private WorkingDayCalendar(int version, int firstYear, int lastYear, ulong[] workingDayBits)
    {
        Version = version;
        FirstYear = firstYear;
        LastYear = lastYear;
        FirstDate = new DateOnly(firstYear, 1, 1);
        LastDate = new DateOnly(lastYear, 12, 31);
        _firstDayNumber = FirstDate.DayNumber;
        _workingDayBits = workingDayBits;
    }

    /// <summary>The version of the calendar data, from the file's <c>version</c> line; it grows with every change to the file.</summary>
    public int Version { get; }

    /// <summary>The first year covered.</summary>
    public int FirstYear { get; }

    /// <summary>The last year covered.</summary>
    public int LastYear { get; }

    /// <summary>1 January of <see cref="FirstYear"/>, the first day covered.</summary>
    public DateOnly FirstDate { get; }

    /// <summary>31 December of <see cref="LastYear"/>, the last day covered.</summary>
    public DateOnly LastDate { get; }

    /// <summary>Whether the calendar covers <paramref name="date"/>, that is, whether it lies in a covered year.</summary>
    public bool Covers(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    /// <exception cref="DateOutsideCalendarException"><paramref name="date"/> is not in a covered year.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new DateOutsideCalendarException(date, FirstYear, LastYear);
        }

        return IsWorkingDayCore(date);
    }

    /// <summary>Whether a covered day is a working day; the caller has checked <see cref="Covers"/>.</summary>
    internal bool IsWorkingDayCore(DateOnly date)
    {
        Debug.Assert(Covers(date));
        int index = date.DayNumber - _firstDayNumber;
        return (_workingDayBits[index / BitsPerWord] & (1UL << (index % BitsPerWord))) != 0;
    }

    /// <summary>
    /// Parses the calendar file of docs/deadlines.md: lines ending in LF; blank lines and lines
    /// starting with <c>#</c> are skipped; then <c>version,N</c>, then <c>covers,Y1,Y2,…</c>
    /// (consecutive years, ascending), then rows <c>YYYY-MM-DD,holiday</c> or
    /// <c>YYYY-MM-DD,workday</c> in strictly ascending date order, each in a covered year, a
    /// <c>workday</c> only on a Saturday or Sunday, and at least one <c>holiday</c> in every covered year.
    /// </summary>
    /// <exception cref="CalendarFormatException">The first thing wrong, with its 1-based line number (0 for the text as a whole).</exception>
    public static WorkingDayCalendar Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > TextLengthMaxChars)
        {
            throw new CalendarFormatException(0, $"the text has {text.Length} characters; at most {TextLengthMaxChars} are taken");
        }

        if (text.StartsWith('\uFEFF'))
        {
            throw new CalendarFormatException(1, "the text starts with a byte order mark; write UTF-8 without one");
        }

        if (text.Length == 0 || text[^1] != '\n')
        {
            throw new CalendarFormatException(text.AsSpan().Count('\n') + 1, "the last line does not end in LF");
        }

        int version = 0;
        int firstYear = 0;
        int lastYear = 0;
        int firstDayNumber = 0;
        ulong[]? bits = null;
        Span<bool> yearHasHoliday = stackalloc bool[CoveredYearCountMax];
        DateOnly previous = DateOnly.MinValue;
        int lineNumber = 0;
        ReadOnlySpan<char> rest = text;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf('\n');
            ReadOnlySpan<char> line = rest[..end];
            rest = rest[(end + 1)..];
            lineNumber++;

            if (line.Contains('\r'))
            {
                throw new CalendarFormatException(lineNumber, "the line holds a carriage return; lines end in LF only");
            }

            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            if (version == 0)
            {
                version = ParseVersion(lineNumber, line);
            }
            else if (bits is null)
            {
                (firstYear, lastYear) = ParseCovers(lineNumber, line);
                bits = WeekdayBits(firstYear, lastYear);
                firstDayNumber = new DateOnly(firstYear, 1, 1).DayNumber;
            }
            else
            {
                DateOnly date = ParseRow(lineNumber, line, previous, firstYear, lastYear, out bool isHoliday);
                int index = date.DayNumber - firstDayNumber;
                ulong mask = 1UL << (index % BitsPerWord);
                if (isHoliday)
                {
                    bits[index / BitsPerWord] &= ~mask;
                    yearHasHoliday[date.Year - firstYear] = true;
                }
                else
                {
                    bits[index / BitsPerWord] |= mask;
                }

                previous = date;
            }
        }

        if (version == 0)
        {
            throw new CalendarFormatException(0, "the text has no version line (version,N)");
        }

        if (bits is null)
        {
            throw new CalendarFormatException(0, "the text has no covers line (covers,YEAR,…)");
        }

        for (int year = firstYear; year <= lastYear; year++)
        {
            if (!yearHasHoliday[year - firstYear])
            {
                // Every year has at least New Year's Day off: a covered year without a holiday row
                // means its arrangement was never entered, and its days would silently be weekdays.
                throw new CalendarFormatException(0, $"{year} is covered but has no holiday row; add the State Council's arrangement for {year} or remove it from the covers line");
            }
        }

        return new WorkingDayCalendar(version, firstYear, lastYear, bits);
    }

    private static int ParseVersion(int lineNumber, ReadOnlySpan<char> line)
    {
        const string Prefix = "version,";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal)
            || !TryParseDecimal(line[Prefix.Length..], VersionMax, out int version)
            || version == 0)
        {
            throw new CalendarFormatException(lineNumber, $"expected the version line \"version,N\" with N from 1 to {VersionMax} as the first line that is not a comment; found \"{Excerpt(line)}\"");
        }

        return version;
    }

    private static (int FirstYear, int LastYear) ParseCovers(int lineNumber, ReadOnlySpan<char> line)
    {
        const string Prefix = "covers,";
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CalendarFormatException(lineNumber, $"expected the covers line \"covers,YEAR,…\" after the version line; found \"{Excerpt(line)}\"");
        }

        int firstYear = 0;
        int lastYear = 0;
        foreach (Range range in line[Prefix.Length..].Split(','))
        {
            ReadOnlySpan<char> field = line[Prefix.Length..][range];
            if (!TryParseDecimal(field, YearMax, out int year) || year < YearMin)
            {
                throw new CalendarFormatException(lineNumber, $"a covered year must be from {YearMin} to {YearMax}; found \"{Excerpt(field)}\"");
            }

            if (firstYear == 0)
            {
                firstYear = year;
            }
            else if (year != lastYear + 1)
            {
                // A gap would leave a year in the middle that looks covered by range but is not.
                throw new CalendarFormatException(lineNumber, $"covered years are consecutive and ascending; {year} follows {lastYear}");
            }

            lastYear = year;
            if (lastYear - firstYear + 1 > CoveredYearCountMax)
            {
                throw new CalendarFormatException(lineNumber, $"a calendar covers at most {CoveredYearCountMax} years");
            }
        }

        return (firstYear, lastYear);
    }

    private static DateOnly ParseRow(int lineNumber, ReadOnlySpan<char> line, DateOnly previous, int firstYear, int lastYear, out bool isHoliday)
    {
        int comma = line.IndexOf(',');
        if (comma < 0 || line[(comma + 1)..].Contains(','))
        {
            throw new CalendarFormatException(lineNumber, $"expected a row \"YYYY-MM-DD,holiday\" or \"YYYY-MM-DD,workday\"; found \"{Excerpt(line)}\"");
        }

        ReadOnlySpan<char> dateText = line[..comma];
        ReadOnlySpan<char> kind = line[(comma + 1)..];
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            throw new CalendarFormatException(lineNumber, $"\"{Excerpt(dateText)}\" is not a real date written YYYY-MM-DD");
        }

        if (date.Year < firstYear || date.Year > lastYear)
        {
            throw new CalendarFormatException(lineNumber, $"{date:yyyy-MM-dd} is not in a covered year ({firstYear}–{lastYear})");
        }

        if (date <= previous)
        {
            // Ascending order makes a repeated or contradictory date impossible to miss.
            throw new CalendarFormatException(lineNumber, $"{date:yyyy-MM-dd} does not come after the previous row's {previous:yyyy-MM-dd}; rows are in strictly ascending date order");
        }

        if (kind.SequenceEqual("holiday"))
        {
            isHoliday = true;
        }
        else if (kind.SequenceEqual("workday"))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new CalendarFormatException(lineNumber, $"{date:yyyy-MM-dd} is a {date.DayOfWeek}; a make-up working day (workday) is always a Saturday or Sunday");
            }

            isHoliday = false;
        }
        else
        {
            throw new CalendarFormatException(lineNumber, $"the kind must be \"holiday\" or \"workday\"; found \"{Excerpt(kind)}\"");
        }

        return date;
    }

    private static ulong[] WeekdayBits(int firstYear, int lastYear)
    {
        var first = new DateOnly(firstYear, 1, 1);
        int dayCount = new DateOnly(lastYear, 12, 31).DayNumber - first.DayNumber + 1;
        ulong[] bits = new ulong[(dayCount + BitsPerWord - 1) / BitsPerWord];
        for (int index = 0; index < dayCount; index++)
        {
            if (first.AddDays(index).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                bits[index / BitsPerWord] |= 1UL << (index % BitsPerWord);
            }
        }

        return bits;
    }

    // Digits only: no sign, no leading zero, no spaces, at most max.
    private static bool TryParseDecimal(ReadOnlySpan<char> text, int max, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9 || (text.Length > 1 && text[0] == '0') || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value <= max;
    }

    private static string Excerpt(ReadOnlySpan<char> text)
    {
        const int LengthMax = 40;
        return text.Length <= LengthMax ? text.ToString() : string.Concat(text[..LengthMax], "…");
    }
}
