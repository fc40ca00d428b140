using System.Xml;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// What <c>[Content_Types].xml</c> says about a package: which parts are workbooks and whether it has macros.
/// A part's type is its <c>Override</c>, else the <c>Default</c> for its extension — System.IO.Packaging (hence
/// ClosedXML) declares the workbook through <c>Default Extension="xml"</c>, Excel through an <c>Override</c>.
/// </summary>
internal sealed class ContentTypes
{
    public const string PartName = "[Content_Types].xml";

    private readonly HashSet<string> _workbookOverrides = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _overridden = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _workbookExtensions = new(StringComparer.OrdinalIgnoreCase);

    public bool Macros { get; private set; }

    /// <summary>Reads the whole part; at most <paramref name="maxNames"/> names are kept, so a padded file costs nothing.</summary>
    public static ContentTypes Read(XmlReader reader, int maxNames)
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
            if (result._overridden.Count + result._workbookExtensions.Count >= maxNames)
            {
                continue;
            }

            if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part)
            {
                var name = part.TrimStart('/');
                result._overridden.Add(name);
                if (IsWorkbook(type))
                {
                    result._workbookOverrides.Add(name);
                }
            }
            else if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension && IsWorkbook(type))
            {
                result._workbookExtensions.Add(extension.TrimStart('.'));
            }
        }

        return result;
    }

    /// <summary>Whether the part (zip entry name, no leading slash) is a workbook's main part.</summary>
    public bool IsWorkbookPart(string name) =>
        _workbookOverrides.Contains(name)
        || (!_overridden.Contains(name) && _workbookExtensions.Contains(Path.GetExtension(name).TrimStart('.')));

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
