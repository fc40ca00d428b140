using System.Net.Mail;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>
/// Judges a read sheet: is it our template for this unit and period — the template of the plan in force for that
/// period, for a unit that is a member then — is the activity list untouched, is every typed value acceptable. Errors
/// reject the sheet; warnings are reported with an accepted one. Pure: no I/O.
/// </summary>
public sealed class SheetValidator(PlanRegistry plans, ReportingUnits units)
{
    public SheetValidation Validate(SubmittedSheet sheet, UploadExpectation expectation, PreviousProgress? previous = null)
    {
        var meta = sheet.Metadata.Parsed;
        var unitCode = expectation.UnitCode ?? meta?.UnitCode ?? SubmittedSheet.TextOf(sheet.Unit);
        var unit = units.Find(unitCode);
        ReportingPeriod? period = expectation.Period ?? meta?.Period
            ?? (ReportingPeriod.TryParse(SubmittedSheet.TextOf(sheet.Period), out var p) ? p : null);
        // An unknown unit's sheet is read in the language its template was written in.
        var language = LanguageChoice.For(expectation.Language, unit?.Language ?? meta?.Language);
        // One plan for the whole judgement: the one covering the period, read once even if the registry is refreshed meanwhile.
        var catalog = period is { } covered ? plans.Find(covered) : null;
        var issues = new List<ValidationIssue>();

        CheckIdentity(sheet, expectation, unitCode, unit, period, catalog, language, issues);
        var identityFailed = issues.Count > 0;
        // Reading stopped below the table: said once, and the rows read up to there are still checked.
        if (sheet.Stopped is { Kind: SheetReadStopKind.TooManyRows } stop)
        {
            issues.Add(SheetIssues.TooManyRows.At(language, sheet.ReportSheetName, stop.Cell, null,
                stop.Row, TemplateLayout.FirstDataRow, TemplateLayout.FirstDataRow + TemplateRows(unit?.Code, period) - 1));
        }
        // An edited header rejects the sheet but says nothing against the rows: they are still checked.
        if (sheet.OpenError is null && meta is not null) HeaderCheck.Check(sheet, meta, units, language, issues);
        if (identityFailed || unit is null || period is null || catalog is null)
            return Result(issues, unit, period, language, expectation, [], sheet);

        var rows = new RowChecker(catalog, unit, period.Value, language, sheet.ReportSheetName!, previous, issues);
        var activities = rows.Check(sheet.Rows);
        if (activities.All(a => a.Ejecutado is null && a.Status is null && a.Quantity is null) && !issues.Any(i => i.Severity == IssueSeverity.Error))
            issues.Add(SheetIssues.EmptySubmission.At(language, sheet.ReportSheetName, null, null));

        CheckFocalPoint(sheet, language, issues);
        return Result(issues, unit, period, language, expectation, activities, sheet);
    }

    private void CheckIdentity(SubmittedSheet sheet, UploadExpectation expectation, string? unitCode, ReportingUnit? unit,
        ReportingPeriod? period, PlanCatalog? catalog, Language language, List<ValidationIssue> issues)
    {
        var unitText = new OwnText(unitCode is null ? (language == Language.En ? "your unit" : "su unidad") : IssueText.Quote(unitCode));
        var periodText = new OwnText(period is { } known ? known.Label(language) : language == Language.En ? "quarter concerned" : "trimestre que corresponda");
        if (sheet.OpenError is not null)
        {
            issues.Add(SheetIssues.WorkbookUnreadable.Create(language, unitText, periodText));
            return;
        }
        switch (sheet.Stopped)
        {
            case { Kind: SheetReadStopKind.PartTooLarge } stop:
                issues.Add(PackageIssues.PartTooLarge.Create(language, stop.Where, PackageInspector.Megabytes(stop.Bound)));
                return;
            case { Kind: SheetReadStopKind.XmlTooDeep } stop:
                issues.Add(PackageIssues.XmlTooDeep.Create(language, stop.Where, stop.Bound));
                return;
        }

        if (unit is null && unitCode is not null) issues.Add(SheetIssues.UnitUnknown.Create(language, unitCode));
        if (period is { } pd && catalog is null)
            issues.Add(SheetIssues.PeriodOutsidePlan.Create(language, new OwnText(pd.Label(language)), new OwnText(plans.Describe())));
        if (unit is not null && period is { } at && !unit.IsMemberIn(at))
            issues.Add(SheetIssues.UnitNotMember.Create(language, unit.Code, unit.Name.In(language), new OwnText(at.Label(language)), new OwnText(unit.Membership(language))));

        var meta = sheet.Metadata.Parsed;
        if (meta is null)
        {
            issues.Add(SheetIssues.MetadataMissing.Create(language, unitText, periodText));
            return;
        }

        if (meta.TemplateVersion != TemplateLayout.CurrentVersion)
            issues.Add(SheetIssues.TemplateVersionUnknown.Create(language, meta.TemplateVersion, TemplateLayout.CurrentVersion));
        if (catalog is not null && meta.PlanId != catalog.Id)
            issues.Add(SheetIssues.PlanMismatch.Create(language, meta.PlanId, catalog.Id, new OwnText(period!.Value.Label(language))));
        if (expectation.UnitCode is { } expectedUnit && !string.Equals(meta.UnitCode, expectedUnit, StringComparison.OrdinalIgnoreCase))
            issues.Add(SheetIssues.UnitMismatch.Create(language, meta.UnitCode, expectedUnit));
        if (expectation.Period is { } expectedPeriod && meta.Period != expectedPeriod)
            issues.Add(SheetIssues.PeriodMismatch.Create(language, new OwnText(meta.Period.Label(language)), new OwnText(expectedPeriod.Label(language))));
        if (!sheet.HasReportSheet)
            issues.Add(SheetIssues.ReportSheetMissing.Create(language, unitText, periodText));
    }

    private static void CheckFocalPoint(SubmittedSheet sheet, Language language, List<ValidationIssue> issues)
    {
        var sheetName = sheet.ReportSheetName;
        if (sheet.FocalName is null || sheet.FocalEmail is null)
        {
            var cell = sheet.FocalName is null ? TemplateLayout.FocalNameCell : TemplateLayout.FocalEmailCell;
            issues.Add(SheetIssues.FocalPointMissing.At(language, sheetName, cell, null));
        }
        if (sheet.FocalName is { } name && LengthOf(sheet.FocalNameCell, name) is var length and > TemplateLayout.MaxFocalNameLength)
            issues.Add(SheetIssues.TextTooLong.At(language, sheetName, TemplateLayout.FocalNameCell, null, length, TemplateLayout.MaxFocalNameLength));
        if (sheet.FocalEmail is { } email && !IsEmail(email))
            issues.Add(SheetIssues.FocalEmailInvalid.At(language, sheetName, TemplateLayout.FocalEmailCell, null, Truncate(email, 80)));
    }

    internal static bool IsEmail(string text) =>
        text.Length <= TemplateLayout.MaxFocalEmailLength && MailAddress.TryCreate(text, out var address) &&
        address.Address == text && address.Host.Contains('.');

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>
    /// The length a text had in the file: its trimmed length, or the length the reader counted when it kept only the
    /// start of it (<see cref="SheetCell.FoundLength"/>).
    /// </summary>
    internal static long LengthOf(SheetCell cell, string trimmed) => cell.FoundLength > cell.Text.Length ? cell.FoundLength : trimmed.Length;

    /// <summary>
    /// How many activity rows the template of <paramref name="unitCode"/> for <paramref name="period"/> has, or the most
    /// any unit's has under any plan in force when the unit or the period's plan is not known: the reader stops a little
    /// below them (<see cref="SubmissionSheetReader"/>).
    /// </summary>
    public int TemplateRows(string? unitCode, ReportingPeriod? period)
    {
        var unit = units.Find(unitCode);
        var catalog = period is { } p ? plans.Find(p) : null;
        if (unit is not null && catalog is not null) return catalog.ActivitiesFor(unit).Count;
        var catalogs = catalog is null ? plans.Plans.Plans.Select(x => x.Catalog) : [catalog];
        var candidates = unit is null ? units.All : [unit];
        return catalogs.SelectMany(c => candidates.Select(u => c.ActivitiesFor(u).Count)).DefaultIfEmpty(ReadingLimits.DefaultTemplateRows).Max();
    }

    private static SheetValidation Result(List<ValidationIssue> issues, ReportingUnit? unit, ReportingPeriod? period,
        Language language, UploadExpectation expectation, IReadOnlyList<ReportedActivity> activities, SubmittedSheet sheet)
    {
        var report = ValidationReport.From(issues, language.ToCode()) with
        {
            Unit = unit?.Code ?? expectation.UnitCode,
            Period = period?.ToString(),
            File = expectation.FileName,
        };
        var focalEmail = sheet.FocalEmail is { } e && IsEmail(e) ? e : null;
        return new SheetValidation(report, unit, period, report.Accepted ? activities : [], sheet.FocalName, focalEmail);
    }
}
