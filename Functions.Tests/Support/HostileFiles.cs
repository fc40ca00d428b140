using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using ServerlessPlan.Bench;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Every kind of upload the package guard must refuse, built in code and small in memory (the 1.5 GiB bomb is
/// about 1.5 MB), plus the valid workbook it must let through.
/// </summary>
public static class HostileFiles
{
    public const long BombInflatedBytes = ZipBombBuilder.InflatedBytes;

    private static readonly Lazy<byte[]> Bomb = new(ZipBombBuilder.Build);
    private static readonly Lazy<byte[]> Valid = new(BuildValidXlsx);

    public static byte[] Empty() => [];

    public static byte[] RandomBytes() => RandomData(8192, seed: 7);

    public static byte[] CsvRenamed() => Encoding.UTF8.GetBytes(
        "Unidad;Periodo;Actividad;Programado;Ejecutado\r\nGT;2024-T1;1.1.1;4;3\r\nSV;2024-T1;1.1.2;2;2\r\n");

    public static byte[] HtmlRenamed() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>1.1.1</td><td>3</td></tr></table></body></html>");

    /// <summary>What Excel writes when a workbook is saved with a password: an OLE container, not a zip.</summary>
    public static byte[] PasswordProtected() => CompoundFileBuilder.Build("EncryptionInfo", "EncryptedPackage");

    /// <summary>An Excel 97-2003 .xls: an OLE container holding a BIFF8 "Workbook" stream.</summary>
    public static byte[] LegacyXls() => CompoundFileBuilder.Build("Workbook");

    /// <summary>A genuine workbook written by ClosedXML, as a focal point's Excel would produce.</summary>
    public static byte[] ValidXlsx() => (byte[])Valid.Value.Clone();

    /// <summary>A valid workbook cut in half, as an interrupted upload leaves it: no central directory.</summary>
    public static byte[] TruncatedXlsx() => Valid.Value[..(Valid.Value.Length / 2)];

    /// <summary>A valid workbook with one byte of a compressed entry flipped: the directory is intact, the data is not.</summary>
    public static byte[] CorruptEntryXlsx()
    {
        var bytes = ValidXlsx();
        var largest = ZipLayout.Entries(bytes).OrderByDescending(e => e.CompressedSize).First();
        bytes[largest.DataOffset + (largest.CompressedSize / 2)] ^= 0x5A;
        return bytes;
    }

    /// <summary>Three entries of 512 MiB of zeros, honestly declared: 1.5 GiB from about 1.5 MB.</summary>
    public static byte[] ZipBomb() => (byte[])Bomb.Value.Clone();

    /// <summary>The same bomb with every declared uncompressed size (local and central headers) patched to 1 KB.</summary>
    public static byte[] LyingZipBomb() => ZipBombBuilder.Lying(Bomb.Value);

    /// <summary>A spreadsheet package padded with <paramref name="count"/> empty parts.</summary>
    public static byte[] TooManyEntries(int count) =>
        Package([.. MinimalWorkbookParts(), .. Enumerable.Range(0, count).Select(i => ($"xl/media/pad{i}.bin", Array.Empty<byte>()))]);

    /// <summary>An .xlsm: macro-enabled workbook content type and a VBA project part.</summary>
    public static byte[] MacroEnabled() => Package(
        ("[Content_Types].xml", Xml(ContentTypesXml(
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"))),
        ("_rels/.rels", Xml(RootRels)),
        ("xl/workbook.xml", Xml(WorkbookXml)),
        ("xl/vbaProject.bin", RandomData(2048, seed: 3)));

    /// <summary>A workbook whose shared strings carry a "billion laughs" DTD: ten levels of ten-fold entities.</summary>
    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sst [\n <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i < 10; i++)
        {
            dtd.Append(" <!ENTITY lol").Append(i).Append(" \"")
                .Append(string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))).Append("\">\n");
        }

        dtd.Append("]>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>");
        return Package([.. MinimalWorkbookParts(), ("xl/sharedStrings.xml", Xml(dtd.ToString()))]);
    }

    /// <summary>A zip that is an Office package, but a Word document's.</summary>
    public static byte[] WordDocument() => Package(
        ("[Content_Types].xml", Xml(ContentTypesXml(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "", "/word/document.xml"))),
        ("word/document.xml", Xml("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>")));

    /// <summary>A plain zip of files, with no content types at all.</summary>
    public static byte[] PlainZip() => Package(
        ("informe/datos.csv", CsvRenamed()),
        ("informe/leeme.txt", Encoding.UTF8.GetBytes("Planilla del trimestre")));

    /// <summary>A minimal, valid workbook package that links to another workbook (accepted with a warning).</summary>
    public static byte[] WithExternalLink() => Package(
        [.. MinimalWorkbookParts(), ("xl/externalLinks/externalLink1.xml", Xml(
            "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><externalBook/></externalLink>"))]);

    private static byte[] BuildValidXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Reporte");
        sheet.Cell(1, 1).Value = "Actividad";
        sheet.Cell(1, 2).Value = "Ejecutado";
        sheet.Cell(2, 1).Value = "1.1.1";
        sheet.Cell(2, 2).Value = 3;
        sheet.Column(1).Width = 20;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static (string Name, byte[] Content)[] MinimalWorkbookParts() =>
    [
        ("[Content_Types].xml", Xml(ContentTypesXml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", ""))),
        ("_rels/.rels", Xml(RootRels)),
        ("xl/workbook.xml", Xml(WorkbookXml)),
    ];

    private static byte[] Package(params (string Name, byte[] Content)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static string ContentTypesXml(string mainType, string extraDefaults, string mainPart = "/xl/workbook.xml") =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + extraDefaults +
        $"<Override PartName=\"{mainPart}\" ContentType=\"{mainType}\"/></Types>";

    private const string RootRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    private const string WorkbookXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>";

    private static byte[] Xml(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] RandomData(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
