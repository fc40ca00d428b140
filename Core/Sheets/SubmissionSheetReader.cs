using System.Globalization;
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
/// Streams instead of loading a DOM, and costs what the template allows, not what the file holds
/// (<see cref="ReadingLimits"/>): the package is opened without the Open XML SDK (<see cref="WorkbookPackage"/>), the
/// workbook and styles parts are streamed for the sheet list and number formats, the metadata sheet is read up to
/// <see cref="ReadingLimits.MaxMetadataRows"/> used rows, the report sheet up to the template's rows plus
/// <see cref="ReadingLimits.RowMargin"/> (<see cref="SheetReadStopKind.TooManyRows"/> past that), keeping only the cells
/// the template defines (<see cref="WorksheetScanner"/>), and only the shared strings those cells point at are
/// materialised (<see cref="SharedStrings"/>). Cell semantics are ClosedXML 0.95.4's (<see cref="CellInterpreter"/>): the
/// tests compare this reader with a ClosedXML-based oracle and list where it deliberately differs.
/// </remarks>
public sealed class SubmissionSheetReader(ILogger<SubmissionSheetReader> logger)
{
    /// <param name="templateRows">
    /// How many activity rows the expected template has (<see cref="ReadingLimits.DefaultTemplateRows"/> when unknown):
    /// reading stops with <see cref="SheetReadStopKind.TooManyRows"/> at data more than
    /// <see cref="ReadingLimits.RowMargin"/> rows below them.
    /// </param>
    public SubmittedSheet Read(Stream workbookStream, int templateRows = ReadingLimits.DefaultTemplateRows)
    {
        ArgumentNullException.ThrowIfNull(workbookStream);
        try
        {
            using var package = WorkbookPackage.Open(workbookStream);
            return Read(package, FirstDataRow + Math.Max(0, templateRows) - 1 + ReadingLimits.RowMargin);
        }
        catch (PartLimitException ex)
        {
            logger.LogInformation("Workbook reading stopped at a limit: {Reason}", ex.Message);
            var kind = ex.Limit == PartLimit.Size ? SheetReadStopKind.PartTooLarge : SheetReadStopKind.XmlTooDeep;
            return new SubmittedSheet { Stopped = new SheetReadStop(kind, ex.Part, ex.Bound) };
        }
        // The package is untrusted and malformed parts throw many unrelated types (XmlException, InvalidDataException,
        // ArgumentException…): all mean "not a workbook".
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            logger.LogInformation(ex, "Workbook could not be opened: {Reason}", ex.Message);
            return new SubmittedSheet { OpenError = ex.Message };
        }
    }

    private static SubmittedSheet Read(WorkbookPackage package, int lastRow)
    {
        var sheets = WorkbookSheets.Read(package, name => IsReportSheet(name) || IsMetadataSheet(name));
        var text = new BoundedTextReader();
        var richText = new RichTextReader(text);

        List<RawRow>? metadataRows = null;
        if (sheets.Find(IsMetadataSheet) is { Part: { } metadataPart })
        {
            var scanner = new WorksheetScanner((_, column) => column is MetadataKeyColumn or MetadataValueColumn, text, richText, trackUsed: true);
            metadataRows = scanner.Rows(package, metadataPart).Where(r => r.Used).Take(ReadingLimits.MaxMetadataRows).ToList();
        }

        var reportSheet = sheets.Find(IsReportSheet);
        var report = new ReportSheetCells();
        WorksheetScanner? reportScanner = null;
        SheetReadStop? stopped = null;
        if (reportSheet is { Part: { } reportPart })
        {
            // Past the last row, the data columns are still looked at, but only to stop at the first one holding anything.
            reportScanner = new WorksheetScanner((row, column) => ReportSheetCells.Wanted(row, column) || (row > lastRow && Array.IndexOf(ReportSheetCells.DataColumns, column) >= 0), text, richText);
            foreach (var row in reportScanner.Rows(package, reportPart))
            {
                if (row.Number > lastRow)
                {
                    if (row.Cells.FirstOrDefault(c => c.HasContent) is not { } found) continue;
                    stopped = new SheetReadStop(SheetReadStopKind.TooManyRows, QuotableName(reportSheet.Name), lastRow,
                        CellReferences.Address(found.Row, found.Column), found.Row);
                    break;
                }
                report.Add(row);
            }
        }

        var wanted = SharedStringIndices(report.All().Concat(metadataRows?.SelectMany(r => r.Cells) ?? []));
        var strings = SharedStrings.Read(package, sheets.SharedStringsPart, wanted, richText);
        var cells = new CellInterpreter(WorkbookStyles.Read(package, sheets.StylesPart), strings, sheets.Date1904);

        var metadata = metadataRows is null ? SubmittedMetadata.Missing : ReadMetadata(metadataRows, cells);
        if (reportSheet is null || reportScanner is null) return new SubmittedSheet { Metadata = metadata };

        return new SubmittedSheet
        {
            ReportSheetName = QuotableName(reportSheet.Name),
            Stopped = stopped,
            Metadata = metadata,
            Plan = Header(PlanCell, report, reportScanner, cells),
            Unit = Header(UnitCell, report, reportScanner, cells),
            Period = Header(PeriodCell, report, reportScanner, cells),
            FocalNameCell = Header(FocalNameCell, report, reportScanner, cells),
            FocalEmailCell = Header(FocalEmailCell, report, reportScanner, cells),
            Rows = ReadRows(report, reportScanner, cells),
        };
    }

    /// <summary>
    /// The report sheet's name as found, for every finding that quotes it: Excel's names are at most 31 characters, so
    /// a longer one (it matched only once trimmed) is quoted trimmed.
    /// </summary>
    private static string QuotableName(string name) => name.Length <= MaxSheetNameLength ? name : name.Trim();

    private const int MaxSheetNameLength = 31;

    private static bool IsMetadataSheet(string name) => string.Equals(name, MetadataSheet, StringComparison.OrdinalIgnoreCase);

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
        {
            if (cell is { Type: RawCellType.SharedString, Formula: null, UnknownType: null }
                && int.TryParse(cell.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0)
            {
                indices.Add(index);
            }
        }

        return indices;
    }
}
