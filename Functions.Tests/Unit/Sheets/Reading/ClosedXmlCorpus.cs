using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// Our template filled and broken in many ways through ClosedXML: the corpus on which the streaming reader must read
/// exactly what the ClosedXML oracle reads.
/// </summary>
public static class ClosedXmlCorpus
{
    private const int R = FirstDataRow;

    public static readonly IReadOnlyDictionary<string, Func<byte[]>> Cases = new Dictionary<string, Func<byte[]>>
    {
        ["untouched Spanish template"] = () => Template(),
        ["untouched English template"] = () => TestPlan.Writer().Write(TestPlan.Belize, new ReportingPeriod(2022, 1), Language.En),
        ["real plan filled completely"] = () => FilledSheet.Complete("GT", "2021-Q3").Build(),
        ["real plan, English unit, filled completely"] = () => FilledSheet.Complete("BZ", "2022-Q2").Build(),
        ["typed numbers, text, statuses, quantities"] = () => Edit(ws =>
        {
            ws.Cell(FocalNameCell).SetValue("María José Pérez");
            ws.Cell(FocalEmailCell).SetValue("mjperez@example.gt");
            ws.Cell(R, EjecutadoColumn).SetValue(50);
            ws.Cell(R, StatusColumn).SetValue("En Proceso");
            ws.Cell(R, QuantityColumn).SetValue(12);
            ws.Cell(R, ObservationsColumn).SetValue("Capacitación en Quetzaltenango y Petén; niñez — 12 sesiones «virtuales»");
            ws.Cell(R, EvidenceColumn).SetValue("https://example.gt/evidencia/2021-Q3");
            ws.Cell(R + 1, EjecutadoColumn).SetValue(12.345678901234567);
            ws.Cell(R + 2, EjecutadoColumn).SetValue("75 %");
            ws.Cell(R + 2, QuantityColumn).SetValue("3,5");
            ws.Cell(R + 3, QuantityColumn).SetValue(-1e-7);
        }),
        ["percent formats: built-in 9 and 10, custom 0.0%"] = () => Edit(ws =>
        {
            ws.Cell(R, EjecutadoColumn).SetValue(0.5).Style.NumberFormat.NumberFormatId = 9;
            ws.Cell(R + 1, EjecutadoColumn).SetValue(0.255).Style.NumberFormat.NumberFormatId = 10;
            ws.Cell(R + 2, EjecutadoColumn).SetValue(0.75).Style.NumberFormat.Format = "0.0%";
            ws.Cell(R + 3, EjecutadoColumn).SetValue(0.75).Style.NumberFormat.Format = "0.0\"%\"";
        }),
        ["dates and times: built-in 14, 22, 20, 46 and custom codes"] = () => Edit(ws =>
        {
            ws.Cell(R, EjecutadoColumn).SetValue(new DateTime(2021, 9, 30)).Style.NumberFormat.NumberFormatId = 14;
            ws.Cell(R, QuantityColumn).SetValue(new DateTime(2021, 9, 30, 14, 5, 0)).Style.NumberFormat.NumberFormatId = 22;
            ws.Cell(R + 1, EjecutadoColumn).SetValue(0.75).Style.NumberFormat.NumberFormatId = 20;
            ws.Cell(R + 1, QuantityColumn).SetValue(1.5).Style.NumberFormat.NumberFormatId = 46;
            ws.Cell(R + 2, EjecutadoColumn).SetValue(44469).Style.NumberFormat.Format = "dd/mm/yyyy";
            ws.Cell(R + 2, QuantityColumn).SetValue(44469.25).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
            ws.Cell(R + 3, EjecutadoColumn).SetValue(2.25).Style.NumberFormat.Format = "[h]:mm";
            ws.Cell(R + 3, QuantityColumn).SetValue(1e300).Style.NumberFormat.NumberFormatId = 14;
        }),
        ["booleans and a number under the text format"] = () => Edit(ws =>
        {
            ws.Cell(R, StatusColumn).SetValue(true);
            ws.Cell(R + 1, EjecutadoColumn).SetValue(false);
            ws.Cell(R + 2, EjecutadoColumn).SetValue(50).Style.NumberFormat.NumberFormatId = 49;
            ws.Cell(R + 3, QuantityColumn).SetValue(7).Style.NumberFormat.Format = "@";
        }),
        ["formulas without a cached value"] = () => Edit(ws =>
        {
            ws.Cell(R, EjecutadoColumn).FormulaA1 = "=1/0";
            ws.Cell(R + 1, EjecutadoColumn).FormulaA1 = "=B99";
            ws.Cell(R + 2, StatusColumn).FormulaA1 = "=\"En proceso\"";
            ws.Cell(R + 3, CodeColumn).FormulaA1 = "=\"2.1.1.2\"";
        }),
        ["formulas with cached number, text and error"] = () =>
        {
            var bytes = Edit(ws =>
            {
                ws.Cell(R, EjecutadoColumn).FormulaA1 = "=40+20";
                ws.Cell(R + 1, StatusColumn).FormulaA1 = "=\"Completada\"";
                ws.Cell(R + 2, EjecutadoColumn).FormulaA1 = "=1/0";
                ws.Cell(R + 3, ObservationsColumn).FormulaA1 = "=\" \"";
                ws.Cell(R + 3, EjecutadoColumn).FormulaA1 = "=SUM(G9:G12)";
            });
            bytes = Workbooks.SetCachedValue(bytes, ReportSheetEs, $"H{R}", "61");
            bytes = Workbooks.SetCachedValue(bytes, ReportSheetEs, $"I{R + 1}", "Completada", isText: true);
            bytes = Workbooks.SetCachedValue(bytes, ReportSheetEs, $"H{R + 2}", "#DIV/0!", isText: true);
            bytes = Workbooks.SetCachedValue(bytes, ReportSheetEs, $"K{R + 3}", " ", isText: true);
            return Workbooks.SetCachedValue(bytes, ReportSheetEs, $"H{R + 3}", "1.5E-3");
        },
        ["cleared cells and whitespace-only text"] = () =>
        {
            var filled = Edit(ws =>
            {
                ws.Cell(R, EjecutadoColumn).SetValue(40);
                ws.Cell(R, StatusColumn).SetValue("Completada");
                ws.Cell(R + 1, ObservationsColumn).SetValue("   ");
                ws.Cell(R + 1, EvidenceColumn).SetValue("\t");
                ws.Cell(FocalNameCell).SetValue("  ");
            });
            return Workbooks.Edit(filled, wb =>
            {
                wb.Worksheet(ReportSheetEs).Cell(R, EjecutadoColumn).Clear(XLClearOptions.Contents);
                wb.Worksheet(ReportSheetEs).Cell(R, StatusColumn).Clear(XLClearOptions.Contents);
            });
        },
        ["rows added below, blank rows between, a value far down"] = () => Edit(ws =>
        {
            ws.Cell(R + 10, ObservationsColumn).SetValue("fila agregada");
            ws.Cell(R + 12, CodeColumn).SetValue("9.9.9.9");
            ws.Cell(R + 12, EjecutadoColumn).SetValue(10);
            ws.Cell(R + 20, ActivityColumn).SetValue("solo en una columna que no se lee");
            ws.Cell(R + 500, EvidenceColumn).SetValue("lejos");
            ws.Cell(R + 30, 20).SetValue("fuera de la tabla");
        }),
        ["rows deleted, duplicated and recoded"] = () => new FilledSheet(TestPlan.Guatemala, new ReportingPeriod(2021, 3), TestPlan.Catalog)
            .FillAll().DeleteRow("1.1.1.3").DuplicateRow("1.1.1.2").ChangeCode("2.1.1.2", " 2.1.1.9 ").Build(),
        ["report sheet renamed in upper case"] = () => Workbooks.Edit(Template(), wb => wb.Worksheet(ReportSheetEs).Name = "REPORT"),
        ["report sheet renamed away"] = () => Workbooks.Edit(Template(), wb => wb.Worksheet(ReportSheetEs).Name = "Hoja1"),
        ["report sheet moved after the instructions, with an extra sheet first"] = () => Workbooks.Edit(Template(), wb =>
        {
            wb.Worksheet(ReportSheetEs).Position = 3;
            wb.Worksheets.Add("Notas", 1).Cell("A1").SetValue("hoja extra");
        }),
        ["English-named report sheet in a Spanish template, a second report-named sheet later"] = () => Workbooks.Edit(Template(), wb =>
        {
            wb.Worksheet(ReportSheetEs).Name = " report ";
            wb.Worksheets.Add("Informe").Cell("C2").SetValue("otra hoja");
        }),
        ["metadata sheet deleted"] = () => Workbooks.Edit(Template(), wb => wb.Worksheet(MetadataSheet).Delete()),
        ["metadata tampered, duplicated keys, padded"] = () => Workbooks.Edit(Template(), wb =>
        {
            var ws = wb.Worksheet(MetadataSheet);
            ws.Cell(3, MetadataValueColumn).SetValue("  XX  ");
            ws.Cell(20, MetadataKeyColumn).SetValue(" PlanId ");
            ws.Cell(20, MetadataValueColumn).SetValue("otro");
            ws.Cell(21, MetadataKeyColumn).SetValue(12);
            ws.Cell(21, MetadataValueColumn).SetValue(new DateTime(2021, 1, 2)).Style.NumberFormat.NumberFormatId = 14;
            ws.Cell(22, 5).SetValue("sólo en la columna E");
            ws.Cell(23, MetadataKeyColumn).SetValue("Extra");
        }),
        ["metadata sheet renamed in another case"] = () => Workbooks.Edit(Template(), wb => wb.Worksheet(MetadataSheet).Name = "_METADATA"),
        ["texts with line breaks, escapes and long content"] = () => Edit(ws =>
        {
            ws.Cell(R, ObservationsColumn).SetValue("línea 1\nlínea 2\r\nlínea 3");
            ws.Cell(R + 1, ObservationsColumn).SetValue(new string('x', 1900) + " fin");
            ws.Cell(R + 2, ObservationsColumn).SetValue("guion_bajo _x y x005F sin escape");
            ws.Cell(R + 3, EvidenceColumn).SetValue("  con espacios alrededor  ");
        }),
        ["header cells overwritten with numbers and formulas"] = () => Edit(ws =>
        {
            ws.Cell(PlanCell).SetValue(2020);
            ws.Cell(UnitCell).FormulaA1 = "=\"GT\"";
            ws.Cell(PeriodCell).SetValue(new DateTime(2021, 7, 1)).Style.NumberFormat.NumberFormatId = 14;
            ws.Cell(FocalEmailCell).SetValue(true);
        }),
        ["a custom format with a colour section"] = () => Edit(ws =>
        {
            ws.Cell(R, EjecutadoColumn).SetValue(50).Style.NumberFormat.Format = "0;[Red]-0";
            ws.Cell(R + 1, EjecutadoColumn).SetValue(50).Style.NumberFormat.Format = "General";
            ws.Cell(R + 2, EjecutadoColumn).SetValue(50).Style.NumberFormat.Format = "#,##0.00 \"días\"";
        }),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys) data.Add(name);
        return data;
    }

    private static byte[] Template() => TestPlan.Writer().Write(TestPlan.Guatemala, new ReportingPeriod(2021, 3), Language.Es);

    private static byte[] Edit(Action<IXLWorksheet> edit) => Workbooks.Edit(Template(), wb => edit(wb.Worksheet(ReportSheetEs)));
}
