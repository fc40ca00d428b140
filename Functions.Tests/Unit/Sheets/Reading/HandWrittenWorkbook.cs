using System.IO.Compression;
using System.Text;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// Writes a workbook package part by part from XML strings, the way scripts and other programs produce them:
/// nothing is normalised, so tests control every attribute (no <c>r</c>, inline strings, <c>t="d"</c>, odd relationship
/// targets). Sheet XML is the content of <c>&lt;sheetData&gt;</c> unless <see cref="Sheet.RawXml"/> is set.
/// </summary>
public sealed class HandWrittenWorkbook
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public sealed record Sheet(string Name, string SheetData, string? RawXml = null, string? Target = null);

    public List<Sheet> Sheets { get; } = [];

    /// <summary><c>&lt;si&gt;</c> elements (inner XML each), in index order; null writes no shared-string part.</summary>
    public List<string>? SharedStrings { get; set; }

    /// <summary>The styles part's inner XML (<c>numFmts</c>, <c>cellXfs</c>…); null writes no styles part.</summary>
    public string? Styles { get; set; }

    public bool Date1904 { get; set; }

    public HandWrittenWorkbook Add(string name, string sheetData, string? target = null)
    {
        Sheets.Add(new Sheet(name, sheetData, Target: target));
        return this;
    }

    /// <summary>A metadata sheet as the template writes it, for the given unit and period (version 1, Spanish).</summary>
    public HandWrittenWorkbook AddMetadata(string planId, string unit, string period, string fingerprint) =>
        Add("_metadata", string.Concat(new[]
        {
            ("TemplateVersion", "1"), ("PlanId", planId), ("UnitCode", unit), ("Period", period), ("Language", "es"),
            ("ActivityFingerprint", fingerprint),
        }.Select((kv, i) => $"<row r=\"{i + 1}\"><c r=\"A{i + 1}\" t=\"inlineStr\"><is><t>{kv.Item1}</t></is></c><c r=\"B{i + 1}\" t=\"inlineStr\"><is><t>{kv.Item2}</t></is></c></row>")));

    public byte[] Build()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var overrides = new StringBuilder();
            var rels = new StringBuilder();
            var sheets = new StringBuilder();
            for (var i = 0; i < Sheets.Count; i++)
            {
                var sheet = Sheets[i];
                var path = $"xl/worksheets/sheet{i + 1}.xml";
                overrides.Append($"<Override PartName=\"/{path}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                rels.Append($"<Relationship Id=\"rIdS{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"{sheet.Target ?? $"worksheets/sheet{i + 1}.xml"}\"/>");
                sheets.Append($"<sheet name=\"{sheet.Name}\" sheetId=\"{i + 1}\" r:id=\"rIdS{i + 1}\"/>");
                Entry(zip, path, sheet.RawXml ?? $"<worksheet xmlns=\"{Main}\"><sheetData>{sheet.SheetData}</sheetData></worksheet>");
            }
            if (SharedStrings is not null)
            {
                overrides.Append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
                rels.Append("<Relationship Id=\"rIdSst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
                Entry(zip, "xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\" count=\"{SharedStrings.Count}\" uniqueCount=\"{SharedStrings.Count}\">" +
                    string.Concat(SharedStrings.Select(s => $"<si>{s}</si>")) + "</sst>");
            }
            if (Styles is not null)
            {
                overrides.Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
                rels.Append("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
                Entry(zip, "xl/styles.xml", $"<styleSheet xmlns=\"{Main}\">{Styles}</styleSheet>");
            }
            Entry(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                overrides + "</Types>");
            Entry(zip, "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry(zip, "xl/workbook.xml",
                $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                (Date1904 ? "<workbookPr date1904=\"1\"/>" : "") + $"<sheets>{sheets}</sheets></workbook>");
            Entry(zip, "xl/_rels/workbook.xml.rels",
                $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
        }
        return output.ToArray();
    }

    /// <summary>
    /// A styles part with the given number formats: <paramref name="cellXfs"/> are numFmtIds (index = style),
    /// <paramref name="custom"/> the custom codes by id.
    /// </summary>
    public static string StylesWith(int[] cellXfs, params (int Id, string Code)[] custom) =>
        (custom.Length > 0 ? $"<numFmts count=\"{custom.Length}\">" + string.Concat(custom.Select(c =>
            $"<numFmt numFmtId=\"{c.Id}\" formatCode=\"{System.Security.SecurityElement.Escape(c.Code)}\"/>")) + "</numFmts>" : "") +
        "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>" +
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
        $"<cellXfs count=\"{cellXfs.Length}\">" + string.Concat(cellXfs.Select(id =>
            $"<xf numFmtId=\"{id}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")) + "</cellXfs>";

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }
}
