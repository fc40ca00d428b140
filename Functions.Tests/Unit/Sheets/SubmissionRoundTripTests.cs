using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary>A template filled as a country would, read back: the reader must return what the person typed.</summary>
public sealed class SubmissionRoundTripTests
{
    private const string Observations = "Capacitación en Quetzaltenango y Petén; niñez — 12 sesiones «virtuales»";
    private static readonly SubmissionSheetReader Reader = new(NullLogger<SubmissionSheetReader>.Instance);

    private static byte[] FilledByGuatemala()
    {
        var template = TestPlan.Writer().Write(TestPlan.Guatemala, new ReportingPeriod(2021, 3), Language.Es);
        var filled = Workbooks.Edit(template, wb =>
        {
            var ws = wb.Worksheet(ReportSheetEs);
            ws.Cell(FocalNameCell).SetValue("María José Pérez");
            ws.Cell(FocalEmailCell).SetValue("mjperez@example.gt");

            // 1.1.1.1: typed 50 into the template's own format.
            ws.Cell(FirstDataRow, EjecutadoColumn).SetValue(50);
            ws.Cell(FirstDataRow, StatusColumn).SetValue("En Proceso");
            ws.Cell(FirstDataRow, QuantityColumn).SetValue(12);
            ws.Cell(FirstDataRow, ObservationsColumn).SetValue(Observations);
            ws.Cell(FirstDataRow, EvidenceColumn).SetValue("https://example.gt/evidencia/2021-Q3");

            // 1.1.1.2: typed "50%" in Excel, which stores 0.5 and switches the cell to 0%.
            var fraction = ws.Cell(FirstDataRow + 1, EjecutadoColumn);
            fraction.SetValue(0.5);
            fraction.Style.NumberFormat.NumberFormatId = 9;
            ws.Cell(FirstDataRow + 1, StatusColumn).SetValue("COMPLETADA");

            // 1.1.1.3: pasted as text, English status, quantity typed as text with a decimal comma.
            ws.Cell(FirstDataRow + 2, EjecutadoColumn).SetValue("75 %");
            ws.Cell(FirstDataRow + 2, StatusColumn).SetValue("not started");
            ws.Cell(FirstDataRow + 2, QuantityColumn).SetValue("3,5");

            // 2.1.1.2: a formula, and a status nobody offered.
            ws.Cell(FirstDataRow + 3, EjecutadoColumn).FormulaA1 = "=40+20";
            ws.Cell(FirstDataRow + 3, StatusColumn).SetValue("a medias");
        });
        // Excel saves a cached result with the formula; a different number proves the reader never evaluates.
        return Workbooks.SetCachedValue(filled, ReportSheetEs, $"{EjecutadoColumnLetter}{FirstDataRow + 3}", "61");
    }

    [Fact]
    public void Reads_back_what_the_focal_point_typed()
    {
        var sheet = Reader.Read(new MemoryStream(FilledByGuatemala()));

        Assert.Null(sheet.OpenError);
        Assert.Equal(ReportSheetEs, sheet.ReportSheetName);
        Assert.Equal("María José Pérez", sheet.FocalName);
        Assert.Equal("mjperez@example.gt", sheet.FocalEmail);
        Assert.Equal("GT", sheet.Metadata.Parsed?.UnitCode);
        Assert.Equal(["1.1.1.1", "1.1.1.2", "1.1.1.3", "2.1.1.2"], sheet.Rows.Select(r => r.ActivityCode));
        Assert.Equal(Enumerable.Range(FirstDataRow, 4), sheet.Rows.Select(r => r.Row));

        var typed = sheet.Rows[0];
        Assert.Equal(new PercentageReading(50m, PercentageSource.Number, "50"), typed.Ejecutado);
        Assert.Equal(PercentDisplayFormat, typed.EjecutadoCell.NumberFormat);
        Assert.Equal(ActivityStatus.InProgress, typed.Status);
        Assert.Equal(12m, typed.Quantity);
        Assert.Equal(Observations, typed.Observations);
        Assert.Equal("https://example.gt/evidencia/2021-Q3", typed.Evidence);
        Assert.Equal($"{EjecutadoColumnLetter}{FirstDataRow}", typed.EjecutadoCell.Address);

        var percentFormatted = sheet.Rows[1];
        Assert.Equal(50m, percentFormatted.Ejecutado.Value);
        Assert.Equal(PercentageSource.PercentFormattedNumber, percentFormatted.Ejecutado.Source);
        Assert.Equal(ActivityStatus.Completed, percentFormatted.Status);
        Assert.Null(percentFormatted.Quantity);
        Assert.False(percentFormatted.QuantityUnreadable);

        var pasted = sheet.Rows[2];
        Assert.Equal(new PercentageReading(75m, PercentageSource.PercentText, "75 %"), pasted.Ejecutado);
        Assert.Equal(ActivityStatus.NotStarted, pasted.Status);
        Assert.Equal(3.5m, pasted.Quantity);

        var formula = sheet.Rows[3];
        Assert.True(formula.EjecutadoCell.IsFormula);
        Assert.Equal("40+20", formula.EjecutadoCell.Formula);
        Assert.Equal(61m, formula.Ejecutado.Value);
        Assert.Null(formula.Status);
        Assert.True(formula.StatusUnreadable);
        Assert.Equal("a medias", formula.StatusCell.Text);
    }

    [Fact]
    public void An_untouched_template_reads_as_rows_with_codes_and_no_input()
    {
        var template = TestPlan.Writer().Write(TestPlan.Belize, new ReportingPeriod(2022, 1), Language.En);

        var sheet = Reader.Read(new MemoryStream(template));

        Assert.Equal(ReportSheetEn, sheet.ReportSheetName);
        Assert.Null(sheet.FocalName);
        Assert.Equal(TestPlan.Catalog.ActivitiesFor(TestPlan.Belize).Select(a => a.Code), sheet.Rows.Select(r => r.ActivityCode));
        Assert.All(sheet.Rows, r =>
        {
            Assert.False(r.HasInput);
            Assert.True(r.Ejecutado.IsEmpty);
            Assert.Null(r.Status);
            Assert.False(r.StatusUnreadable);
        });
    }
}
