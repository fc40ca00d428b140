using System.Text.Json;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// Reads the verdict of one stored upload for its page (<see cref="StoredVerdictPage"/>): an upload of the quarter's
/// history by its content id, or a sheet the portal refused by its stem. The page shows THAT file's report: a report
/// stored under the same name by a later file (the portal's names never repeat, a script's may) is recognised by the
/// content it names, or by counts that are not the entry's, and is not shown as this file's.
/// </summary>
public sealed class StoredVerdicts(SubmissionStore submissions, UnitFiles files)
{
    /// <returns>Null when the quarter's history holds no such upload.</returns>
    public async Task<StoredVerdictModel?> ForSubmissionAsync(ReportingUnit unit, ReportingPeriod period, string id, CancellationToken ct)
    {
        if (!UnitFiles.IsContentId(id)) return null;
        var entry = await submissions.GetAsync(TableKeys.Partition(period, unit.Code), id, ct);
        if (entry is null) return null;

        var stem = UnitFiles.StemOf(entry.FileName);
        var named = UploadNames.IsStem(stem);
        var stored = named ? await files.ReadReportAsync(unit.Code, period, stem, refused: false, ct) : null;
        var own = stored is not null && (stored.ContentId is null || stored.ContentId == id)
            && stored.Report.Errors.Count == entry.ErrorCount && stored.Report.Warnings.Count == entry.WarningCount;
        var recorded = own ? null : Recorded(entry);
        var source = own ? StoredVerdictSource.Report : recorded is not null ? StoredVerdictSource.Recorded : StoredVerdictSource.None;
        var annotated = own && entry.ErrorCount + entry.WarningCount > 0 && await files.HasAnnotatedAsync(unit.Code, period, stem, ct);
        return new StoredVerdictModel(unit, period, entry.SentName, entry.FileName, entry.LatestArrival, entry.StatusValue,
            entry.ErrorCount, entry.WarningCount, own ? stored!.Report : recorded, source)
        {
            OriginalUrl = string.IsNullOrEmpty(entry.ArchiveBlob) ? null : Routes.Original(unit.Code, period, id),
            AnnotatedUrl = annotated ? Routes.Annotated(unit.Code, period, stem, refused: false) : null,
            JsonUrl = own ? Routes.Report(unit.Code, period, stem, refused: false) : null,
        };
    }

    /// <returns>Null when no refused sheet of the quarter has that stem.</returns>
    public async Task<StoredVerdictModel?> ForCheckAsync(ReportingUnit unit, ReportingPeriod period, string stem, CancellationToken ct)
    {
        var stored = await files.ReadReportAsync(unit.Code, period, stem, refused: true, ct);
        if (stored is null) return null;
        var report = stored.Report;
        var annotated = report.Errors.Count + report.Warnings.Count > 0 && await files.HasAnnotatedAsync(unit.Code, period, stem, ct, refused: true);
        return new StoredVerdictModel(unit, period, stored.SentName, $"{stem}.xlsx", UploadNames.StampOf(stem), null,
            report.Errors.Count, report.Warnings.Count, report, StoredVerdictSource.Report)
        {
            AnnotatedUrl = annotated ? Routes.Annotated(unit.Code, period, stem, refused: true) : null,
            JsonUrl = Routes.Report(unit.Code, period, stem, refused: true),
        };
    }

    /// <summary>What the history entry kept of its findings (its errors when rejected, else its warnings); null when none.</summary>
    private static ValidationReport? Recorded(SubmissionEntity entry)
    {
        if (string.IsNullOrEmpty(entry.IssuesJson)) return null;
        List<ValidationIssue>? issues;
        try
        {
            issues = JsonSerializer.Deserialize<List<ValidationIssue>>(entry.IssuesJson, ValidationReport.JsonOptions);
        }
        catch (JsonException)
        {
            return null;
        }
        if (issues is not { Count: > 0 }) return null;
        var rejected = entry.StatusValue == SubmissionStatus.Rejected;
        return new ValidationReport
        {
            Unit = entry.Unit,
            Period = entry.Period,
            File = entry.FileName,
            Language = entry.Language,
            Errors = rejected ? issues.Where(i => i.Severity == IssueSeverity.Error).ToList() : [],
            Warnings = rejected ? [] : issues.Where(i => i.Severity == IssueSeverity.Warning).ToList(),
        };
    }
}
