using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// The whole check of one upload, shared by the trigger, <c>POST /api/validate</c> and <c>serverlessplan validate</c>:
/// the package guard first (nothing is parsed unless the file is a safe workbook), then the reader, then the rules,
/// then the calendar: a quarter that has not opened, or that has locked for the unit at the upload's arrival
/// (<see cref="PeriodLockService"/>), refuses the sheet whatever it holds.
/// </summary>
public sealed class UploadValidator(
    PackageInspector inspector,
    SubmissionSheetReader reader,
    SheetValidator validator,
    ReportingUnits units,
    ReportingCalendar calendar,
    PeriodLockService locks,
    RegisteredContacts contacts)
{
    /// <param name="previous">
    /// Looks up the unit's previous accepted quarter (storage); null offline, where that warning is skipped.
    /// </param>
    public async Task<UploadCheck> CheckAsync(Stream content, UploadExpectation expectation,
        Func<ReportingUnit, ReportingPeriod, CancellationToken, Task<PreviousProgress?>>? previous, CancellationToken ct) =>
        await CheckAsync(await InspectAsync(content, expectation, null, ct), expectation, previous, ct);

    /// <summary>The whole check of an upload already buffered by <see cref="ReadAsync"/>.</summary>
    public async Task<UploadCheck> CheckAsync(UploadBuffer upload, UploadExpectation expectation,
        Func<ReportingUnit, ReportingPeriod, CancellationToken, Task<PreviousProgress?>>? previous, CancellationToken ct) =>
        await CheckAsync(inspector.Inspect(upload, LanguageOf(expectation)), expectation, previous, ct);

    /// <summary>
    /// The guard alone: buffers the upload asynchronously (up to the size cap; nothing when
    /// <paramref name="declaredLength"/> is already above it) and checks the package, parsing nothing. Split out so
    /// the trigger can start keeping the original while the sheet is read.
    /// </summary>
    public async Task<PackageInspection> InspectAsync(Stream content, UploadExpectation expectation, long? declaredLength, CancellationToken ct) =>
        await inspector.InspectAsync(content, LanguageOf(expectation), ct, declaredLength);

    /// <summary>The guard's bounded buffering alone, for a caller that answers "too large" its own way.</summary>
    public Task<UploadBuffer> ReadAsync(Stream content, long? declaredLength, CancellationToken ct) =>
        inspector.ReadAsync(content, declaredLength, ct);

    /// <summary>The sheet's checks on a package <see cref="InspectAsync"/> has already guarded.</summary>
    public async Task<UploadCheck> CheckAsync(PackageInspection package, UploadExpectation expectation,
        Func<ReportingUnit, ReportingPeriod, CancellationToken, Task<PreviousProgress?>>? previous, CancellationToken ct)
    {
        var language = LanguageOf(expectation);
        if (!package.Ok)
        {
            var rejected = ValidationReport.From(package.Issues, language.ToCode()) with
            {
                Unit = expectation.UnitCode,
                Period = expectation.Period?.ToString(),
                File = expectation.FileName,
            };
            var refused = new UploadCheck(package, new SheetValidation(rejected, units.Find(expectation.UnitCode), expectation.Period, [], null, null));
            return await NotLockedAsync(NotBeforeItOpens(refused, expectation.Period), expectation, expectation.Period, ct);
        }

        SubmittedSheet sheet;
        using (var stream = package.OpenRead()) sheet = reader.Read(stream, validator.TemplateRows(expectation.UnitCode, expectation.Period));

        PreviousProgress? before = null;
        var unit = units.Find(expectation.UnitCode ?? sheet.Metadata.Parsed?.UnitCode);
        var period = expectation.Period ?? sheet.Metadata.Parsed?.Period;
        if (previous is not null && unit is not null && period is { Quarter: > 1 } p)
            before = await previous(unit, p.Previous, ct);

        var validation = validator.Validate(sheet, expectation, before);
        // Package warnings (if any) travel with the sheet's findings.
        if (package.Issues.Count > 0)
        {
            var merged = ValidationReport.From(package.Issues.Concat(validation.Report.Errors).Concat(validation.Report.Warnings),
                validation.Report.Language) with { Unit = validation.Report.Unit, Period = validation.Report.Period, File = validation.Report.File };
            validation = validation with { Report = merged };
        }
        var checkedPeriod = validation.Period ?? period;
        return await NotLockedAsync(NotBeforeItOpens(new UploadCheck(package, validation), checkedPeriod), expectation, checkedPeriod, ct);
    }

    /// <summary>
    /// A sheet for a quarter that has not opened yet (by the calendar's clock) is rejected, whatever it holds: its
    /// figures cannot be real yet, and accepting it would put a future quarter in the reports.
    /// </summary>
    private UploadCheck NotBeforeItOpens(UploadCheck check, ReportingPeriod? period)
    {
        if (period is not { } p || calendar.HasStarted(p)) return check;
        var language = LanguageChoice.Of(check.Report.Language);
        var opens = DeadlineText.Date(ReportingCalendar.Opens(p), ReportingZone.Utc, language);
        return Refused(check, IngestionIssues.QuarterNotStarted.Create(language, new OwnText(p.Label(language)), new OwnText(opens)));
    }

    /// <summary>
    /// A sheet for a quarter locked for its unit when it arrived (<see cref="UploadExpectation.ArrivedAt"/>; a dry run:
    /// now) is rejected with <c>PERIOD_LOCKED</c>, saying since when and whom to ask: nothing of it may change the figures
    /// the Presidency received. Storage is read only past the quarter's automatic lock, for the unit's reopenings.
    /// </summary>
    private async Task<UploadCheck> NotLockedAsync(UploadCheck check, UploadExpectation expectation, ReportingPeriod? period, CancellationToken ct)
    {
        var unit = units.Find(expectation.UnitCode ?? check.Validation.Unit?.Code);
        if (period is not { } p || unit is null) return check;
        var at = expectation.ArrivedAt ?? calendar.Now;
        var verdict = expectation.LockByCalendarOnly ? locks.Calendar(unit.Code, p).At(at) : await locks.AtAsync(unit.Code, p, at, ct);
        if (verdict.AcceptsUploads) return check;

        var language = LanguageChoice.Of(check.Report.Language);
        var ask = LockTexts.AskTheSecretariat(contacts.For(unit.Code).Secretariat, language);
        return Refused(check, IngestionIssues.PeriodLocked.Create(language, new OwnText(p.Label(language)), unit.Code,
            new OwnText(DeadlineText.DateTime(verdict.LockedSince!.Value, unit.Zone, language)), new OwnText(ask)));
    }

    /// <summary>The check with <paramref name="error"/> first among its errors and nothing left to merge.</summary>
    private static UploadCheck Refused(UploadCheck check, ValidationIssue error)
    {
        var report = check.Report with { Errors = [error, .. check.Report.Errors] };
        return check with { Validation = check.Validation with { Report = report, Activities = [] } };
    }

    private Language LanguageOf(UploadExpectation expectation) =>
        LanguageChoice.For(expectation.Language, units.Find(expectation.UnitCode)?.Language);
}

/// <summary>The package inspection (content, hash) and the sheet's validation.</summary>
public sealed record UploadCheck(PackageInspection Package, SheetValidation Validation)
{
    public ValidationReport Report => Validation.Report;

    /// <summary>The same check with one more warning in its report.</summary>
    public UploadCheck WithWarning(ValidationIssue warning) =>
        this with { Validation = Validation with { Report = Report with { Warnings = [.. Report.Warnings, warning] } } };
}
