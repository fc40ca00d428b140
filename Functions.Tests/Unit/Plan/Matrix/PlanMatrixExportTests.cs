using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.PlanWorkbook;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.PlanWorkbook.PlanMatrixLayout;
using static ServerlessPlan.Tests.Support.PlanWorkbooks;

namespace ServerlessPlan.Tests.Unit.Plan.Matrix;

/// <summary>The workbook <c>plan export</c> writes, and that reading it back gives the same plan.</summary>
public sealed class PlanMatrixExportTests
{
    private static readonly Lazy<byte[]> Exported = new(() => Export());

    private static XLWorkbook Open() => new(new MemoryStream(Exported.Value));

    [Fact]
    public void Export_then_import_gives_the_same_catalog_every_field_included()
    {
        var imported = ImportValid(Exported.Value);
        PlanCatalogAssert.Equal(RealPlan.Catalog, imported);
        Assert.Equal(PlanDocumentWriter.Write(RealPlan.Catalog), PlanDocumentWriter.Write(imported));
        Assert.Empty(Import(Exported.Value).Issues);
    }

    [Fact]
    public void Has_the_matrix_sheet_first_and_the_instructions_with_the_plan_fields()
    {
        using var wb = Open();
        Assert.Equal([DataSheet, InstructionsSheet], wb.Worksheets.Select(w => w.Name));
        Assert.Equal("2020-2022", PlanFieldCell(wb, PlanField.Id).GetString());
        Assert.Equal("Matriz del Plan Operativo 2020-2022", PlanFieldCell(wb, PlanField.TitleEs).GetString());
        Assert.Equal("Operational Plan Matrix 2020-2022", PlanFieldCell(wb, PlanField.TitleEn).GetString());
        Assert.Equal(2020, PlanFieldCell(wb, PlanField.FirstYear).GetValue<int>());
        Assert.Equal(2022, PlanFieldCell(wb, PlanField.LastYear).GetValue<int>());
        var instructions = wb.Worksheet(InstructionsSheet);
        Assert.Equal("Código del plan / Plan id", instructions.Cell(FirstPlanFieldRow, 1).GetString());
        var text = instructions.CellsUsed().Select(c => c.GetString()).ToList();
        var spanish = text.FindIndex(t => t == "Cómo editar la matriz");
        var english = text.FindIndex(t => t == "Editing the matrix");
        Assert.InRange(spanish, 0, english - 1);
    }

    [Fact]
    public void Writes_the_seed_columns_then_each_years_programado_and_ejecutado_then_the_english_texts_in_two_header_rows()
    {
        using var wb = Open();
        var ws = MatrixSheet(wb);
        var spanish = ws.Row(HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        var english = ws.Row(EnglishHeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(
        [
            "Eje (código)", "Eje", "Eje (inglés)", "Objetivo estratégico (código)", "Objetivo estratégico (número impreso)",
            "Objetivo estratégico", "Objetivo estratégico (inglés)", "Objetivo operativo (código)", "Objetivo operativo (número impreso)",
            "Objetivo operativo", "Objetivo operativo (inglés)", "Actividad (código)", "Actividad (número impreso)", "Actividad",
            "Meta", "Indicador", "Responsable", "Nivel de reporte", "¿El indicador cuenta?",
            "Programado 2020 (%)", "Ejecutado 2020 (%)", "Programado 2021 (%)", "Ejecutado 2021 (%)", "Programado 2022 (%)", "Ejecutado 2022 (%)",
            "Actividad (inglés)", "Meta (inglés)", "Indicador (inglés)", "Responsable (inglés)",
        ], spanish);
        Assert.Equal(spanish.Count, english.Count);
        Assert.Equal("Achieved 2021 (%)", english[22]);
        Assert.All(spanish.Concat(english), h => Assert.NotNull(MatrixHeaders.Recognise(h)));
        Assert.Equal(spanish.Select(MatrixHeaders.Recognise), english.Select(MatrixHeaders.Recognise));
    }

    [Fact]
    public void Writes_one_row_per_activity_with_its_parents_its_english_texts_and_the_recorded_ejecutado()
    {
        using var wb = Open();
        var ws = MatrixSheet(wb);
        Assert.Equal(20, ws.Column(Column(ws, MatrixColumn.ActivityCode)).CellsUsed().Count() - 2);
        Assert.Equal("1.1.1.1", ws.Cell(FirstDataRow, Column(ws, MatrixColumn.ActivityCode)).GetString());
        Assert.Equal(XLDataType.Text, Cell(ws, "1.1.1.1", MatrixColumn.StrategicCode).DataType);
        Assert.Equal("", Cell(ws, "1.1.1.1", MatrixColumn.StrategicLabel).GetString());
        Assert.Equal("1.1.", Cell(ws, "1.1.1.2", MatrixColumn.ActivityLabel).GetString());
        Assert.Equal("ambos", Cell(ws, "1.1.1.1", MatrixColumn.Level).GetString());
        Assert.Equal("sí", Cell(ws, "1.1.1.2", MatrixColumn.IsCount).GetString());
        Assert.Equal("Prevention", Cell(ws, "1.1.1.5", MatrixColumn.AxisNameEn).GetString()); // repeated on every row
        Assert.Equal(100, Cell(ws, "1.1.1.1", MatrixColumn.Ejecutado, 2020).GetValue<double>());
        Assert.Equal(0, Cell(ws, "1.1.1.2", MatrixColumn.Ejecutado, 2020).GetValue<double>());
        Assert.Equal(100, Cell(ws, "1.1.1.4", MatrixColumn.Ejecutado, 2021).GetValue<double>());
        Assert.True(Cell(ws, "1.1.1.4", MatrixColumn.Ejecutado, 2022).IsEmpty());
        Assert.Equal(XLDataType.Number, Cell(ws, "3.2.1.2", MatrixColumn.Programado, 2022).DataType);
        Assert.Equal("Countries that make up the Regional Coalition", Cell(ws, "3.2.1.2", MatrixColumn.ResponsableEn).GetString());
    }

    [Fact]
    public void Validates_levels_counts_percentages_and_years()
    {
        using var wb = Open();
        var ws = MatrixSheet(wb);
        var validations = ws.DataValidations.ToList();
        IXLDataValidation At(int column) => validations.Single(v => v.Ranges.Any(r =>
            r.RangeAddress.FirstAddress.ColumnNumber <= column && r.RangeAddress.LastAddress.ColumnNumber >= column));

        var level = At(Column(ws, MatrixColumn.Level));
        Assert.Equal(XLAllowedValues.List, level.AllowedValues);
        Assert.Equal("\"nacional,regional,ambos,national,both\"", level.Value);
        var percent = At(Column(ws, MatrixColumn.Ejecutado, 2021));
        Assert.Equal(XLAllowedValues.Decimal, percent.AllowedValues);
        Assert.Equal(("0", "100"), (percent.MinValue, percent.MaxValue));
        Assert.Equal(XLErrorStyle.Stop, percent.ErrorStyle);
        Assert.Equal(FirstDataRow + 20 + SpareRows - 1, percent.Ranges.Single().LastCell().Address.RowNumber);
        Assert.Equal(XLAllowedValues.List, At(Column(ws, MatrixColumn.IsCount)).AllowedValues);
        Assert.Equal(XLAllowedValues.TextLength, At(Column(ws, MatrixColumn.MetaEn)).AllowedValues);

        var years = wb.Worksheet(InstructionsSheet).DataValidations.Single();
        Assert.Equal(XLAllowedValues.WholeNumber, years.AllowedValues);
        Assert.Equal(("2000", "2100"), (years.MinValue, years.MaxValue));
    }

    [Fact]
    public void Locks_the_header_freezes_it_and_prints_landscape_one_page_wide_repeating_it()
    {
        using var wb = Open();
        var ws = MatrixSheet(wb);
        Assert.True(ws.IsProtected);
        Assert.True(ws.Cell(HeaderRow, 3).Style.Protection.Locked);
        Assert.True(ws.Cell(TitleRow, 1).Style.Protection.Locked);
        Assert.False(ws.Cell(FirstDataRow, 3).Style.Protection.Locked);
        Assert.False(ws.Cell(FirstDataRow + 20 + SpareRows, 3).Style.Protection.Locked);
        Assert.Equal(EnglishHeaderRow, ws.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
        Assert.Equal((1, 0), (ws.PageSetup.PagesWide, ws.PageSetup.PagesTall));
        Assert.Equal((HeaderRow, EnglishHeaderRow), (ws.PageSetup.FirstRowToRepeatAtTop, ws.PageSetup.LastRowToRepeatAtTop));
        var instructions = wb.Worksheet(InstructionsSheet);
        Assert.True(instructions.IsProtected);
        Assert.False(PlanFieldCell(wb, PlanField.Id).Style.Protection.Locked);
        Assert.Equal((1, 0), (instructions.PageSetup.PagesWide, instructions.PageSetup.PagesTall));
    }
}
