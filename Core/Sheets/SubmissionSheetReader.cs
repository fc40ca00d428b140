using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Sheets.Reading;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// Reads a filled template into a <see cref="SubmittedSheet"/> without judging it and without evaluating anything:
/// formulas contribute their cached value only, odd values (text in a number cell, dates, errors) are surfaced as
/// found. The caller has already checked that the stream is a safe package (size, entries, inflation).
/// </summary>
/// <remarks>
/// Streams instead of loading a DOM: the workbook and styles parts are streamed for the sheet list and number
/// formats, the report and metadata worksheets are streamed once keeping only the cells the template defines
/// (<see cref="WorksheetScanner"/>), and only the shared strings those cells point at are materialised
/// (<see cref="SharedStrings"/>). Cell semantics follow the ClosedXML 0.95.4 reader this replaced
/// (<see cref="CellInterpreter"/>); the tests keep that reader as an oracle and list where this one deliberately differs.
/// </remarks>
public sealed class SubmissionSheetReader(ILogger<SubmissionSheetReader> logger)
{
    private const int MaxMetadataRows = 100;

    public SubmittedSheet Read(Stream workbookStream)
    {
        ArgumentNullException.ThrowIfNull(workbookStream);
        try
        {
            using var document = SpreadsheetDocument.Open(workbookStream, false);
            return Read(document);
        }
        // The package is untrusted and the Open XML SDK throws many unrelated types on malformed parts
        // (XmlException, InvalidDataException, OpenXmlPackageException, NullReferenceException…): all mean "not a workbook".
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            logger.LogInformation(ex, "Workbook could not be opened: {Reason}", ex.Message);
            return new SubmittedSheet { OpenError = ex.Message };
        }
    }

    private static SubmittedSheet Read(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var sheets = WorkbookSheets.Read(workbook);

        var metadataSheet = sheets.Find(workbook, name => string.Equals(name, MetadataSheet, StringComparison.OrdinalIgnoreCase));
        List<RawRow>? metadataRows = null;
        if (metadataSheet is { Part: var metadataPart })
        {
            var scanner = new WorksheetScanner((_, column) => column is MetadataKeyColumn or MetadataValueColumn, trackUsed: true);
            metadataRows = scanner.Rows(metadataPart).Where(r => r.Used).Take(MaxMetadataRows).ToList();
        }

        var reportSheet = sheets.Find(workbook, IsReportSheet);
        var report = new ReportSheetCells();
        WorksheetScanner? reportScanner = null;
        if (reportSheet is { Part: var reportPart })
        {
            reportScanner = new WorksheetScanner(ReportSheetCells.Wanted);
            foreach (var row in reportScanner.Rows(reportPart)) report.Add(row);
        }

        var wanted = SharedStringIndices(report.All().Concat(metadataRows?.SelectMany(r => r.Cells) ?? []));
        var strings = SharedStrings.Read(workbook.SharedStringTablePart, wanted);
        var cells = new CellInterpreter(WorkbookStyles.Read(workbook.WorkbookStylesPart), strings, sheets.Date1904);

        var metadata = metadataRows is null ? SubmittedMetadata.Missing : ReadMetadata(metadataRows, cells);
        if (reportSheet is not { Sheet: var found } || reportScanner is null) return new SubmittedSheet { Metadata = metadata };

        return new SubmittedSheet
        {
            ReportSheetName = found.Name,
            Metadata = metadata,
            Plan = Header(PlanCell, report, reportScanner, cells),
            Unit = Header(UnitCell, report, reportScanner, cells),
            Period = Header(PeriodCell, report, reportScanner, cells),
            FocalNameCell = Header(FocalNameCell, report, reportScanner, cells),
            FocalEmailCell = Header(FocalEmailCell, report, reportScanner, cells),
            Rows = ReadRows(report, reportScanner, cells),
        };
    }

    private static List<SubmittedRow> ReadRows(ReportSheetCells report, WorksheetScanner scanner, CellInterpreter cells)
    {
        var rows = new List<SubmittedRow>();
        foreach (var (number, (raw, found)) in report.DataRows)
        {
            var read = new SheetCell[found.Length];
            for (var i = 0; i < found.Length; i++)
            {
                var column = ReportSheetCells.DataColumns[i];
                var address = CellReferences.Address(number, column);
                read[i] = found[i] is { } cell ? cells.Read(cell, address) : cells.Absent(address, scanner.StyleOfAbsentCell(raw, column));
            }
            var row = new SubmittedRow(number, read[0], read[1], read[2], read[3], read[4], read[5]);
            if (row.ActivityCode is not null || row.HasInput) rows.Add(row);
        }
        return rows;
    }

    private static SheetCell Header(string address, ReportSheetCells report, WorksheetScanner scanner, CellInterpreter cells)
    {
        var rowNumber = int.Parse(address.AsSpan(1), CultureInfo.InvariantCulture);
        var column = CellReferences.ColumnOf(address)!.Value;
        if (report.HeaderRows.TryGetValue(rowNumber, out var entry) && entry.Cell is { } cell) return cells.Read(cell, address);
        return cells.Absent(address, scanner.StyleOfAbsentCell(entry.Row, column));
    }

    private static SubmittedMetadata ReadMetadata(List<RawRow> rows, CellInterpreter cells)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var keyCell = row.Cells.LastOrDefault(c => c.Column == MetadataKeyColumn);
            var valueCell = row.Cells.LastOrDefault(c => c.Column == MetadataValueColumn);
            var key = keyCell is null ? "" : cells.Read(keyCell, "").Text.Trim();
            if (key.Length > 0) pairs.TryAdd(key, valueCell is null ? "" : cells.Read(valueCell, "").Text.Trim());
        }
        return new SubmittedMetadata(true, pairs, TemplateMetadata.TryFrom(pairs));
    }

    private static HashSet<int> SharedStringIndices(IEnumerable<RawCell> cells)
    {
        var indices = new HashSet<int>();
        foreach (var cell in cells)
            if (cell is { Type: RawCellType.SharedString, Formula: null, UnknownType: null }
                && int.TryParse(cell.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0)
                indices.Add(index);
        return indices;
    }
}
