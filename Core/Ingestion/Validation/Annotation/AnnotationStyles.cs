using System.Xml;
using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>The cell styles the review sheet uses, appended after the highlighted cells' derived styles.</summary>
internal enum ReviewStyle
{
    Title,
    Header,
    ErrorText,
    ErrorWrap,
    ErrorLink,
    WarningText,
    WarningWrap,
    WarningLink,
}

/// <summary>
/// Which style indices the annotated copy adds to the workbook's styles part, decided before it is rewritten: two
/// fills and two fonts after the existing ones, then one derived cell style per (original style, severity) of the
/// highlighted cells, then the review sheet's styles. The sections' sizes come from one streamed survey of the part
/// (<see cref="Survey"/>); a section that is missing or empty gets Excel's defaults first, so index 0 always exists.
/// </summary>
internal sealed class AnnotationStyles
{
    /// <summary>The sections touched, in schema order, with how many default entries an empty one receives.</summary>
    public static readonly (string Name, int Defaults)[] Sections =
        [("fonts", 1), ("fills", 2), ("borders", 1), ("cellStyleXfs", 1), ("cellXfs", 1)];

    private readonly Dictionary<string, int> _found;
    private readonly Dictionary<(int Base, IssueSeverity Severity), int> _derived = [];

    private AnnotationStyles(Dictionary<string, int> found) => _found = found;

    /// <summary>The derived styles in index order: the original style each copies and the fill it gets.</summary>
    public List<(int Base, IssueSeverity Severity)> Derived { get; } = [];

    /// <summary>Entries of a section as found (0 when it is missing).</summary>
    public int Found(string section) => _found.GetValueOrDefault(section);

    /// <summary>Entries of a section before anything is appended: as found, or its defaults when it had none.</summary>
    public int Existing(string section) =>
        Found(section) > 0 ? Found(section) : Sections.Single(s => s.Name == section).Defaults;

    public int ErrorFill => Existing("fills");
    public int WarningFill => Existing("fills") + 1;
    public int BoldFont => Existing("fonts");
    public int LinkFont => Existing("fonts") + 1;

    public int FillOf(IssueSeverity severity) => severity == IssueSeverity.Error ? ErrorFill : WarningFill;

    /// <summary>The style of a highlighted cell that had style <paramref name="original"/>: the same, with the severity's fill.</summary>
    public int Derive(int original, IssueSeverity severity)
    {
        if (_derived.TryGetValue((original, severity), out var index)) return index;
        index = Existing("cellXfs") + Derived.Count;
        _derived[(original, severity)] = index;
        Derived.Add((original, severity));
        return index;
    }

    /// <summary>A review sheet style; valid once every highlighted cell has been derived.</summary>
    public int Review(ReviewStyle style) => Existing("cellXfs") + Derived.Count + (int)style;

    public static int ReviewStyleCount => Enum.GetValues<ReviewStyle>().Length;

    /// <summary>Counts the entries of each touched section (null part: none at all).</summary>
    public static AnnotationStyles Survey(XmlReader? styles)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        if (styles is null) return new AnnotationStyles(found);
        var section = "";
        while (styles.Read())
        {
            if (styles.NodeType != XmlNodeType.Element) continue;
            if (styles.Depth == 1) section = styles.LocalName;
            else if (styles.Depth == 2 && Sections.Any(s => s.Name == section)) found[section] = found.GetValueOrDefault(section) + 1;
        }
        return new AnnotationStyles(found);
    }
}
