using System.Reflection;
using System.Text.RegularExpressions;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>Every message a focal point can get from the sheet rules and the ingestion, checked as a catalogue.</summary>
public sealed partial class IssueCatalogTests
{
    public static TheoryData<string, string> Issues()
    {
        var data = new TheoryData<string, string>();
        foreach (var (owner, field, _) in All()) data.Add(owner, field);
        return data;
    }

    [Theory]
    [MemberData(nameof(Issues))]
    public void Has_distinct_spanish_and_english_texts_with_the_same_placeholders(string owner, string field)
    {
        var type = All().Single(i => i.Owner == owner && i.Field == field).Type;

        Assert.False(string.IsNullOrWhiteSpace(type.Template.Es));
        Assert.False(string.IsNullOrWhiteSpace(type.Template.En));
        Assert.NotEqual(type.Template.Es, type.Template.En);
        Assert.Equal(Placeholders(type.Template.Es), Placeholders(type.Template.En));
        Assert.Matches("^[A-Z][A-Z_]+[A-Z]$", type.Code);

        // Formats in both languages with as many arguments as it declares, leaving no placeholder behind.
        var args = Placeholders(type.Template.Es).Select(i => (object?)$"«arg{i}»").ToArray();
        var count = args.Length == 0 ? 0 : Placeholders(type.Template.Es).Max() + 1;
        Assert.Equal(count, args.Length);
        foreach (var language in new[] { Language.Es, Language.En })
            Assert.DoesNotMatch(Placeholder(), type.Format(language, args));
    }

    /// <summary>The findings about a unit's sheet (not the plan file, whose columns are the plan format's own names).</summary>
    public static TheoryData<string, string> SheetFindings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (owner, field, _) in All().Where(i => i.Owner != nameof(ServerlessPlan.Core.Plan.PlanIssues))) data.Add(owner, field);
        return data;
    }

    [Theory]
    [MemberData(nameof(SheetFindings))]
    public void English_texts_name_the_columns_as_the_english_template_does(string owner, string field)
    {
        var type = All().Single(i => i.Owner == owner && i.Field == field).Type;

        // The English template's columns are "Programmed" and "Achieved" (TemplateTexts): never the Spanish words.
        Assert.DoesNotContain("ejecutado", type.Template.En, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("programado", type.Template.En, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Codes_are_unique_across_sheet_and_ingestion_findings()
    {
        var codes = All().Select(i => i.Type.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(codes.Count >= 29, $"only {codes.Count} issue kinds found by reflection");
    }

    private static IEnumerable<(string Owner, string Field, IssueType Type)> All() =>
        new[] { typeof(SheetIssues), typeof(IngestionIssues), typeof(ReportIssues), typeof(ServerlessPlan.Core.Plan.PlanIssues) }.SelectMany(owner =>
            owner.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(IssueType))
                .Select(f => (owner.Name, f.Name, (IssueType)f.GetValue(null)!)));

    /// <summary>The distinct placeholder indices, ignoring escaped braces (<c>{{unidad}}</c>).</summary>
    private static int[] Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", "").Replace("}}", ""))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().Order().ToArray();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
