using System.Reflection;
using System.Text.RegularExpressions;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// Every finding a person can read — sheet, package, ingestion, report and plan findings — is an instruction in
/// Spanish and in English: what to do first, then what was found, with its code kept out of the sentence (pages and
/// mails show it beside it).
/// </summary>
public sealed partial class FindingInstructionTests
{
    /// <summary>How an instruction may open: an imperative, or a condition or purpose followed by one.</summary>
    private static readonly string[] SpanishOpeners =
    [
        "Abra", "Acorte", "Agregue", "Borre", "Complete", "Compruebe", "Copie", "Corrija", "Deje", "Descargue", "Elija",
        "Escriba", "Guarde", "Quite", "Rompa", "Suba", "Traduzca", "Use", "Vuelva", "Si", "Para",
    ];

    private static readonly string[] EnglishOpeners =
    [
        "Add", "Break", "Check", "Choose", "Copy", "Correct", "Delete", "Download", "Enter", "Fill", "Fix", "Keep", "Leave",
        "Open", "Put", "Remove", "Restore", "Save", "Shorten", "Translate", "Type", "Upload", "Use", "Write", "If", "For", "To",
    ];

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var type in All()) data.Add(type.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_finding_has_a_spanish_and_an_english_instruction_without_a_code_in_it(string code)
    {
        var type = All().Single(t => t.Code == code);
        var allCodes = All().Select(t => t.Code).ToList();

        Assert.False(string.IsNullOrWhiteSpace(type.Template.Es));
        Assert.False(string.IsNullOrWhiteSpace(type.Template.En));
        Assert.NotEqual(type.Template.Es, type.Template.En);
        foreach (var (text, openers) in new[] { (type.Template.Es, SpanishOpeners), (type.Template.En, EnglishOpeners) })
        {
            Assert.DoesNotMatch(CodeLike(), text);
            Assert.All(allCodes, c => Assert.DoesNotContain(c, text, StringComparison.Ordinal));
            var first = FirstWord().Match(text).Value;
            Assert.True(openers.Contains(first), $"{code} does not open with an instruction: \"{text}\"");
        }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void English_instructions_quote_with_plain_quotes(string code)
    {
        var type = All().Single(t => t.Code == code);

        Assert.DoesNotContain("«", type.Template.En, StringComparison.Ordinal);
        Assert.DoesNotContain("»", type.Template.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_area_s_findings_are_in_the_catalogue()
    {
        var owners = All().Select(t => t.Code.StartsWith("PLAN_", StringComparison.Ordinal) ? "plan" : "sheet").Distinct().ToList();

        Assert.Contains("plan", owners);
        Assert.True(All().Count >= 80, $"only {All().Count} kinds of finding found by reflection");
        Assert.Equal(All().Count, All().Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public void An_activity_named_in_the_instruction_is_not_repeated_in_its_place()
    {
        var issue = SheetIssues.EjecutadoNotANumber.At(Language.Es, "Informe", "H12", "1.1.1.4", "1.1.1.4", "mucho");

        Assert.Equal("Hoja «Informe», celda H12: Escriba el ejecutado de 1.1.1.4 como un número de 0 a 100, por ejemplo 45 (se encontró «mucho»).", issue.Message);
        Assert.Equal("Escriba el ejecutado de 1.1.1.4 como un número de 0 a 100, por ejemplo 45 (se encontró «mucho»).", IssueLocation.Sentence(issue, Language.Es));
        Assert.Equal("1.1.1.4", issue.Activity);
    }

    [Fact]
    public void An_activity_the_instruction_does_not_name_stays_in_its_place()
    {
        var issue = SheetIssues.TextTooLong.At(Language.En, "Report", "K12", "1.1.1.4", 900, 500);

        Assert.Equal("Sheet \"Report\", cell K12 (activity 1.1.1.4): Shorten the text to 500 characters at most (it has 900); for long documents, use the evidence link.", issue.Message);
        Assert.Equal("Shorten the text to 500 characters at most (it has 900); for long documents, use the evidence link.", IssueLocation.Sentence(issue, Language.En));
    }

    [Fact]
    public void A_report_stored_with_the_older_english_place_still_reads_as_its_sentence()
    {
        var stored = new ValidationIssue("EJECUTADO_OUT_OF_RANGE", IssueSeverity.Error,
            "Sheet «Report», cell H12 (activity 1.1.1.4): The Achieved percentage must be between 0 and 100; 150 was found.", "Report", "H12")
        {
            Activity = "1.1.1.4",
        };

        Assert.Equal("The Achieved percentage must be between 0 and 100; 150 was found.", IssueLocation.Sentence(stored, Language.En));
    }

    [Fact]
    public void Findings_left_out_are_counted_after_the_last_one_listed_and_name_their_code_apart()
    {
        var many = Enumerable.Range(1, ValidationReport.MaxFindingsPerCode + 3)
            .Select(i => SheetIssues.EjecutadoOutOfRange.At(Language.Es, "Informe", $"H{i + 11}", "1.1.1.1", "1.1.1.1", "150"));
        var later = SheetIssues.QuantityInvalid.At(Language.Es, "Informe", "I12", "1.1.1.2", "1.1.1.2", "x");

        var report = ValidationReport.From([.. many, later]);

        var more = report.Errors[ValidationReport.MaxFindingsPerCode];
        Assert.Equal(ReportIssues.MoreFindings.Code, more.Code);
        Assert.Equal(SheetIssues.EjecutadoOutOfRange.Code, more.MoreOf);
        Assert.DoesNotContain(SheetIssues.EjecutadoOutOfRange.Code, more.Message, StringComparison.Ordinal);
        Assert.Contains("hay 3 hallazgos más", more.Message, StringComparison.Ordinal);
        Assert.Equal(SheetIssues.QuantityInvalid.Code, report.Errors[^1].Code);
        Assert.Contains("\"moreOf\": \"EJECUTADO_OUT_OF_RANGE\"", report.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"moreOf\": null", report.ToJson(), StringComparison.Ordinal);
    }

    /// <summary>Every kind of finding declared in Core: public static <see cref="IssueType"/> fields of any type.</summary>
    private static List<IssueType> All() =>
        typeof(IssueType).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(IssueType))
            .Select(f => (IssueType)f.GetValue(null)!)
            .ToList();

    /// <summary>A finding's code: upper-case words joined by underscores (TEMPLATE_NOT_RECOGNIZED).</summary>
    [GeneratedRegex(@"\b[A-Z]{2,}(_[A-Z]+)+\b")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"^[\p{L}]+")]
    private static partial Regex FirstWord();
}
