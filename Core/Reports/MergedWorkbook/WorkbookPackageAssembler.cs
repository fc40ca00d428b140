using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Spreadsheet;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// Copies the small ClosedXML-built package to the output and appends the data sheets, streamed. The output is a
/// new zip written forward-only (<see cref="ZipArchiveMode.Create"/>): re-opening the package for update would make
/// System.IO.Packaging buffer every new part in memory, which is exactly what a million-row sheet cannot afford.
/// Only the small parts that must learn about the new sheets (workbook, its relationships, content types, styles)
/// are rewritten, through the Open XML SDK's typed DOM.
/// </summary>
internal static class WorkbookPackageAssembler
{
    private const string WorkbookPath = "xl/workbook.xml";
    private const string WorkbookRelsPath = "xl/_rels/workbook.xml.rels";
    private const string StylesPath = "xl/styles.xml";
    private const string ContentTypesPath = "[Content_Types].xml";
    private const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    private const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private static readonly XNamespace RelsNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace TypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    /// <returns>The number of data rows and data sheets written.</returns>
    public static async Task<(long Rows, int Sheets)> AssembleAsync(Stream smallPackage, Stream output, string dataSheetName,
        IAsyncEnumerable<TidyRow> rows, int maxRowsPerSheet, CancellationToken ct)
    {
        using var source = new ZipArchive(smallPackage, ZipArchiveMode.Read, leaveOpen: true);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        var rewritten = new HashSet<string>(StringComparer.Ordinal) { WorkbookPath, WorkbookRelsPath, StylesPath, ContentTypesPath };
        foreach (var entry in source.Entries.Where(e => !rewritten.Contains(e.FullName)))
        {
            await using var from = entry.Open();
            await using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
            await from.CopyToAsync(to, ct);
        }

        var styles = new Stylesheet(WithoutDeclaration(Read(source, StylesPath)));
        var (headerStyle, dateStyle) = AddDataStyles(styles);
        Write(target, StylesPath, styles.OuterXml);

        var sheets = new List<(string Name, string Part, string FilterRange)>();
        long total = 0;
        DataSheetWriter? sheet = null;
        Stream? part = null;
        try
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                if (sheet is null || sheet.Rows >= maxRowsPerSheet)
                {
                    Close(sheet, part, sheets);
                    (sheet, part) = Open(target, sheets.Count + 1, headerStyle, dateStyle);
                }
                sheet.Write(row);
                total++;
            }
            // Even without rows the data sheet exists, with its header, so analysts' queries keep working.
            if (sheet is null) (sheet, part) = Open(target, 1, headerStyle, dateStyle);
            Close(sheet, part, sheets);
            sheet = null;
            part = null;
        }
        finally
        {
            sheet?.Dispose();
            part?.Dispose();
        }

        for (var i = 0; i < sheets.Count; i++)
            sheets[i] = sheets[i] with { Name = i == 0 ? dataSheetName : $"{dataSheetName} {i + 1}" };

        Write(target, WorkbookPath, AddSheets(Read(source, WorkbookPath), sheets));
        Write(target, WorkbookRelsPath, AddRelationships(Read(source, WorkbookRelsPath), sheets));
        Write(target, ContentTypesPath, AddContentTypes(Read(source, ContentTypesPath), sheets));
        return (total, sheets.Count);
    }

    private static (DataSheetWriter, Stream) Open(ZipArchive target, int number, uint headerStyle, uint dateStyle)
    {
        var part = target.CreateEntry($"xl/worksheets/datos{number}.xml", CompressionLevel.Fastest).Open();
        return (new DataSheetWriter(part, headerStyle, dateStyle), part);
    }

    private static void Close(DataSheetWriter? sheet, Stream? part, List<(string Name, string Part, string FilterRange)> sheets)
    {
        if (sheet is null || part is null) return;
        sheet.Finish();
        var range = sheet.FilterRange;
        sheet.Dispose();
        part.Dispose();
        sheets.Add(("", $"worksheets/datos{sheets.Count + 1}.xml", range));
    }

    private static (uint Header, uint Date) AddDataStyles(Stylesheet styles)
    {
        styles.Fonts ??= new Fonts(new Font());
        styles.Fonts.Append(new Font(new Bold()));
        styles.Fonts.Count = (uint)styles.Fonts.ChildElements.Count;
        var boldFont = styles.Fonts.Count.Value - 1;

        styles.NumberingFormats ??= new NumberingFormats();
        var formatId = Math.Max(164u, styles.NumberingFormats.Elements<NumberingFormat>().Select(f => f.NumberFormatId?.Value ?? 0).DefaultIfEmpty(163u).Max() + 1);
        styles.NumberingFormats.Append(new NumberingFormat { NumberFormatId = formatId, FormatCode = SheetCells.DateFormat });
        styles.NumberingFormats.Count = (uint)styles.NumberingFormats.ChildElements.Count;

        var xfs = styles.CellFormats ??= new CellFormats(new CellFormat());
        xfs.Append(new CellFormat { FontId = boldFont, ApplyFont = true, NumberFormatId = 0, FillId = 0, BorderId = 0 });
        xfs.Append(new CellFormat { NumberFormatId = formatId, ApplyNumberFormat = true, FontId = 0, FillId = 0, BorderId = 0 });
        xfs.Count = (uint)xfs.ChildElements.Count;
        return (xfs.Count.Value - 2, xfs.Count.Value - 1);
    }

    private static string AddSheets(string xml, List<(string Name, string Part, string FilterRange)> sheets)
    {
        var workbook = new Workbook(WithoutDeclaration(xml));
        var list = workbook.Sheets ?? throw new InvalidDataException("The workbook has no sheet list.");
        var existing = list.Elements<Sheet>().ToList();
        var nextId = existing.Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
        var names = workbook.DefinedNames ??= new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, _, range) = sheets[i];
            list.Append(new Sheet { Name = name, SheetId = nextId + (uint)i, Id = RelationshipId(i) });
            // Excel's own record of an auto-filter's range; without it some readers drop the filter buttons.
            names.Append(new DefinedName($"'{name}'!{Absolute(range)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = (uint)(existing.Count + i),
                Hidden = true,
            });
            // The header row repeats on every printed page.
            names.Append(new DefinedName($"'{name}'!$1:$1")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = (uint)(existing.Count + i),
            });
        }
        return workbook.OuterXml;
    }

    private static string AddRelationships(string xml, List<(string Name, string Part, string FilterRange)> sheets)
    {
        var doc = XDocument.Parse(xml);
        for (var i = 0; i < sheets.Count; i++)
        {
            doc.Root!.Add(new XElement(RelsNs + "Relationship",
                new XAttribute("Id", RelationshipId(i)), new XAttribute("Type", WorksheetType), new XAttribute("Target", sheets[i].Part)));
        }

        return doc.Declaration + doc.ToString(SaveOptions.DisableFormatting);
    }

    private static string AddContentTypes(string xml, List<(string Name, string Part, string FilterRange)> sheets)
    {
        var doc = XDocument.Parse(xml);
        foreach (var sheet in sheets)
        {
            doc.Root!.Add(new XElement(TypesNs + "Override",
                new XAttribute("PartName", "/xl/" + sheet.Part), new XAttribute("ContentType", WorksheetContentType)));
        }

        return doc.Declaration + doc.ToString(SaveOptions.DisableFormatting);
    }

    private static string RelationshipId(int index) => $"rIdDatos{index + 1}";

    private static string Absolute(string range)
    {
        var parts = range.Split(':');
        return string.Join(':', parts.Select(p =>
        {
            var digits = p.IndexOfAny("0123456789".ToCharArray());
            return $"${p[..digits]}${p[digits..]}";
        }));
    }

    // The typed DOM builds an element from its outer XML, which excludes the document's declaration.
    private static string WithoutDeclaration(string xml)
    {
        xml = xml.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : xml;
    }

    private static string Read(ZipArchive archive, string path)
    {
        var entry = archive.GetEntry(path) ?? throw new InvalidDataException($"The workbook package has no {path}.");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Write(ZipArchive archive, string path, string xml)
    {
        using var stream = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        if (!xml.StartsWith("<?xml", StringComparison.Ordinal)) writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>");
        writer.Write(xml);
    }
}
