using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The portal's as-of form as a service: the coalition's clock (<see cref="ReportingCalendar.Coalition"/>, the ST's
/// zone in the unit list), now, and the quarter's first accepted report, brought to <see cref="AsOfDateInput"/>. The
/// page only passes what was typed and shows what comes back.
/// </summary>
public sealed class AsOfDateForm(ReportingCalendar calendar, AsOfRecordStart start)
{
    /// <summary>The clock the form is typed on.</summary>
    public ReportingZone Zone => calendar.Coalition;

    public DateTimeOffset Now => calendar.Now;

    /// <summary>Where <paramref name="period"/>'s record begins (its first accepted report); null when nothing is accepted yet.</summary>
    public Task<DateTimeOffset?> FirstAcceptedAsync(ReportingPeriod period, CancellationToken ct) => start.FirstAcceptedAsync(period, ct);

    /// <summary>
    /// The instant typed, or what to correct: <paramref name="firstAccepted"/> is what <see cref="FirstAcceptedAsync"/>
    /// answered for the quarter (the page shows it too, so it is read once).
    /// </summary>
    public AsOfDateReading Read(AsOfDateEntry entry, DateTimeOffset? firstAccepted)
    {
        var zone = Zone;
        var reading = AsOfDateInput.Read(entry, zone, calendar.Now);
        if (reading.Instant is not { } instant) return reading;
        return AsOfDateInput.BeforeStart(instant, firstAccepted, zone) is { } before ? AsOfDateReading.Wrong(before) : reading;
    }
}
