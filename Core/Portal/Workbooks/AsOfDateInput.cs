using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// Reads the portal's as-of form — day, month, year, and an optional hour and minute, on the coalition's clock — into
/// the UTC instant the as-of download takes (<c>…/workbook?asOf=</c>), or into problems that say what to do, in both
/// languages: a part missing, a part that is not a number in its range, a day the month does not have (31 February), a
/// local time a daylight-saving change skips, an instant still to come, an instant before the quarter's first accepted
/// report. Offsets come from the zone's rules at that day (<see cref="ReportingZone"/>), never assumed fixed; a local
/// time that happens twice (the hour repeated when the clocks go back) is read as its first occurrence, as
/// <see cref="ReportingZone.StartOf"/> reads midnight. Pure: the caller brings the clock and the record's start.
/// </summary>
/// <remarks>
/// Without an hour the date means the end of that day (everything received that day counts), or now when that day is
/// today and has not ended. An hour without minutes is on the hour; minutes without an hour are refused.
/// </remarks>
public static class AsOfDateInput
{
    private static readonly AsOfPart[] DateParts = [AsOfPart.Day, AsOfPart.Month, AsOfPart.Year];
    private static readonly AsOfPart[] TimeParts = [AsOfPart.Hour, AsOfPart.Minute];

    /// <summary>The instant <paramref name="entry"/> names on <paramref name="zone"/>'s clock, if it has passed by <paramref name="now"/>.</summary>
    public static AsOfDateReading Read(AsOfDateEntry entry, ReportingZone zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(zone);
        var problems = new List<AsOfProblem>();
        var day = ReadDay(entry, problems);
        var time = ReadTime(entry, problems);
        if (problems.Count > 0 || day is not { } date) return AsOfDateReading.Wrong([.. problems]);

        if (time is not { } clock)
        {
            var end = zone.EndOf(date);
            if (end <= now) return AsOfDateReading.Of(end);
            if (zone.DayOf(now) == date) return AsOfDateReading.Of(now);
            return AsOfDateReading.Wrong(new AsOfProblem(DateParts, AsOfDateTexts.DayToCome(date, zone, now)));
        }

        var local = date.ToDateTime(clock, DateTimeKind.Unspecified);
        if (zone.Info.IsInvalidTime(local))
            return AsOfDateReading.Wrong(new AsOfProblem(TimeParts, Skipped(local, date, zone)));
        var instant = zone.InstantOf(local);
        return instant <= now
            ? AsOfDateReading.Of(instant)
            : AsOfDateReading.Wrong(new AsOfProblem([.. DateParts, .. TimeParts], AsOfDateTexts.InstantToCome(instant, zone, now)));
    }

    /// <summary>
    /// Whether the record has begun by <paramref name="instant"/>: <paramref name="start"/> is the quarter's first
    /// accepted arrival (null: none yet). Null when it has; otherwise the problem, naming the first minute that works.
    /// </summary>
    public static AsOfProblem? BeforeStart(DateTimeOffset instant, DateTimeOffset? start, ReportingZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start is not { } first) return new AsOfProblem(DateParts, AsOfDateTexts.NothingAccepted);
        if (instant >= first) return null;
        return new AsOfProblem(DateParts, AsOfDateTexts.BeforeStart(FirstWholeMinute(first), zone));
    }

    /// <summary>The first whole minute at or after <paramref name="at"/>: the earliest time a person can type that includes it.</summary>
    public static DateTimeOffset FirstWholeMinute(DateTimeOffset at)
    {
        var floor = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return floor == at ? floor : floor.AddMinutes(1);
    }

    private static DateOnly? ReadDay(AsOfDateEntry entry, List<AsOfProblem> problems)
    {
        var missing = DateParts.Where(p => entry[p].Trim().Length == 0).ToList();
        if (missing.Count == DateParts.Length)
        {
            problems.Add(new AsOfProblem(DateParts, AsOfDateTexts.DateMissing));
            return null;
        }
        if (missing.Count > 0)
        {
            problems.Add(new AsOfProblem(missing, AsOfDateTexts.DateMustInclude(missing)));
            return null;
        }

        var day = Number(entry.Day, 2, 1, 31);
        var month = Number(entry.Month, 2, 1, 12);
        var year = Number(entry.Year, 4, 1000, 9999);
        var wrong = new List<AsOfPart>();
        if (day is null) wrong.Add(AsOfPart.Day);
        if (month is null) wrong.Add(AsOfPart.Month);
        if (year is null) wrong.Add(AsOfPart.Year);
        if (wrong.Count > 0)
        {
            problems.Add(new AsOfProblem(wrong, wrong[0] switch
            {
                AsOfPart.Day => AsOfDateTexts.DayWrong,
                AsOfPart.Month => AsOfDateTexts.MonthWrong,
                _ => AsOfDateTexts.YearWrong,
            }));
            return null;
        }

        var days = DateTime.DaysInMonth(year!.Value, month!.Value);
        if (day > days)
        {
            problems.Add(new AsOfProblem([AsOfPart.Day], AsOfDateTexts.NotARealDate(day!.Value, month.Value, year.Value, days)));
            return null;
        }
        return new DateOnly(year.Value, month.Value, day!.Value);
    }

    private static TimeOnly? ReadTime(AsOfDateEntry entry, List<AsOfProblem> problems)
    {
        var hourText = entry.Hour.Trim();
        var minuteText = entry.Minute.Trim();
        if (hourText.Length == 0 && minuteText.Length == 0) return null;
        if (hourText.Length == 0)
        {
            problems.Add(new AsOfProblem([AsOfPart.Hour], AsOfDateTexts.HourMissing));
            return null;
        }

        var hour = Number(hourText, 2, 0, 23);
        var minute = minuteText.Length == 0 ? 0 : Number(minuteText, 2, 0, 59);
        if (hour is null)
        {
            problems.Add(new AsOfProblem(minute is null ? TimeParts : [AsOfPart.Hour], AsOfDateTexts.HourWrong));
            return null;
        }
        if (minute is null)
        {
            problems.Add(new AsOfProblem([AsOfPart.Minute], AsOfDateTexts.MinuteWrong));
            return null;
        }
        return new TimeOnly(hour.Value, minute.Value);
    }

    /// <summary>Digits only (spaces around allowed), at most <paramref name="digits"/> of them, within the range.</summary>
    private static int? Number(string text, int digits, int min, int max)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 || trimmed.Length > digits) return null;
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return null;
        return value >= min && value <= max ? value : null;
    }

    /// <summary>The clocks went forward over <paramref name="local"/>: the message names the jump (last minute before, first after).</summary>
    private static LocalizedText Skipped(DateTime local, DateOnly day, ReportingZone zone)
    {
        // Gaps are whole minutes and at most a few hours long (as ReportingZone.StartOf assumes).
        var from = local;
        while (zone.Info.IsInvalidTime(from.AddMinutes(-1))) from = from.AddMinutes(-1);
        var to = local;
        while (zone.Info.IsInvalidTime(to)) to = to.AddMinutes(1);
        return AsOfDateTexts.Skipped(TimeOnly.FromDateTime(local), day, TimeOnly.FromDateTime(from), TimeOnly.FromDateTime(to), zone.Place);
    }
}
