using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// A follow-up mail's record as the pages word it (its kind, its state, how many it went to — never the addresses: a
/// page may be seen by others than the recipients), shared by the focal point's quarter page and the ST's board.
/// </summary>
public static class ReminderWords
{
    /// <summary>"Recordatorio, 3 días antes del plazo" / "Aviso de retraso" / "Lista semanal de la ST".</summary>
    public static LocalizedText Kind(ReminderEntity r) => r.Kind switch
    {
        "before" => RemindersTexts.Before(Days(r.DaysBefore)),
        "late" => RemindersTexts.LateNotice,
        _ => RemindersTexts.WeeklyList,
    };

    public static LocalizedText Kind(ReminderWindow w) => w.Kind == ReminderKind.Late ? RemindersTexts.LateNotice : RemindersTexts.Before(Days(w.DaysBefore));

    private static string Days(int? days) => days?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static LocalizedText Window(ReminderWindow w) => RemindersTexts.Window(
        LocalizedText.Of(l => PortalFormat.Date(w.Opens, w.Zone, l)), LocalizedText.Of(l => PortalFormat.Date(w.Closes.AddTicks(-1), w.Zone, l)));

    public static LocalizedText SentToUnit(ReminderEntity r, ReportingZone zone) =>
        RemindersTexts.SentOn(Kind(r), LocalizedText.Of(l => PortalFormat.DateTime(r.SentAt, zone, l)), Recipients(r));

    public static LocalizedText State(ReminderEntity r, ReportingZone zone)
    {
        var claimed = LocalizedText.Of(l => PortalFormat.DateTime(r.ClaimedAt, zone, l));
        return r.StateValue switch
        {
            ReminderSendState.Sent => RemindersTexts.SentTo(LocalizedText.Of(l => PortalFormat.DateTime(r.SentAt, zone, l)), Recipients(r)),
            ReminderSendState.Failed => RemindersTexts.Failed(claimed),
            ReminderSendState.Cancelled => RemindersTexts.Cancelled(claimed),
            _ => RemindersTexts.BeingSent(claimed),
        };
    }

    /// <summary>"1 contacto registrado" / "2 registered contacts": how many, never who.</summary>
    public static LocalizedText Recipients(ReminderEntity r) =>
        RemindersTexts.Contacts(r.Recipients.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length);

    /// <summary>The units the list named as missing for <paramref name="period"/> (<c>2021-Q3:BZ,HN;2021-Q4:GT</c>).</summary>
    public static string MissingIn(ReminderEntity list, string period) =>
        (list.Missing ?? "").Split(';').Select(p => p.Split(':', 2)).Where(p => p.Length == 2 && p[0] == period)
            .Select(p => p[1].Replace(",", ", ", StringComparison.Ordinal)).FirstOrDefault() is { Length: > 0 } units ? units : "—";
}
