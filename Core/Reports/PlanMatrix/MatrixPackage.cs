using System.IO.Compression;
using System.Security;
using System.Text;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// The package around the filled plan matrix's one sheet: content types, relationships, the workbook with its sheet
/// and the print titles (the header rows repeated on every page). Fixed text, a few lines each, written straight into
/// the forward-only zip as the bench's floors write theirs; the sheet and the styles are written by the Open XML SDK.
/// </summary>
internal static class MatrixPackage
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";
    public const string StylesPath = "xl/styles.xml";

    /// <summary>A new part of the package, compressed fast: the sheet is a few hundred KB of XML at most.</summary>
    public static Stream Entry(ZipArchive zip, string path) => zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    public static void WriteParts(ZipArchive zip, string sheetName, int titleFirstRow, int titleLastRow)
    {
        Write(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/" + SheetPath + "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
            "<Override PartName=\"/" + StylesPath + "\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            "</Types>");
        Write(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
            "</Relationships>");
        var name = SecurityElement.Escape(sheetName);
        // The print titles name quotes the sheet's name, doubling any quote in it.
        var quoted = SecurityElement.Escape(sheetName.Replace("'", "''", StringComparison.Ordinal));
        Write(zip, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
            $"<sheets><sheet name=\"{name}\" sheetId=\"1\" r:id=\"rId1\"/></sheets>" +
            $"<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'{quoted}'!${titleFirstRow}:${titleLastRow}</definedName></definedNames>" +
            "</workbook>");
        Write(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
            "</Relationships>");
    }

    private static void Write(ZipArchive zip, string path, string xml)
    {
        using var stream = Entry(zip, path);
        stream.Write(Encoding.UTF8.GetBytes(xml));
    }
}
