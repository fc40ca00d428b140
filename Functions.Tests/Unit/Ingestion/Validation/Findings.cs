using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>Reads and validates filled sheets against the real plan, and asserts on one finding at a time.</summary>
internal static class Findings
{
    public const string Period = "2021-Q3";

    private static readonly SubmissionSheetReader Reader = new(NullLogger<SubmissionSheetReader>.Instance);
    private static readonly SheetValidator Validator = new(RealPlan.Plans, RealPlan.Units);

    /// <summary>Validates as the trigger would for an upload at <c>uploads/{sheet's unit}/{sheet's period}/</c>.</summary>
    public static SheetValidation Validate(FilledSheet sheet, PreviousProgress? previous = null) =>
        Validate(sheet, new UploadExpectation(sheet.Unit.Code, sheet.Period), previous);

    public static SheetValidation Validate(FilledSheet sheet, UploadExpectation expectation, PreviousProgress? previous = null) =>
        Validator.Validate(Reader.Read(sheet.Open()), expectation, previous);

    public static SheetValidation Validate(byte[] workbook, UploadExpectation expectation) =>
        Validator.Validate(Reader.Read(new MemoryStream(workbook)), expectation);

    /// <summary>Spanish words for Spanish-speaking units, English for Belize.</summary>
    public static string Words(string unit, string es, string en) => RealPlan.Unit(unit).Language == Core.Localization.Language.En ? en : es;

    /// <summary>
    /// Exactly one finding with <paramref name="code"/>, at the given place, whose message starts with the place in
    /// the report's language ("Hoja «Informe», celda H10 (actividad 1.1.1.2): ", without the activity when the
    /// instruction names it) and contains every word given.
    /// </summary>
    public static ValidationIssue Single(SheetValidation validation, string code, string? sheet, string? cell, string? activity,
        params string[] words)
    {
        var report = validation.Report;
        var issue = Assert.Single(report.Errors.Concat(report.Warnings), i => i.Code == code);
        Assert.Equal(sheet, issue.Sheet);
        Assert.Equal(cell, issue.Cell);
        Assert.Equal(activity, issue.Activity);
        // The place names the activity only when the instruction does not ("Escriba el ejecutado de 1.1.1.2 …").
        var named = activity is not null && Place(report.Language == "en", sheet, cell, null) is { } bare && issue.Message.StartsWith(bare + ": ", StringComparison.Ordinal)
            && issue.Message[(bare.Length + 2)..].Contains(activity, StringComparison.Ordinal);
        var place = Place(report.Language == "en", sheet, cell, named ? null : activity);
        if (place is not null) Assert.StartsWith(place + ": ", issue.Message, StringComparison.Ordinal);
        foreach (var word in words) Assert.Contains(word, issue.Message, StringComparison.Ordinal);
        return issue;
    }

    public static ValidationIssue Error(SheetValidation validation, string code, string? sheet, string? cell, string? activity,
        params string[] words)
    {
        Assert.False(validation.Report.Accepted);
        Assert.Empty(validation.Activities);
        var issue = Single(validation, code, sheet, cell, activity, words);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        return issue;
    }

    /// <summary>A warning on an otherwise clean, accepted sheet: it is the only finding.</summary>
    public static ValidationIssue OnlyWarning(SheetValidation validation, string code, string? sheet, string? cell, string? activity,
        params string[] words)
    {
        Assert.True(validation.Report.Accepted, string.Join("\n", validation.Report.Errors.Select(e => e.Message)));
        var issue = Single(validation, code, sheet, cell, activity, words);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal([code], validation.Report.Warnings.Select(w => w.Code));
        Assert.NotEmpty(validation.Activities);
        return issue;
    }

    /// <summary>The only error of a rejected sheet.</summary>
    public static ValidationIssue OnlyError(SheetValidation validation, string code, string? sheet, string? cell, string? activity,
        params string[] words)
    {
        var issue = Error(validation, code, sheet, cell, activity, words);
        Assert.Equal([code], validation.Report.Errors.Select(e => e.Code));
        return issue;
    }

    // Written out here rather than taken from IssueLocation, so the wording focal points see is pinned by the tests.
    private static string? Place(bool english, string? sheet, string? cell, string? activity)
    {
        var parts = new List<string>();
        if (sheet is not null) parts.Add(english ? $"Sheet \"{sheet}\"" : $"Hoja «{sheet}»");
        if (cell is not null) parts.Add(english ? $"cell {cell}" : $"celda {cell}");
        var text = string.Join(", ", parts);
        if (activity is not null) text += (text.Length > 0 ? " " : "") + (english ? $"(activity {activity})" : $"(actividad {activity})");
        return text.Length == 0 ? null : text;
    }

    public static ReportingPeriod Q(string period) => ReportingPeriod.Parse(period);
}
