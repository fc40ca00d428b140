using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using ServerlessPlan.Core.PlanWorkbook;
using static ServerlessPlan.Tests.Support.PlanWorkbooks;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The edit the ST makes to turn the exported 2020-2022 matrix into the next plan: new id, title and years (2020 → 2023
/// …), no recorded ejecutado, activity 4.1.1.1 removed, activity 4.1.3.2 added — once in Excel (ClosedXML) and once
/// the way a script does it (the raw Open XML SDK writing inline strings, a row deleted and one appended).
/// </summary>
public static partial class PlanWorkbookEdits
{
    public const string NextId = "2023-2025";
    public const string Removed = "4.1.1.1";
    public const string Added = "4.1.3.2";

    public static readonly string[] AddedSpanish =
    [
        "Presentar a la cooperación internacional un portafolio de proyectos regionales",
        "Portafolio de proyectos presentado a la cooperación",
        "Número de proyectos presentados",
        "Secretaría Técnica y Presidencia",
    ];

    public static readonly string[] AddedEnglish =
    [
        "Present a portfolio of regional projects to international cooperation",
        "Project portfolio presented to cooperation partners",
        "Number of projects presented",
        "Technical Secretariat and Presidency",
    ];

    public static byte[] InExcel(byte[] exported) => Workbooks.Edit(exported, wb =>
    {
        PlanFieldCell(wb, PlanField.Id).SetValue(NextId);
        PlanFieldCell(wb, PlanField.TitleEs).SetValue("Matriz del Plan Operativo 2023-2025");
        PlanFieldCell(wb, PlanField.TitleEn).SetValue("Operational Plan Matrix 2023-2025");
        PlanFieldCell(wb, PlanField.FirstYear).SetValue(2023);
        PlanFieldCell(wb, PlanField.LastYear).SetValue(2025);

        var ws = MatrixSheet(wb);
        ws.Unprotect();
        foreach (var row in new[] { PlanMatrixLayout.HeaderRow, PlanMatrixLayout.EnglishHeaderRow })
        {
            foreach (var cell in ws.Row(row).CellsUsed())
                cell.SetValue(ShiftYears(cell.GetString()));
        }

        var ejecutado = Enumerable.Range(2023, 3).Select(y => Column(ws, MatrixColumn.Ejecutado, y)).ToList();
        foreach (var column in ejecutado) ws.Range(PlanMatrixLayout.FirstDataRow, column, PlanMatrixLayout.FirstDataRow + 30, column).Clear(XLClearOptions.Contents);

        var source = Row(ws, "4.1.3.1");
        ws.Row(source).InsertRowsBelow(1);
        ws.Row(source).CopyTo(ws.Row(source + 1));
        void Set(MatrixColumn column, object? value, int? year = null)
        {
            var cell = ws.Cell(source + 1, Column(ws, column, year));
            if (value is null) cell.Clear(XLClearOptions.Contents);
            else cell.SetValue(value);
        }
        Set(MatrixColumn.ActivityCode, Added);
        Set(MatrixColumn.ActivityLabel, "4.1.3.2.");
        Set(MatrixColumn.ActivityText, AddedSpanish[0]);
        Set(MatrixColumn.Meta, AddedSpanish[1]);
        Set(MatrixColumn.Indicador, AddedSpanish[2]);
        Set(MatrixColumn.Responsable, AddedSpanish[3]);
        Set(MatrixColumn.ActivityTextEn, AddedEnglish[0]);
        Set(MatrixColumn.MetaEn, AddedEnglish[1]);
        Set(MatrixColumn.IndicadorEn, AddedEnglish[2]);
        Set(MatrixColumn.ResponsableEn, AddedEnglish[3]);
        Set(MatrixColumn.Level, "regional");
        Set(MatrixColumn.IsCount, "sí");
        Set(MatrixColumn.Programado, 30, 2023);
        Set(MatrixColumn.Programado, 70, 2024);
        Set(MatrixColumn.Programado, null, 2025);

        ws.Row(Row(ws, Removed)).Delete();
    });

    /// <summary>
    /// The same edit as a script writes it: values as inline strings (numbers too: "30 %", "2023"), the removed activity's
    /// row element dropped (a gap), the new activity appended two rows below the last one.
    /// </summary>
    public static byte[] ByScript(byte[] exported)
    {
        using var stream = new MemoryStream();
        stream.Write(exported);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = doc.WorkbookPart!;
            var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<S.SharedStringItem>().Select(s => s.InnerText).ToList();
            string TextOf(S.Cell c) => c.DataType?.Value == S.CellValues.SharedString && c.CellValue is { } v ? strings[int.Parse(v.Text)] : c.InnerText;

            var instructions = Sheet(workbook, PlanMatrixLayout.InstructionsSheet);
            var fieldRow = PlanMatrixLayout.FirstPlanFieldRow;
            foreach (var value in new[] { NextId, "Matriz del Plan Operativo 2023-2025", "Operational Plan Matrix 2023-2025", "2023", "2025" })
                Inline(CellAt(instructions, $"B{fieldRow++}"), value);
            instructions.Worksheet.Save();

            var matrix = Sheet(workbook, PlanMatrixLayout.DataSheet);
            var rows = matrix.Worksheet.Descendants<S.Row>().ToList();
            Dictionary<string, string> columnOf = [];
            foreach (var cell in rows.Single(r => r.RowIndex!.Value == PlanMatrixLayout.HeaderRow).Elements<S.Cell>())
                columnOf[TextOf(cell)] = Letters(cell.CellReference!);
            foreach (var row in rows.Where(r => r.RowIndex!.Value is PlanMatrixLayout.HeaderRow or PlanMatrixLayout.EnglishHeaderRow))
            {
                foreach (var cell in row.Elements<S.Cell>())
                    Inline(cell, ShiftYears(TextOf(cell)));
            }

            var ejecutado = new[] { 2020, 2021, 2022 }.Select(y => columnOf[MatrixHeaders.For(MatrixColumn.Ejecutado, y).Es]).ToHashSet();
            var codeColumn = columnOf[MatrixHeaders.For(MatrixColumn.ActivityCode).Es];
            S.Row? last = null, template = null;
            foreach (var row in rows.Where(r => r.RowIndex!.Value >= PlanMatrixLayout.FirstDataRow))
            {
                foreach (var cell in row.Elements<S.Cell>().Where(c => ejecutado.Contains(Letters(c.CellReference!))).ToList()) cell.Remove();
                var code = row.Elements<S.Cell>().FirstOrDefault(c => Letters(c.CellReference!) == codeColumn) is { } c ? TextOf(c) : null;
                if (code == Removed) row.Remove();
                if (code == "4.1.3.1") template = row;
                if (code is not null) last = row;
            }

            var number = last!.RowIndex!.Value + 2;
            var added = new S.Row { RowIndex = number };
            foreach (var cell in template!.Elements<S.Cell>())
            {
                var letters = Letters(cell.CellReference!);
                var header = columnOf.Single(kv => kv.Value == letters).Key;
                var value = MatrixHeaders.Recognise(header)!.Value switch
                {
                    { Column: MatrixColumn.ActivityCode } => Added,
                    { Column: MatrixColumn.ActivityLabel } => "4.1.3.2.",
                    { Column: MatrixColumn.ActivityText } => AddedSpanish[0],
                    { Column: MatrixColumn.Meta } => AddedSpanish[1],
                    { Column: MatrixColumn.Indicador } => AddedSpanish[2],
                    { Column: MatrixColumn.Responsable } => AddedSpanish[3],
                    { Column: MatrixColumn.ActivityTextEn } => AddedEnglish[0],
                    { Column: MatrixColumn.MetaEn } => AddedEnglish[1],
                    { Column: MatrixColumn.IndicadorEn } => AddedEnglish[2],
                    { Column: MatrixColumn.ResponsableEn } => AddedEnglish[3],
                    { Column: MatrixColumn.Level } => "Regional",
                    { Column: MatrixColumn.IsCount } => "yes",
                    { Column: MatrixColumn.Programado, Year: 2020 } => "30 %",
                    { Column: MatrixColumn.Programado, Year: 2021 } => "70",
                    { Column: MatrixColumn.Programado or MatrixColumn.Ejecutado } => null,
                    _ => TextOf(cell),
                };
                if (value is not null) added.Append(Inline(new S.Cell { CellReference = $"{letters}{number}" }, value));
            }
            last.InsertAfterSelf(added);
            matrix.Worksheet.Save();
        }
        return stream.ToArray();
    }

    /// <summary>2020 → 2023, 2021 → 2024, 2022 → 2025 in a header.</summary>
    public static string ShiftYears(string text) => YearPattern().Replace(text, m => (int.Parse(m.Value) + 3).ToString());

    private static S.Cell Inline(S.Cell cell, string value)
    {
        cell.RemoveAllChildren();
        cell.DataType = S.CellValues.InlineString;
        cell.StyleIndex = null;
        cell.Append(new S.InlineString(new S.Text(value)));
        return cell;
    }

    private static WorksheetPart Sheet(WorkbookPart workbook, string name) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook.Descendants<S.Sheet>().Single(s => s.Name == name).Id!.Value!);

    private static S.Cell CellAt(WorksheetPart part, string reference) =>
        part.Worksheet.Descendants<S.Cell>().Single(c => c.CellReference == reference);

    private static string Letters(string reference) => new(reference.TakeWhile(char.IsLetter).ToArray());

    [GeneratedRegex("202[0-2]")]
    private static partial Regex YearPattern();
}
