using System.Diagnostics;
using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.PlanWorkbook;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.PlanWorkbooks;

namespace ServerlessPlan.Tests.Unit.Plan.Matrix;

/// <summary>
/// Broken and hostile plan workbooks give the whole list of problems by sheet and cell, never an exception and never a
/// plan: every kind of mistake at once, plan fields wrong, files that are not workbooks, files at the reader's bounds.
/// </summary>
public sealed class BrokenPlanWorkbookTests
{
    private static readonly Lazy<byte[]> Exported = new(() => Export());

    private static byte[] Edit(Action<XLWorkbook, IXLWorksheet> edit) => Workbooks.Edit(Exported.Value, wb =>
    {
        var ws = MatrixSheet(wb);
        ws.Unprotect();
        edit(wb, ws);
    });

    private static PlanImportResult Invalid(byte[] xlsx)
    {
        var result = Import(xlsx);
        Assert.False(result.Valid);
        Assert.Null(result.Catalog);
        return result;
    }

    [Fact]
    public void Every_mistake_in_the_rows_is_listed_with_its_cell()
    {
        var expected = new List<(string Code, string? Cell)>();
        var xlsx = Edit((_, ws) =>
        {
            void Break(string activity, MatrixColumn column, object? value, string code, int? year = null)
            {
                var cell = Cell(ws, activity, column, year);
                expected.Add((code, cell.Address.ToString()));
                if (value is null) cell.Clear(XLClearOptions.Contents);
                else cell.SetValue(value);
            }
            Break("2.1.2.1", MatrixColumn.Programado, 120, "PLAN_PERCENT_OUT_OF_RANGE", 2021);
            Break("2.1.2.2", MatrixColumn.Ejecutado, "mucho", "PLAN_PERCENT_NOT_A_NUMBER", 2020);
            Break("3.1.1.1", MatrixColumn.Meta, null, "PLAN_ACTIVITY_FIELD_MISSING");
            Break("3.2.1.1", MatrixColumn.Level, null, "PLAN_LEVEL_MISSING");
            Break("3.2.1.2", MatrixColumn.Level, "todos", "PLAN_LEVEL_UNKNOWN");
            Break("4.1.1.1", MatrixColumn.IndicadorEn, null, "PLAN_ENGLISH_MISSING");
            Break("4.1.2.1", MatrixColumn.ActivityText, new string('x', PlanMatrixLayout.MaxTextLength + 1), "PLAN_TEXT_TOO_LONG");
            Break("4.1.2.2", MatrixColumn.IsCount, "quizás", "PLAN_COUNT_UNREADABLE");
            Break("2.1.1.1", MatrixColumn.OperationalCode, "2.1.2", "PLAN_PARENT_CODE_MISMATCH");
            Break("1.1.1.2", MatrixColumn.StrategicText, "Otro texto para el objetivo 1.1", "PLAN_PARENT_TEXT_CONFLICT");
            Break("4.1.2.3", MatrixColumn.MetaEn, Cell(ws, "4.1.2.3", MatrixColumn.Meta).GetString(), "PLAN_ENGLISH_SAME_AS_SPANISH");
            // Codes last: the helpers above find rows by code.
            Break("1.1.1.3", MatrixColumn.ActivityCode, "1.1.1.2", "PLAN_CODE_DUPLICATE");
            Break("1.1.1.4", MatrixColumn.ActivityCode, "1.1.4", "PLAN_CODE_MALFORMED");
            var yearHeader = ws.Cell(PlanMatrixLayout.HeaderRow, Column(ws, MatrixColumn.Programado, 2022));
            expected.Add(("PLAN_YEAR_OUTSIDE_PLAN", yearHeader.Address.ToString()));
            expected.Add(("PLAN_YEAR_COLUMN_MISSING", null));
            yearHeader.SetValue("Programado 2024 (%)");
            var stray = ws.Cell(PlanMatrixLayout.FirstDataRow + 25, Column(ws, MatrixColumn.Meta));
            expected.Add(("PLAN_CODE_MISSING", ws.Cell(stray.Address.RowNumber, Column(ws, MatrixColumn.ActivityCode)).Address.ToString()));
            stray.SetValue("Una meta sin actividad");
        });

        var result = Invalid(xlsx);

        Assert.Equal(expected.ToHashSet(), Findings(result));
        Assert.All(result.Issues.Where(i => i.Cell is not null), i => Assert.Equal(PlanMatrixLayout.DataSheet, i.Sheet));
        Assert.Contains(result.Issues, i => i.Message == $"Hoja «Matriz», celda {expected[0].Cell} (actividad 2.1.2.1): Escriba en la columna «Programado 2021 (%)» / «Programmed 2021 (%)» un porcentaje de 0 a 100: se encontró 120.");
        Assert.Contains(result.Issues, i => i.Code == "PLAN_CODE_DUPLICATE" && i.Message.Contains("ya aparece en", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_and_inconsistent_plan_fields_are_listed_where_they_are()
    {
        var result = Invalid(Edit((wb, _) =>
        {
            PlanFieldCell(wb, PlanField.Id).SetValue("plan 2023/2025");
            PlanFieldCell(wb, PlanField.TitleEn).Clear(XLClearOptions.Contents);
            PlanFieldCell(wb, PlanField.FirstYear).SetValue("dos mil veinte");
        }));
        Assert.Equal(
            new HashSet<(string, string?)>
            {
                ("PLAN_ID_MALFORMED", "B3"), ("PLAN_FIELD_MISSING", null), ("PLAN_YEAR_INVALID", "B6"),
            },
            Findings(result));
        Assert.All(result.Issues.Where(i => i.Cell is not null), i => Assert.Equal(PlanMatrixLayout.InstructionsSheet, i.Sheet));
        Assert.Contains("«Título (inglés)» / «Title (English)»", result.Issues.Single(i => i.Code == "PLAN_FIELD_MISSING").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_reversed_or_an_id_naming_other_years_are_refused()
    {
        var reversed = Invalid(Edit((wb, _) => PlanFieldCell(wb, PlanField.LastYear).SetValue(2019)));
        Assert.Equal(new HashSet<(string, string?)> { ("PLAN_YEARS_INCONSISTENT", "B7") }, Findings(reversed));

        var mismatch = Invalid(Edit((wb, ws) =>
        {
            PlanFieldCell(wb, PlanField.LastYear).SetValue(2023);
            ws.Cell(PlanMatrixLayout.HeaderRow, ws.LastColumnUsed()!.ColumnNumber() + 1).SetValue("Programado 2023 (%)");
        }));
        Assert.Equal(new HashSet<(string, string?)> { ("PLAN_ID_YEARS_MISMATCH", "B3") }, Findings(mismatch));
    }

    [Fact]
    public void A_plan_field_given_twice_with_different_values_is_a_conflict()
    {
        var result = Invalid(Edit((_, ws) =>
        {
            ws.Cell(PlanMatrixLayout.HintRow, 5).SetValue("Primer año");
            ws.Cell(PlanMatrixLayout.HintRow, 6).SetValue(2021);
        }));
        // Neither value is used, so nothing else is checked against a guess (no "year outside the plan" cascade).
        var conflict = Assert.Single(result.Issues);
        Assert.Equal(("PLAN_FIELD_CONFLICT", "Instrucciones", "B6"), (conflict.Code, conflict.Sheet, conflict.Cell));
        Assert.Contains("«2021» en Matriz!F3 y «2020» aquí", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_columns_removed_are_each_named()
    {
        var result = Invalid(Edit((_, ws) =>
        {
            ws.Column(Column(ws, MatrixColumn.ResponsableEn)).Delete();
            ws.Column(Column(ws, MatrixColumn.Level)).Delete();
            ws.Column(Column(ws, MatrixColumn.Programado, 2021)).Delete();
        }));
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Code == "PLAN_COLUMN_MISSING" && e.Message.Contains("«Responsable (inglés)»", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == "PLAN_COLUMN_MISSING" && e.Message.Contains("«Nivel de reporte»", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == "PLAN_YEAR_COLUMN_MISSING" && e.Message.Contains("«Programado 2021 (%)»", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workbook_without_a_matrix_says_what_it_looked_for()
    {
        var result = Invalid(Support.HostileFiles.ValidXlsx());
        Assert.Contains(result.Errors, e => e.Code == "PLAN_SHEET_NOT_FOUND" && e.Message.Contains("«Actividad (código)»", StringComparison.Ordinal));

        // A quarterly template has a table with some of the matrix's headers: what it lacks is named.
        var template = TestPlan.Writer().Write(TestPlan.Guatemala, Core.Plan.ReportingPeriod.Parse("2021-Q3"), Core.Localization.Language.Es);
        var missing = Invalid(template).Errors.Where(e => e.Code == "PLAN_COLUMN_MISSING").Select(e => e.Message).ToList();
        Assert.Contains(missing, m => m.Contains("«Actividad (inglés)»", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> HostileFiles() => new()
    {
        { nameof(Support.HostileFiles.Empty), "FILE_EMPTY" },
        { nameof(Support.HostileFiles.RandomBytes), "NOT_A_WORKBOOK" },
        { nameof(Support.HostileFiles.CsvRenamed), "NOT_A_WORKBOOK" },
        { nameof(Support.HostileFiles.PasswordProtected), "PASSWORD_PROTECTED" },
        { nameof(Support.HostileFiles.LegacyXls), "LEGACY_XLS" },
        { nameof(Support.HostileFiles.TruncatedXlsx), "TRUNCATED_PACKAGE" },
        { nameof(Support.HostileFiles.ZipBomb), "UNCOMPRESSED_TOO_LARGE" },
        { nameof(Support.HostileFiles.LyingZipBomb), "UNCOMPRESSED_TOO_LARGE" },
        { nameof(Support.HostileFiles.MacroEnabled), "MACRO_ENABLED" },
        { nameof(Support.HostileFiles.BillionLaughs), "XML_DTD_FORBIDDEN" },
        { nameof(Support.HostileFiles.WordDocument), "NOT_A_SPREADSHEET" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public void Hostile_files_are_stopped_by_the_guard_before_any_parser(string file, string code)
    {
        var bytes = (byte[])typeof(Support.HostileFiles).GetMethod(file)!.Invoke(null, null)!;
        var result = Invalid(bytes);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void The_guard_holds_a_plan_workbook_to_tighter_limits_than_an_upload()
    {
        var large = new byte[PlanMatrixLayout.MaxFileBytes + 1];
        Exported.Value.CopyTo(large, 0);
        Assert.Contains(Invalid(large).Errors, e => e.Code == "FILE_TOO_LARGE");
        Assert.Contains(Invalid(Support.HostileFiles.TooManyEntries(PlanMatrixLayout.MaxZipEntries)).Errors, e => e.Code == "TOO_MANY_ENTRIES");
    }

    [Fact]
    public void A_package_the_guard_passes_but_whose_xml_is_broken_is_a_finding_not_an_exception()
    {
        var broken = new HandWrittenWorkbook();
        broken.Sheets.Add(new HandWrittenWorkbook.Sheet("Matriz", "", RawXml: $"<worksheet xmlns=\"{HandWrittenWorkbook.Main}\"><sheetData><row r=\"1\"><c r=\"A1\""));
        var result = Invalid(broken.Build());
        Assert.Equal("PLAN_WORKBOOK_UNREADABLE", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Content_below_the_last_row_read_is_a_problem_and_formatting_far_below_is_not()
    {
        var below = Invalid(Edit((_, ws) => ws.Cell(PlanMatrixLayout.MaxRows + 1, 3).SetValue("algo")));
        Assert.Equal(new HashSet<(string, string?)> { ("PLAN_TOO_MANY_ROWS", null) }, Findings(below));

        var styled = Import(Edit((_, ws) => ws.Cell(1_000_000, 3).Style.Fill.SetBackgroundColor(XLColor.Yellow)));
        Assert.True(styled.Valid, Describe(styled.Issues));
    }

    [Fact]
    public void A_text_at_the_limit_is_taken_one_past_it_is_refused()
    {
        var at = Import(Edit((_, ws) => Cell(ws, "1.1.1.1", MatrixColumn.ActivityText).SetValue(new string('a', PlanMatrixLayout.MaxTextLength))));
        Assert.True(at.Valid, Describe(at.Issues));
        Assert.Equal(PlanMatrixLayout.MaxTextLength, at.Catalog!.FindActivity("1.1.1.1")!.Text.Length);
    }

    [Fact]
    public void Thousands_of_problems_are_capped_with_a_count_of_the_rest_quickly()
    {
        var clock = Stopwatch.StartNew();
        var result = Invalid(Edit((_, ws) =>
        {
            var code = Column(ws, MatrixColumn.ActivityCode);
            for (var row = PlanMatrixLayout.FirstDataRow + 20; row < PlanMatrixLayout.MaxRows; row++) ws.Cell(row, code).SetValue($"9.{row}");
        }));
        Assert.Equal(PlanMatrixLayout.MaxProblems + 1, result.Issues.Count);
        var last = result.Issues[^1];
        Assert.Equal("PLAN_TOO_MANY_PROBLEMS", last.Code);
        Assert.Contains($"hay {PlanMatrixLayout.MaxRows - PlanMatrixLayout.FirstDataRow - 20 - PlanMatrixLayout.MaxProblems} problemas más", last.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_workbook_filled_to_the_part_bound_with_long_texts_is_read_in_bounded_time_and_memory()
    {
        // 1,300 rows of 12,000-character texts: about 15.6 MB of sheet XML, just under the 16 MiB the streaming reader
        // takes of one part (the plan workbook's 25 MiB inflation bound is for the whole package).
        var xlsx = LongTextWorkbook(rows: 1_300);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = Invalid(xlsx);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(PlanMatrixLayout.MaxProblems + 1, result.Issues.Count);
        Assert.Contains(result.Issues, i => i.Code == "PLAN_TEXT_TOO_LONG" && i.Message.Contains("12000", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        // The part held once as bytes, kept cell texts bounded to 4,000 characters, plus the parser's buffers.
        Assert.True(allocated < 400L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MiB");
    }

    [Fact]
    public void A_sheet_past_the_part_bound_is_one_worded_finding_not_an_exception()
    {
        // 1,990 rows of 12,000 characters: about 24 MB of sheet XML, under the package's 25 MiB but over one part's 16 MiB.
        var result = Invalid(LongTextWorkbook(rows: 1_990));

        var finding = Assert.Single(result.Issues);
        Assert.Equal("PART_TOO_LARGE", finding.Code);
        Assert.Contains("xl/worksheets/", finding.Message, StringComparison.Ordinal);
    }

    private static byte[] LongTextWorkbook(int rows)
    {
        var text = new string('x', 3 * PlanMatrixLayout.MaxTextLength);
        var body = string.Concat(Enumerable.Range(8, rows).Select(r =>
            $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>1.1.1.{r % 999 + 1}</t></is></c><c r=\"B{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c></row>"));
        var header = "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>Code</t></is></c><c r=\"B7\" t=\"inlineStr\"><is><t>Activity</t></is></c>"
            + "<c r=\"C7\" t=\"inlineStr\"><is><t>Target</t></is></c></row>";
        return new HandWrittenWorkbook().Add("Matriz", header + body).Build();
    }

    [Fact]
    public void More_activities_than_a_plan_may_have_are_refused()
    {
        var result = Invalid(Edit((_, ws) =>
        {
            var source = ws.Row(PlanMatrixLayout.FirstDataRow);
            var code = Column(ws, MatrixColumn.ActivityCode);
            var operational = Column(ws, MatrixColumn.OperationalCode);
            for (var i = 0; i < PlanMatrixLayout.MaxActivities; i++)
            {
                var row = PlanMatrixLayout.FirstDataRow + 20 + i;
                CopyValues(source, ws.Row(row));
                ws.Cell(row, code).SetValue(i < 990 ? $"1.1.1.{10 + i}" : $"1.1.2.{i - 989}");
                ws.Cell(row, operational).Clear(XLClearOptions.Contents);
            }
        }));
        Assert.Contains(result.Errors, e => e.Code == "PLAN_TOO_MANY_ACTIVITIES");
    }

    /// <summary>
    /// A row's values into another row, texts kept as texts (a code such as 1.1 stays text). Not ClosedXML's row
    /// CopyTo, which also copies every validation and format and takes most of a minute over a thousand rows: the
    /// reader reads values only.
    /// </summary>
    private static void CopyValues(IXLRow source, IXLRow target)
    {
        foreach (var cell in source.CellsUsed())
        {
            var copy = target.Cell(cell.Address.ColumnNumber);
            if (cell.DataType == XLDataType.Text)
            {
                copy.SetValue(cell.GetString());
            }
            else
            {
                copy.Value = cell.Value;
            }
        }
    }
}
