using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Bench;

/// <summary>
/// The least work the same job could cost, to measure ours against: reading a sheet or writing the tidy rows with
/// the Open XML SDK's forward-only reader and writer and doing nothing else.
/// </summary>
public static class StreamingFloors
{
    /// <summary>
    /// Opens the package and streams every element of the report worksheet with <see cref="OpenXmlReader"/> (no DOM,
    /// no shared strings, no validation).
    /// </summary>
    /// <returns>The number of cells seen, so the work cannot be optimised away.</returns>
    public static int ReadSheet(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => TemplateLayout.IsReportSheet(s.Name?.Value ?? ""))
            ?? throw new InvalidDataException("No report sheet.");
        var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
        var cells = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(Cell)) cells++;
        return cells;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as one bare workbook: a zip written forward-only, a minimal workbook part and a
    /// worksheet streamed with <see cref="OpenXmlWriter"/>, inline strings, no styles, split into sheets of
    /// <paramref name="rowsPerSheet"/> as ours is. (<c>SpreadsheetDocument.Create</c> is not used: System.IO.Packaging
    /// buffers each new part in memory, which would make the floor slower than the thing measured against it.)
    /// </summary>
    public static async Task<long> WriteRowsAsync(Stream output, IAsyncEnumerable<TidyRow> rows, int rowsPerSheet, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var sheets = 0;
        long total = 0;
        Stream? part = null;
        OpenXmlWriter? writer = null;
        var inSheet = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (writer is null || inSheet >= rowsPerSheet)
            {
                Close(writer, part);
                part = zip.CreateEntry($"xl/worksheets/sheet{++sheets}.xml", CompressionLevel.Fastest).Open();
                writer = OpenXmlWriter.Create(part);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                inSheet = 0;
            }
            WriteRow(writer, ++inSheet, row);
            total++;
        }
        Close(writer, part);

        PackageParts(zip, sheets);
        return total;
    }

    /// <summary>The package's fixed parts for <paramref name="sheets"/> worksheets written as <c>xl/worksheets/sheetN.xml</c>.</summary>
    private static void PackageParts(ZipArchive zip, int sheets)
    {
        Entry(zip, "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            string.Concat(Enumerable.Range(1, sheets).Select(i =>
                $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
            "</Types>");
        Entry(zip, "_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry(zip, "xl/workbook.xml",
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
            string.Concat(Enumerable.Range(1, sheets).Select(i => $"<sheet name=\"Datos {i}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>")) + "</sheets></workbook>");
        Entry(zip, "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            string.Concat(Enumerable.Range(1, sheets).Select(i =>
                $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>")) +
            "</Relationships>");
    }

    /// <summary>
    /// Writes one sheet of <paramref name="rows"/> as a bare workbook (as <see cref="WriteRowsAsync"/>: forward-only zip,
    /// <see cref="OpenXmlWriter"/>, inline strings, numbers as numbers, no styles, no merges, no page setup): the floor of
    /// a small formatted report such as the filled plan matrix.
    /// </summary>
    /// <returns>The number of cells written.</returns>
    public static long WriteGrid(Stream output, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        long cells = 0;
        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var index = 0;
            foreach (var row in rows)
            {
                var n = (++index).ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", n)]);
                for (var c = 0; c < row.Count; c++)
                {
                    var column = ColumnName(c);
                    switch (row[c])
                    {
                        case string text: Text(writer, column, n, text); cells++; break;
                        case double number: Number(writer, column, n, number); cells++; break;
                    }
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        PackageParts(zip, 1);
        return cells;
    }

    private static string ColumnName(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static void WriteRow(OpenXmlWriter writer, int index, TidyRow r)
    {
        var n = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", n)]);
        Text(writer, "A", n, r.Period);
        Number(writer, "B", n, r.Year);
        Number(writer, "C", n, r.Quarter);
        Text(writer, "D", n, r.UnitCode);
        Text(writer, "E", n, r.UnitName);
        Text(writer, "F", n, r.AxisCode);
        Text(writer, "G", n, r.ActivityCode);
        Text(writer, "H", n, r.ActivityLabel);
        Number(writer, "I", n, r.Programado);
        Number(writer, "J", n, r.Ejecutado);
        Text(writer, "K", n, r.Status);
        Number(writer, "L", n, r.Quantity);
        Text(writer, "M", n, r.Observaciones);
        Text(writer, "N", n, r.Evidencia);
        Text(writer, "O", n, r.SubmissionId);
        Number(writer, "P", n, r.UploadedAt?.UtcDateTime.ToOADate());
        writer.WriteEndElement();
    }

    private static void Text(OpenXmlWriter writer, string column, string row, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        writer.WriteElement(new Cell(new InlineString(new Text(value))) { CellReference = column + row, DataType = CellValues.InlineString });
    }

    private static void Number(OpenXmlWriter writer, string column, string row, double? value)
    {
        if (value is not { } v) return;
        writer.WriteElement(new Cell(new CellValue(v.ToString("R", CultureInfo.InvariantCulture))) { CellReference = column + row });
    }

    private static void Close(OpenXmlWriter? writer, Stream? part)
    {
        if (writer is null) return;
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
        writer.Close();
        part?.Dispose();
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }
}
