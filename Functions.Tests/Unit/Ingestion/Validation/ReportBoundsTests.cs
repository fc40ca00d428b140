using System.Reflection;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>The JSON report is bounded whatever the sheet holds: findings capped per code, every quoted value cut.</summary>
public sealed class ReportBoundsTests
{
    /// <summary>The bound stated in docs/ingestion.md for the JSON report (characters of its indented JSON).</summary>
    public const int MaxReportJsonChars = 1024 * 1024;

    [Fact]
    public void Findings_of_one_code_are_capped_with_one_line_saying_how_many_more()
    {
        var issues = Enumerable.Range(0, 100).Select(i => SheetIssues.ActivityUnknown.At(Language.En, "Report", $"A{i + 9}", null, i + 9, "x", "BZ"));

        var report = ValidationReport.From(issues.Append(SheetIssues.EmptySubmission.Create(Language.En)), "en");

        Assert.Equal(ValidationReport.MaxFindingsPerCode, report.Errors.Count(e => e.Code == "ACTIVITY_UNKNOWN"));
        var more = Assert.Single(report.Errors, e => e.Code == "MORE_FINDINGS");
        Assert.Equal(IssueSeverity.Error, more.Severity);
        Assert.Equal("Fix what is listed above and upload the file again to see what remains: there are 80 more findings of the same kind, not listed.", more.Message);
        Assert.Equal("ACTIVITY_UNKNOWN", more.MoreOf);
        Assert.Same(more, report.Errors[ValidationReport.MaxFindingsPerCode]); // right after the last one listed
        Assert.Single(report.Errors, e => e.Code == "EMPTY_SUBMISSION");
    }

    [Fact]
    public void A_report_merged_into_another_keeps_its_count_of_more_findings()
    {
        var first = ValidationReport.From(Enumerable.Range(0, 30).Select(_ => SheetIssues.StatusInconsistent.Create(Language.Es, "1.1.1.1", "x", new OwnText("de 1 %"))));

        var merged = ValidationReport.From(first.Errors.Concat(first.Warnings));

        Assert.Equal(first.Warnings.Select(w => w.Message), merged.Warnings.Select(w => w.Message));
        Assert.Contains("hay 10 hallazgos más", merged.Warnings[^1].Message, StringComparison.Ordinal);
        Assert.Equal(first.Warnings.Select(w => w.MoreOf), merged.Warnings.Select(w => w.MoreOf));
    }

    [Fact]
    public void Quoted_values_are_cut_and_made_printable()
    {
        var quoted = SheetIssues.EjecutadoNotANumber.Format(Language.Es, "1.1.1.1", new string('9', 10_000) + "\u0001\uD800");
        var controls = SheetIssues.EjecutadoNotANumber.Format(Language.Es, "1.1.1.1", "a\u0001b\uD800c\uD83D\uDE00");

        Assert.Contains("«" + new string('9', IssueText.MaxQuotedChars) + "…»", quoted, StringComparison.Ordinal);
        Assert.Contains("«a\uFFFDb\uFFFDc\uD83D\uDE00»", controls, StringComparison.Ordinal);
        Assert.Equal("«x» …", IssueText.Quote("«x» …"));
    }

    [Fact]
    public void Our_own_texts_passed_to_a_message_are_not_cut()
    {
        var reason = new string('r', 200);

        var message = ReportIssues.AnnotatedCopySkipped.Format(Language.En, new OwnText(reason));

        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_worst_report_any_sheet_can_produce_stays_under_its_stated_bound()
    {
        // Every code there is, far more of each than the cap, each quoting the longest values a sheet can hold.
        var longest = string.Concat(Enumerable.Repeat("ñ\uD83D\uDE00<&\"", 2_500));
        var issues = new List<ValidationIssue>();
        foreach (var type in Catalogue())
        {
            var args = Enumerable.Repeat<object?>(longest, 4).ToArray();
            for (var i = 0; i < 50; i++) issues.Add(type.At(Language.Es, "Informe", "XFD1048576", "1.1.1.1", args));
        }

        var json = ValidationReport.From(issues).ToJson();

        Assert.True(json.Length < MaxReportJsonChars, $"{json.Length} characters");
    }

    private static IEnumerable<IssueType> Catalogue() =>
        new[] { typeof(SheetIssues), typeof(IngestionIssues), typeof(PackageIssues), typeof(ReportIssues) }.SelectMany(owner =>
            owner.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(IssueType)).Select(f => (IssueType)f.GetValue(null)!));
}
