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
    ReportingUnits units)
{
    /// <param name="previous">
    /// Looks up the unit's previous accepted quarter (storage); null offline, where that warning is skipped.
    /// </param>
    public async Task<UploadCheck> CheckAsync(Stream content, UploadExpectation expectation,
        Func<ReportingUnit, ReportingPeriod, CancellationToken, Task<PreviousProgress?>>? previous, CancellationToken ct) =>
        await CheckAsync(Inspect(content, expectation), expectation, previous, ct);

    /// <summary>
    /// The guard alone: buffers the upload (up to the size cap) and checks the package, parsing nothing. Split out so
    /// the trigger can start keeping the original while the sheet is read.
    /// </summary>
    public PackageInspection Inspect(Stream content, UploadExpectation expectation) =>
        inspector.Inspect(content, LanguageOf(expectation));

    /// <summary>The sheet's checks on a package <see cref="Inspect"/> has already guarded.</summary>
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
            return new UploadCheck(package, new SheetValidation(rejected, units.Find(expectation.UnitCode), expectation.Period, [], null, null));
        }

        SubmittedSheet sheet;
        using (var stream = package.OpenRead()) sheet = reader.Read(stream, validator.TemplateRows(expectation.UnitCode));

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
        return new UploadCheck(package, validation);
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
