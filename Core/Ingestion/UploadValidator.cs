using ServerlessPlan.Core.Ingestion.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// The whole check of one upload, shared by the trigger, <c>POST /api/validate</c> and <c>serverlessplan validate</c>:
/// the package guard first (nothing is parsed unless the file is a safe workbook), then the reader, then the rules.
/// </summary>
public sealed class UploadValidator(
    PackageInspector inspector,
    SubmissionSheetReader reader,
    SheetValidator validator,
    ReportingUnits units,
    ReportingCalendar calendar)
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
            return NotBeforeItOpens(new UploadCheck(package,
                new SheetValidation(rejected, units.Find(expectation.UnitCode), expectation.Period, [], null, null)), expectation.Period);
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
        return NotBeforeItOpens(new UploadCheck(package, validation), validation.Period ?? period);
    }

    /// <summary>
    /// A sheet for a quarter that has not opened yet (by the calendar's clock) is rejected, whatever it holds: its
    /// figures cannot be real yet, and accepting it would put a future quarter in the reports.
    /// </summary>
    private UploadCheck NotBeforeItOpens(UploadCheck check, ReportingPeriod? period)
    {
        if (period is not { } p || calendar.HasStarted(p)) return check;
        var report = check.Report;
        LanguageCodes.TryParse(report.Language, out var language);
        var opens = ReportingCalendar.Opens(p).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rejected = report with { Errors = [IngestionIssues.QuarterNotStarted.Create(language, p, opens), .. report.Errors] };
        return check with { Validation = check.Validation with { Report = rejected, Activities = [] } };
    }

    private Language LanguageOf(UploadExpectation expectation) =>
        expectation.Language ?? units.Find(expectation.UnitCode)?.Language ?? Language.Es;
}

/// <summary>The package inspection (content, hash) and the sheet's validation.</summary>
public sealed record UploadCheck(PackageInspection Package, SheetValidation Validation)
{
    public ValidationReport Report => Validation.Report;

    /// <summary>The same check with one more warning in its report.</summary>
    public UploadCheck WithWarning(ValidationIssue warning) =>
        this with { Validation = Validation with { Report = Report with { Warnings = [.. Report.Warnings, warning] } } };
}
