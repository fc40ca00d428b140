using System.Globalization;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>One <c>&lt;sheet&gt;</c> of the workbook part.</summary>
/// <param name="Index">Its position in tab order (0-based), counting every sheet.</param>
/// <param name="Part">The worksheet part it names, or null when its relationship is missing, dangling or not a worksheet (a chart sheet).</param>
internal sealed record SheetEntry(string Name, string RelationshipId, int Index, string? Part);

/// <summary>
/// What the workbook part and its relationships say, streamed: the sheets a caller asks for by name (the report and
/// metadata sheets, at most <see cref="ReadingLimits.MaxSheetCandidates"/>), how many sheets there are, the date
/// system, and the styles and shared-string parts. Defined names, external references and every other sheet are
/// streamed past, never kept.
/// </summary>
/// <param name="MainNamespace">The workbook element's namespace: transitional or strict SpreadsheetML.</param>
internal sealed record WorkbookSheets(
    IReadOnlyList<SheetEntry> Candidates, int Count, int MaxSheetId, bool Date1904, string? StylesPart, string? SharedStringsPart,
    string MainNamespace)
{
    public static WorkbookSheets Read(WorkbookPackage package, Func<string, bool> keep)
    {
        var candidates = new List<(string Name, string Id, int Index)>();
        int count = 0, maxSheetId = 0;
        var date1904 = false;
        var mainNamespace = "";
        using (var xml = package.OpenXml(package.WorkbookPart))
        {
            var section = "";
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Depth == 0) mainNamespace = xml.NamespaceURI;
                if (xml.Depth == 1) section = xml.LocalName;
                if (xml.Depth == 1 && section == "workbookPr")
                {
                    date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.Depth == 2 && section == "sheets" && xml.LocalName == "sheet")
                {
                    var index = count++;
                    if (int.TryParse(xml.GetAttribute("sheetId"), NumberStyles.None, CultureInfo.InvariantCulture, out var sheetId))
                        maxSheetId = Math.Max(maxSheetId, sheetId);
                    var name = xml.GetAttribute("name");
                    var id = xml.GetAttribute("id", WorkbookPackage.TransitionalRelationships)
                        ?? xml.GetAttribute("id", WorkbookPackage.StrictRelationships);
                    if (name is not null && id is not null && candidates.Count < ReadingLimits.MaxSheetCandidates && keep(name))
                        candidates.Add((name, id, index));
                }
            }
        }

        var wanted = candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var relationships = package.Relationships(package.WorkbookPart, r =>
            (wanted.Contains(r.Id) && WorkbookPackage.IsType(r.Type, "worksheet"))
            || WorkbookPackage.IsType(r.Type, "styles") || WorkbookPackage.IsType(r.Type, "sharedStrings"));
        string? PartOf(string id) => relationships.FirstOrDefault(r => r.Id == id && WorkbookPackage.IsType(r.Type, "worksheet") && package.Exists(r.Target))?.Target;
        string? Single(string kind) => relationships.FirstOrDefault(r => WorkbookPackage.IsType(r.Type, kind) && package.Exists(r.Target))?.Target;

        return new WorkbookSheets(
            candidates.Select(c => new SheetEntry(c.Name, c.Id, c.Index, PartOf(c.Id))).ToList(),
            count, maxSheetId, date1904, Single("styles"), Single("sharedStrings"), mainNamespace);
    }

    /// <summary>
    /// The first sheet (in tab order) whose name matches and that is a worksheet present in the package, skipping chart
    /// sheets and dangling relationships as ClosedXML did.
    /// </summary>
    public SheetEntry? Find(Func<string, bool> matches) => Candidates.FirstOrDefault(s => s.Part is not null && matches(s.Name));
}
