using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.PlanWorkbook;

namespace ServerlessPlan.Tests.Support;

/// <summary>Plan workbooks for tests: the export of a catalog, edits of it, and the import's verdict.</summary>
public static class PlanWorkbooks
{
    public static readonly PlanMatrixImporter Importer = new(NullLogger<Core.Packages.PackageInspector>.Instance, NullLogger<PlanMatrixImporter>.Instance);

    public static byte[] Export(PlanCatalog? catalog = null) => new PlanMatrixWriter().Write(catalog ?? RealPlan.Catalog);

    public static PlanImportResult Import(byte[] xlsx, Language language = Language.Es) =>
        // A memory stream: the import completes synchronously.
        Importer.ImportAsync(new MemoryStream(xlsx), "matriz.xlsx", language, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Imports and requires a valid plan, showing every finding when it is not.</summary>
    public static PlanCatalog ImportValid(byte[] xlsx)
    {
        var result = Import(xlsx);
        Assert.True(result.Valid, "invalid: " + string.Join(Environment.NewLine, result.Issues.Select(i => $"{i.Code} {i.Message}")));
        return result.Catalog!;
    }

    /// <summary>(code, cell) of each finding, for assertions on the whole list.</summary>
    public static HashSet<(string Code, string? Cell)> Findings(PlanImportResult result) =>
        result.Issues.Select(i => (i.Code, i.Cell)).ToHashSet();

    public static IXLWorksheet MatrixSheet(XLWorkbook wb) => wb.Worksheet(PlanMatrixLayout.DataSheet);

    /// <summary>The sheet column of a header (Spanish header row).</summary>
    public static int Column(IXLWorksheet matrix, MatrixColumn column, int? year = null) =>
        matrix.Row(PlanMatrixLayout.HeaderRow).CellsUsed().Single(c => c.GetString() == MatrixHeaders.For(column, year).Es).Address.ColumnNumber;

    /// <summary>The row of an activity on the matrix sheet.</summary>
    public static int Row(IXLWorksheet matrix, string activity)
    {
        var code = Column(matrix, MatrixColumn.ActivityCode);
        return matrix.Column(code).CellsUsed().Single(c => c.GetString() == activity).Address.RowNumber;
    }

    public static IXLCell Cell(IXLWorksheet matrix, string activity, MatrixColumn column, int? year = null) =>
        matrix.Cell(Row(matrix, activity), Column(matrix, column, year));

    public static string Address(IXLWorksheet matrix, string activity, MatrixColumn column, int? year = null) =>
        Cell(matrix, activity, column, year).Address.ToString()!;

    public static IXLCell PlanFieldCell(XLWorkbook wb, PlanField field) =>
        wb.Worksheet(PlanMatrixLayout.InstructionsSheet).Cell(PlanMatrixLayout.FirstPlanFieldRow + PlanFields.All.ToList().IndexOf(field), PlanMatrixLayout.PlanFieldValueColumn);

    public static string Describe(IEnumerable<ValidationIssue> issues) => string.Join(Environment.NewLine, issues.Select(i => $"{i.Code} {i.Cell}: {i.Message}"));
}
