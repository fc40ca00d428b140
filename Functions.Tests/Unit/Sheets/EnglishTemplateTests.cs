using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary>Belize reports in English: nothing of the catalog's Spanish may reach its template.</summary>
public sealed class EnglishTemplateTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    /// <summary>Every Spanish text of the catalog whose English differs, with what it is.</summary>
    private static IEnumerable<(string Spanish, string What)> SpanishOnlyTexts(PlanCatalog catalog)
    {
        if (catalog.Title.Es != catalog.Title.En) yield return (catalog.Title.Es, "plan title");
        foreach (var axis in catalog.Axes)
        {
            if (axis.Name.Es != axis.Name.En) yield return (axis.Name.Es, $"axis {axis.Code}");
            foreach (var strategic in axis.StrategicObjectives)
            {
                if (strategic.Text != strategic.EnglishText) yield return (strategic.Text, $"strategic objective {strategic.Code}");
                foreach (var operational in strategic.OperationalObjectives)
                {
                    if (operational.Text != operational.EnglishText) yield return (operational.Text, $"operational objective {operational.Code}");
                    foreach (var activity in operational.Activities)
                    {
                        var (es, en) = (activity.Spanish, activity.TextsIn(Language.En));
                        if (es.Text != en.Text) yield return (es.Text, $"{activity.Code} text");
                        if (es.Meta != en.Meta) yield return (es.Meta, $"{activity.Code} meta");
                        if (es.Indicador != en.Indicador) yield return (es.Indicador, $"{activity.Code} indicador");
                        if (es.Responsable != en.Responsable) yield return (es.Responsable, $"{activity.Code} responsable");
                    }
                }
            }
        }
    }

    /// <summary>Every text a person can see in the workbook: cell values and the data validations' messages and lists.</summary>
    private static IEnumerable<(string Where, string Text)> VisibleTexts(XLWorkbook workbook)
    {
        foreach (var ws in workbook.Worksheets.Where(w => w.Name != MetadataSheet))
        {
            foreach (var cell in ws.CellsUsed())
                yield return ($"{ws.Name}!{cell.Address}", cell.GetString());
            foreach (var dv in ws.DataValidations)
            {
                foreach (var text in new[] { dv.ErrorTitle, dv.ErrorMessage, dv.InputTitle, dv.InputMessage, dv.Value })
                    yield return ($"{ws.Name} validation {dv.Ranges.First().RangeAddress}", text ?? "");
            }
        }
    }

    [Fact]
    public void No_spanish_only_catalog_text_reaches_belizes_english_template()
    {
        var catalog = RealPlan.Catalog;
        var writer = new TemplateWriter(RealPlan.Plans, Options.Create(new ReportingOptions()));
        using var workbook = new XLWorkbook(new MemoryStream(writer.Write(RealPlan.Unit("BZ"), Q3, Language.En)));

        var spanish = SpanishOnlyTexts(catalog).ToList();
        Assert.True(spanish.Count > 80, $"only {spanish.Count} Spanish texts: the catalog should carry English for every activity field");
        var visible = VisibleTexts(workbook).Where(v => v.Text.Length > 0).ToList();
        var leaks = (from v in visible
                     from s in spanish
                     where v.Text == s.Spanish || (s.Spanish.Length >= 12 && v.Text.Contains(s.Spanish, StringComparison.Ordinal))
                     select $"{v.Where}: {s.What} «{s.Spanish}»").ToList();

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // And the English is there: every activity of Belize's part in its own words.
        var cells = visible.Select(v => v.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var activity in catalog.ActivitiesFor(RealPlan.Unit("BZ")))
        {
            var en = activity.TextsIn(Language.En);
            Assert.Contains(en.Text, cells);
            Assert.Contains(en.Meta, cells);
            Assert.Contains(en.Indicador, cells);
            Assert.Contains(en.Responsable, cells);
        }
    }

    [Fact]
    public void Spanish_templates_keep_the_catalogs_spanish()
    {
        var catalog = RealPlan.Catalog;
        var writer = new TemplateWriter(RealPlan.Plans, Options.Create(new ReportingOptions()));
        using var workbook = new XLWorkbook(new MemoryStream(writer.Write(RealPlan.Unit("GT"), Q3, Language.Es)));
        var cells = VisibleTexts(workbook).Select(v => v.Text).ToHashSet(StringComparer.Ordinal);

        foreach (var activity in catalog.ActivitiesFor(RealPlan.Unit("GT")))
            Assert.Contains(activity.Text, cells);
    }
}
