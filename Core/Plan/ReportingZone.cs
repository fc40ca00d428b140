using System.Globalization;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// A unit's clock: an IANA time zone (<c>America/Guatemala</c>) from the unit list, and the place it is named after
/// ("hora de Guatemala" / "Guatemala time"). Days people plan by — the last day to send, the last day of a reopening,
/// "3 days left, counting today" — begin and end at midnight here, not in UTC. Offsets are read from the zone's rules
/// at each instant (<see cref="TimeZoneInfo"/>, tzdata through ICU), never assumed fixed, so a zone with daylight
/// saving is handled where it changes.
/// </summary>
public sealed class ReportingZone
{
    private ReportingZone(string id, TimeZoneInfo info, LocalizedText place)
    {
        Id = id;
        Info = info;
        Place = place;
    }

    /// <summary>Coordinated Universal Time: for instants the system judges by, and tests that need no zone.</summary>
    public static ReportingZone Utc { get; } = new("Etc/UTC", TimeZoneInfo.Utc, new LocalizedText("UTC", "UTC"));

    /// <summary>The IANA id, as written in the unit list.</summary>
    public string Id { get; }

    public TimeZoneInfo Info { get; }

    /// <summary>What the zone is named after in texts: the country whose clock it is ("Guatemala", "República Dominicana").</summary>
    public LocalizedText Place { get; }

    /// <summary>
    /// The zone of IANA id <paramref name="id"/> (Windows ids are refused: the unit list names IANA zones), named after
    /// <paramref name="place"/>; false when the id is not an IANA zone this machine knows.
    /// </summary>
    public static bool TryFind(string? id, LocalizedText place, out ReportingZone zone)
    {
        zone = Utc;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _)) return false;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var info)) return false;
        zone = new ReportingZone(id, info, place);
        return true;
    }

    /// <summary>The same clock named after another place (the ST's zone, named after the country whose clock it is).</summary>
    public ReportingZone NamedAfter(LocalizedText place) => new(Id, Info, place);

    /// <summary>The place an IANA id is named after, when no unit names it: its city, <c>America/Santo_Domingo</c> → "Santo Domingo".</summary>
    public static LocalizedText PlaceOf(string id)
    {
        var city = id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return new LocalizedText(city, city);
    }

    /// <summary>The local day <paramref name="instant"/> falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary><paramref name="instant"/> on this zone's clock.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Info);

    /// <summary>
    /// The first instant of <paramref name="day"/> here: local midnight, or — where a daylight-saving change skips
    /// midnight — the first local time that exists that day; where midnight happens twice, the first of them.
    /// </summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Gaps are whole minutes and at most a few hours long.
        while (Info.IsInvalidTime(local)) local = local.AddMinutes(1);
        return InstantOf(local);
    }

    /// <summary>
    /// The instant a local clock time that exists here names (not one a daylight-saving change skips); where the clock
    /// shows it twice, the first of them (the larger offset).
    /// </summary>
    public DateTimeOffset InstantOf(DateTime local)
    {
        var offset = Info.IsAmbiguousTime(local) ? Info.GetAmbiguousTimeOffsets(local).Max() : Info.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The instant <paramref name="day"/> ends here: the start of the next day (exclusive).</summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));

    /// <summary>The offset from UTC at <paramref name="instant"/>, as people write it: "UTC−6", "UTC−4", "UTC+5:30", "UTC".</summary>
    public string Offset(DateTimeOffset instant)
    {
        var offset = Info.GetUtcOffset(instant);
        if (offset == TimeSpan.Zero) return "UTC";
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }

    /// <summary>"hora de Guatemala, UTC−6" / "Guatemala time, UTC−6": the zone as a text names it, with its offset at <paramref name="instant"/>.</summary>
    public string Name(DateTimeOffset instant, Language language)
    {
        if (ReferenceEquals(this, Utc) || Info == TimeZoneInfo.Utc) return "UTC";
        return language == Language.En
            ? $"{Place.En} time, {Offset(instant)}"
            : $"hora de {Place.Es}, {Offset(instant)}";
    }

    public override string ToString() => Id;
}
