using System.Xml;

namespace ServerlessPlan.Core.Ingestion.Packages;

/// <summary>What <c>[Content_Types].xml</c> says about a package: where its workbook is and whether it has macros.</summary>
internal sealed class ContentTypes
{
    public const string PartName = "[Content_Types].xml";

    // A package lists one workbook; a few more cost nothing, thousands would be an attack on this list.
    private const int MaxWorkbookParts = 16;

    public bool Macros { get; private set; }

    /// <summary>Part names (without the leading slash) whose content type is a workbook's main part.</summary>
    public List<string> WorkbookParts { get; } = [];

    public static ContentTypes Read(XmlReader reader)
    {
        var result = new ContentTypes();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("Default" or "Override"))
            {
                continue;
            }

            var type = reader.GetAttribute("ContentType") ?? "";
            result.Macros |= IsMacro(type);
            var part = reader.GetAttribute("PartName");
            if (reader.LocalName == "Override" && part is not null && IsWorkbook(type) && result.WorkbookParts.Count < MaxWorkbookParts)
            {
                result.WorkbookParts.Add(part.TrimStart('/'));
            }
        }

        return result;
    }

    /// <summary>.xlsm/.xltm/.xlam/.xlsb main parts and VBA projects (<c>application/vnd.ms-office.vbaProject</c>).</summary>
    private static bool IsMacro(string type) =>
        type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
        || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>…spreadsheetml.sheet.main+xml</c>, <c>…spreadsheetml.template.main+xml</c> and their <c>ms-excel</c> macro
    /// and binary variants; word processing or presentation main parts are not workbooks.
    /// </summary>
    private static bool IsWorkbook(string type) =>
        (type.EndsWith(".main+xml", StringComparison.OrdinalIgnoreCase) || type.EndsWith(".main", StringComparison.OrdinalIgnoreCase))
        && (type.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) || type.Contains("ms-excel", StringComparison.OrdinalIgnoreCase));
}
