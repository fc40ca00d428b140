using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// A submission reader over ClosedXML 0.95.4's DOM: the oracle the differential tests compare
/// <see cref="SubmissionSheetReader"/> against. Test-only: never ship it (it loads the whole workbook).
/// </summary>
public sealed class ClosedXmlReferenceReader
{
    private const int MaxMetadataRows = 100;

    public SubmittedSheet Read(Stream workbookStream)
    {
        ArgumentNullException.ThrowIfNull(workbookStream);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(workbookStream);
        }
        // The package is untrusted and ClosedXML/Open XML SDK throw many unrelated types on malformed parts
        // (XmlException, InvalidDataException, OpenXmlPackageException, NullReferenceException…): all mean "not a workbook".
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            return new SubmittedSheet { OpenError = ex.Message };
        }

        using (workbook)
        {
            var metadata = ReadMetadata(workbook);
            var ws = workbook.Worksheets.FirstOrDefault(w => IsReportSheet(w.Name));
            if (ws is null) return new SubmittedSheet { Metadata = metadata };

            return new SubmittedSheet
            {
                ReportSheetName = ws.Name,
                Metadata = metadata,
                Plan = ReadCell(ws.Cell(PlanCell)),
                Unit = ReadCell(ws.Cell(UnitCell)),
                Period = ReadCell(ws.Cell(PeriodCell)),
                FocalNameCell = ReadCell(ws.Cell(FocalNameCell)),
                FocalEmailCell = ReadCell(ws.Cell(FocalEmailCell)),
                Rows = ReadRows(ws),
            };
        }
    }

    private static List<SubmittedRow> ReadRows(IXLWorksheet ws)
    {
        var rows = new List<SubmittedRow>();
        var last = ws.LastRowUsed()?.RowNumber() ?? 0;
        if (last < FirstDataRow) return rows;

        // RowsUsed visits only rows with content, so a stray value far below costs nothing.
        foreach (var used in ws.Range(FirstDataRow, 1, last, LastColumn).RowsUsed())
        {
            var r = used.RowNumber();
            var row = new SubmittedRow(r,
                ReadCell(ws.Cell(r, CodeColumn)),
                ReadCell(ws.Cell(r, EjecutadoColumn)),
                ReadCell(ws.Cell(r, StatusColumn)),
                ReadCell(ws.Cell(r, QuantityColumn)),
                ReadCell(ws.Cell(r, ObservationsColumn)),
                ReadCell(ws.Cell(r, EvidenceColumn)));
            if (row.ActivityCode is not null || row.HasInput) rows.Add(row);
        }
        return rows;
    }

    private static SubmittedMetadata ReadMetadata(XLWorkbook workbook)
    {
        var ws = workbook.Worksheets.FirstOrDefault(w => string.Equals(w.Name, MetadataSheet, StringComparison.OrdinalIgnoreCase));
        if (ws is null) return SubmittedMetadata.Missing;

        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in ws.RowsUsed().Take(MaxMetadataRows))
        {
            var key = ReadCell(row.Cell(MetadataKeyColumn)).Text.Trim();
            if (key.Length > 0) pairs.TryAdd(key, ReadCell(row.Cell(MetadataValueColumn)).Text.Trim());
        }
        return new SubmittedMetadata(true, pairs, TemplateMetadata.TryFrom(pairs));
    }

    /// <summary>The cell as stored. Never evaluates: <c>Value</c>/<c>GetString</c> would compute a formula.</summary>
    private static SheetCell ReadCell(IXLCell cell)
    {
        var address = cell.Address.ToString() ?? "";
        var format = cell.Style.NumberFormat.Format ?? "";
        var formatId = cell.Style.NumberFormat.NumberFormatId;
        try
        {
            if (cell.HasFormula) return FromCached(address, cell.CachedValue, format, formatId, cell.FormulaA1);
            // A typed cell without a value (<c t="n"/>, as ClosedXML and other tools save a cleared cell) is blank, not unreadable.
            if (cell.IsEmpty()) return new(address, SheetValueKind.Empty, null, "", format, formatId, null);

            return cell.DataType switch
            {
                XLDataType.Number => Number(address, cell.GetDouble(), format, formatId, null),
                XLDataType.Boolean => new(address, SheetValueKind.Boolean, cell.GetBoolean(), cell.GetBoolean() ? "TRUE" : "FALSE", format, formatId, null),
                XLDataType.DateTime => DateTimeCell(address, cell.GetDateTime(), format, formatId),
                XLDataType.TimeSpan => new(address, SheetValueKind.TimeSpan, cell.GetTimeSpan(), cell.GetTimeSpan().ToString("c", CultureInfo.InvariantCulture), format, formatId, null),
                _ => Text(address, cell.GetString(), format, formatId, null),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            // A value whose stored type does not parse: surface it as unreadable text rather than fail the upload.
            return new(address, SheetValueKind.Text, null, "#?", format, formatId, cell.HasFormula ? cell.FormulaA1 : null);
        }
    }

    /// <summary>
    /// ClosedXML 0.95.4 keeps a loaded formula's cached value as text whatever its type, so a numeric-looking cached
    /// value is taken as a number; errors (<c>#DIV/0!</c>) stay text.
    /// </summary>
    private static SheetCell FromCached(string address, object? cached, string format, int formatId, string formula) => cached switch
    {
        null => new(address, SheetValueKind.Empty, null, "", format, formatId, formula),
        double d => Number(address, d, format, formatId, formula),
        bool b => new(address, SheetValueKind.Boolean, b, b ? "TRUE" : "FALSE", format, formatId, formula),
        DateTime dt => DateTimeCell(address, dt, format, formatId) with { Formula = formula },
        _ when double.TryParse(Convert.ToString(cached, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            => Number(address, n, format, formatId, formula),
        _ => Text(address, Convert.ToString(cached, CultureInfo.InvariantCulture) ?? "", format, formatId, formula),
    };

    private static SheetCell Number(string address, double value, string format, int formatId, string? formula) =>
        new(address, SheetValueKind.Number, value, value.ToString("R", CultureInfo.InvariantCulture), format, formatId, formula);

    private static SheetCell DateTimeCell(string address, DateTime value, string format, int formatId) =>
        new(address, SheetValueKind.DateTime, value, value.ToString(value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), format, formatId, null);

    /// <summary>Whitespace-only text counts as empty: nobody means to report a space.</summary>
    private static SheetCell Text(string address, string text, string format, int formatId, string? formula) =>
        string.IsNullOrWhiteSpace(text)
            ? new(address, SheetValueKind.Empty, null, "", format, formatId, formula)
            : new(address, SheetValueKind.Text, text, text, format, formatId, formula);
}
