using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>One <c>&lt;sheet&gt;</c> of the workbook part, in workbook (tab) order.</summary>
internal sealed record SheetEntry(string Name, string RelationshipId);

/// <summary>
/// The workbook part's sheet list and date system, streamed (a workbook part can carry large defined-name lists
/// nobody here needs).
/// </summary>
internal sealed record WorkbookSheets(IReadOnlyList<SheetEntry> Sheets, bool Date1904)
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    public static WorkbookSheets Read(WorkbookPart part)
    {
        var sheets = new List<SheetEntry>();
        var date1904 = false;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (!reader.IsStartElement)
            {
                // End elements carry nothing read here.
            }
            else if (reader.ElementType == typeof(WorkbookProperties))
            {
                foreach (var a in reader.Attributes)
                    if (a.LocalName == "date1904") date1904 = a.Value is "1" or "true";
            }
            else if (reader.ElementType == typeof(Sheet))
            {
                string? name = null, id = null;
                foreach (var a in reader.Attributes)
                {
                    if (a.LocalName == "name" && a.NamespaceUri.Length == 0) name = a.Value;
                    else if (a.LocalName == "id" && a.NamespaceUri is RelationshipsNamespace or StrictRelationshipsNamespace) id = a.Value;
                }
                if (name is not null && id is not null) sheets.Add(new SheetEntry(name, id));
            }
            else if (reader.ElementType == typeof(DefinedNames) || reader.ElementType == typeof(ExternalReferences))
            {
                // Skip leaves the reader on the next node already: read on from there, not past it.
                reader.Skip();
                more = !reader.EOF;
                continue;
            }
            more = reader.Read();
        }
        return new WorkbookSheets(sheets, date1904);
    }

    /// <summary>
    /// The worksheet part of the first sheet (in tab order) whose name matches, skipping chart sheets and dangling
    /// relationships as ClosedXML did.
    /// </summary>
    public (SheetEntry Sheet, WorksheetPart Part)? Find(WorkbookPart workbook, Func<string, bool> matches)
    {
        foreach (var sheet in Sheets)
        {
            if (!matches(sheet.Name)) continue;
            if (TryGetPart(workbook, sheet.RelationshipId) is WorksheetPart part) return (sheet, part);
        }
        return null;
    }

    private static OpenXmlPart? TryGetPart(WorkbookPart workbook, string id)
    {
        foreach (var pair in workbook.Parts)
            if (pair.RelationshipId == id) return pair.OpenXmlPart;
        return null;
    }
}
