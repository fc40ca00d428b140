using Microsoft.Extensions.Options;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// What a unit's quarter page shows, read in parallel, for the page itself and for the upload's answer without script:
/// the quarter (status, history, lock state), the sheets the portal refused, the reminders the unit was sent, and whom
/// to ask for a reopening.
/// </summary>
public sealed class UnitPeriodModels(
    UnitQuarters quarters, UnitFiles files, ReminderHistory reminders, RegisteredContacts contacts, IOptions<IngestionOptions> ingestion,
    ReportingCalendar calendar)
{
    public async Task<UnitPeriodModel> LoadAsync(ReportingUnit unit, ReportingPeriod period, UploadVerdict? verdict, string? followed, CancellationToken ct)
    {
        var quarter = quarters.GetAsync(unit, period, ct);
        var refused = files.ListRefusedAsync(unit.Code, period, ct);
        var sent = reminders.SentToUnitAsync(unit.Code, period, ct);
        return new UnitPeriodModel(calendar.Now, await quarter, await refused, ingestion.Value.MaxUploadBytes, verdict, followed)
        {
            Reminders = await sent,
            Secretariat = contacts.For(unit.Code).Secretariat,
        };
    }
}
