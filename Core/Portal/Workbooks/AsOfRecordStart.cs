using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// When a quarter's record as of an instant begins: its first accepted arrival, read with the rule the as-of workbook
/// follows (<see cref="SubmissionHistoryAsOf"/> through <see cref="ArrivalLog.PeriodAsOfAsync"/>), so the as-of form
/// refuses exactly the instants for which there is no workbook (<see cref="AsOfWorkbooks.OpenAsync"/> answers null).
/// </summary>
public sealed class AsOfRecordStart(ArrivalLog arrivals)
{
    /// <summary>The first instant some unit's sheet for <paramref name="period"/> counted as accepted; null when none has.</summary>
    public async Task<DateTimeOffset?> FirstAcceptedAsync(ReportingPeriod period, CancellationToken ct)
    {
        var record = await arrivals.PeriodAsOfAsync(period, DateTimeOffset.MaxValue, ct);
        var accepted = record.History
            .Where(e => e.StatusValue is SubmissionStatus.Current or SubmissionStatus.Superseded)
            .Select(e => e.UploadedAt)
            .ToList();
        return accepted.Count == 0 ? null : accepted.Min();
    }
}
