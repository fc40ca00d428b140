using System.IO.Compression;
using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>One relationship of a part: <see cref="Target"/> is the resolved part name (no leading slash).</summary>
internal sealed record PartRelationship(string Id, string Type, string Target);

/// <summary>
/// The few Open Packaging Conventions an upload's reader needs, over the zip directly: part lookup by name and the
/// relationships of a part, read on demand and bounded like every other part (<see cref="PartXml"/>).
/// </summary>
/// <remarks>
/// Written here instead of using System.IO.Packaging or the Open XML SDK's <c>SpreadsheetDocument.Open</c>: on opening,
/// those parse <c>[Content_Types].xml</c> and the relationships of every reachable part into memory (every entry
/// materialised) and walk the part graph recursively, all before a single cell is read — work that grows with the
/// file, not the template. Here only the parts asked for are ever parsed, and only the relationships asked for are kept.
/// </remarks>
internal sealed class WorkbookPackage : IDisposable
{
    public const string TransitionalRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string RootRelationships = "_rels/.rels";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    private WorkbookPackage(ZipArchive zip)
    {
        _zip = zip;
        // Part names are case-insensitive; of two entries differing only in case, the first wins, as in a zip reader.
        foreach (var entry in zip.Entries) _entries.TryAdd(entry.FullName, entry);
        WorkbookPart = Relationships("", r => IsType(r.Type, "officeDocument")).FirstOrDefault(r => Exists(r.Target))?.Target
            ?? throw new InvalidDataException("The package has no workbook part.");
    }

    /// <summary>The workbook's main part (<c>xl/workbook.xml</c>), found through the package's relationships.</summary>
    public string WorkbookPart { get; }

    public IReadOnlyCollection<ZipArchiveEntry> Entries => _zip.Entries;

    /// <summary>Opens a package over <paramref name="content"/> (seekable; left open).</summary>
    /// <exception cref="InvalidDataException">Not a zip, or no workbook part.</exception>
    public static WorkbookPackage Open(Stream content) => new(new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true));

    public bool Exists(string part) => Entry(part) is not null;

    /// <summary>The entry of a part name, tried as written and, when it holds percent-escapes, unescaped.</summary>
    public ZipArchiveEntry? Entry(string part)
    {
        if (_entries.TryGetValue(part, out var entry)) return entry;
        if (!part.Contains('%')) return null;
        try
        {
            return _entries.GetValueOrDefault(Uri.UnescapeDataString(part));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>A bounded XML reader over a part (<see cref="PartXml"/>).</summary>
    public XmlReader OpenXml(string part) =>
        PartXml.Open((Entry(part) ?? throw new InvalidDataException($"The package has no part {part}.")).Open(), part);

    /// <summary>
    /// The relationships of <paramref name="source"/> ("" for the package itself) that <paramref name="keep"/> accepts,
    /// in document order; external ones only when asked for (their target is then kept as written). None when the part
    /// has no relationships part.
    /// </summary>
    public List<PartRelationship> Relationships(string source, Func<PartRelationship, bool> keep, bool includeExternal = false)
    {
        var result = new List<PartRelationship>();
        var relsPart = RelationshipsPartOf(source);
        if (!Exists(relsPart)) return result;
        using var xml = OpenXml(relsPart);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 1 || xml.LocalName != "Relationship") continue;
            var external = xml.GetAttribute("TargetMode") is { } mode && mode.Equals("External", StringComparison.OrdinalIgnoreCase);
            if (external && !includeExternal) continue;
            var (id, type, target) = (xml.GetAttribute("Id"), xml.GetAttribute("Type"), xml.GetAttribute("Target"));
            if (id is null || type is null || target is null || (external ? target : Resolve(source, target)) is not { } resolved) continue;
            var relationship = new PartRelationship(id, type, resolved);
            if (keep(relationship)) result.Add(relationship);
        }
        return result;
    }

    /// <summary>True when <paramref name="type"/> is the transitional or strict relationship type named <paramref name="kind"/>.</summary>
    public static bool IsType(string type, string kind) =>
        type == $"{TransitionalRelationships}/{kind}" || type == $"{StrictRelationships}/{kind}";

    /// <summary><c>xl/workbook.xml</c> → <c>xl/_rels/workbook.xml.rels</c>; the package's own is <c>_rels/.rels</c>.</summary>
    public static string RelationshipsPartOf(string part)
    {
        if (part.Length == 0) return RootRelationships;
        var slash = part.LastIndexOf('/');
        return slash < 0 ? $"_rels/{part}.rels" : $"{part[..slash]}/_rels/{part[(slash + 1)..]}.rels";
    }

    /// <summary>
    /// The part a relationship target names, relative to its source's folder or absolute (<c>/xl/…</c>), with
    /// <c>.</c>/<c>..</c> segments resolved (percent-escapes are tried by <see cref="Entry"/>); null when it climbs out of the package or is not a
    /// relative reference.
    /// </summary>
    public static string? Resolve(string source, string target)
    {
        var hash = target.IndexOf('#');
        if (hash >= 0) target = target[..hash];
        if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.Contains('\\')) return null;
        var baseFolder = target.StartsWith('/') ? "" : source.LastIndexOf('/') is var slash and >= 0 ? source[..slash] : "";
        var segments = new List<string>(baseFolder.Length == 0 ? [] : baseFolder.Split('/'));
        foreach (var segment in target.TrimStart('/').Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (segments.Count == 0) return null;
                segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        return segments.Count == 0 ? null : string.Join('/', segments);
    }

    public void Dispose() => _zip.Dispose();
}
