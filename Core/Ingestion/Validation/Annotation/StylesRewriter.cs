using System.Globalization;
using System.Xml;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>
/// Rewrites the styles part streaming, appending what <see cref="AnnotationStyles"/> allocated: the two fills and
/// fonts, a copy of each highlighted cell's style with only its fill changed (its number format, font, border,
/// alignment and protection kept, so a corrected copy still reads and edits as before), and the review sheet's styles.
/// A workbook without a styles part gets a minimal one.
/// </summary>
internal sealed class StylesRewriter(AnnotationStyles styles, string mainNamespace)
{
    private const string ErrorColor = "FFF8CBAD";
    private const string WarningColor = "FFFFE699";
    private const string LinkColor = "FF0563C1";

    // The attributes and the alignment/protection of each original style a derived one copies.
    private readonly Dictionary<int, CapturedStyle> _captured = [];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    private sealed class CapturedStyle
    {
        public List<(string Name, string Value)> Attributes { get; } = [];
        public List<(string Name, string Value)>? Alignment { get; set; }
        public List<(string Name, string Value)>? Protection { get; set; }
    }

    /// <param name="original">The styles part, or null when the workbook has none.</param>
    public void Write(XmlReader? original, XmlWriter writer)
    {
        if (original is null)
        {
            writer.WriteStartElement("styleSheet", mainNamespace);
            foreach (var (name, _) in AnnotationStyles.Sections) WholeSection(writer, name);
            writer.WriteEndElement();
            return;
        }

        var bases = styles.Derived.Select(d => d.Base).ToHashSet();
        string? section = null;
        var xfIndex = -1;
        CapturedStyle? capturing = null;
        while (original.Read())
        {
            if (original.NodeType == XmlNodeType.Element && original.Depth == 1)
            {
                // Sections the part lacks go where the schema puts them: before the first one that follows them.
                foreach (var missing in MissingBefore(original.LocalName)) WholeSection(writer, missing);
                section = original.LocalName;
                if (IsTouched(section))
                {
                    _written.Add(section);
                    XmlCopy.StartElement(original, writer, a => a.NamespaceURI.Length == 0 && a.LocalName == "count" ? Count(section) : a.Value);
                    if (original.IsEmptyElement)
                    {
                        Append(writer, section);
                        writer.WriteEndElement();
                    }
                    continue;
                }
            }
            else if (original.NodeType == XmlNodeType.EndElement && original.Depth == 1 && section is not null && IsTouched(section))
            {
                Append(writer, section);
            }
            else if (original.NodeType == XmlNodeType.EndElement && original.Depth == 0)
            {
                foreach (var missing in AnnotationStyles.Sections.Select(s => s.Name).Where(n => !_written.Contains(n)).ToList())
                    WholeSection(writer, missing);
            }
            else if (original.NodeType == XmlNodeType.Element && section == "cellXfs" && original.Depth == 2)
            {
                xfIndex++;
                capturing = bases.Contains(xfIndex) ? Capture(original, xfIndex) : null;
            }
            else if (original.NodeType == XmlNodeType.Element && original.Depth == 3 && capturing is not null)
            {
                if (original.LocalName == "alignment") capturing.Alignment = Attributes(original);
                else if (original.LocalName == "protection") capturing.Protection = Attributes(original);
            }
            XmlCopy.Node(original, writer);
        }
    }

    private static bool IsTouched(string section) => AnnotationStyles.Sections.Any(s => s.Name == section);

    private IEnumerable<string> MissingBefore(string section)
    {
        var order = Array.IndexOf(SchemaOrder, section);
        if (order < 0) return [];
        return AnnotationStyles.Sections.Select(s => s.Name)
            .Where(n => !_written.Contains(n) && Array.IndexOf(SchemaOrder, n) < order).ToList();
    }

    private static readonly string[] SchemaOrder =
        ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

    private void WholeSection(XmlWriter writer, string section)
    {
        _written.Add(section);
        writer.WriteStartElement(section, mainNamespace);
        writer.WriteAttributeString("count", Count(section));
        Append(writer, section);
        writer.WriteEndElement();
    }

    private string Count(string section)
    {
        var added = section switch
        {
            "fonts" or "fills" => 2,
            "cellXfs" => styles.Derived.Count + AnnotationStyles.ReviewStyleCount,
            _ => 0,
        };
        return (styles.Existing(section) + added).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The defaults of a section that had none, then what the annotation adds to it.</summary>
    private void Append(XmlWriter writer, string section)
    {
        if (styles.Found(section) == 0) Defaults(writer, section);
        switch (section)
        {
            case "fonts":
                Font(writer, bold: true);
                Font(writer, bold: false, LinkColor);
                break;
            case "fills":
                Fill(writer, ErrorColor);
                Fill(writer, WarningColor);
                break;
            case "cellXfs":
                foreach (var (original, severity) in styles.Derived) DerivedXf(writer, original, styles.FillOf(severity));
                ReviewXfs(writer);
                break;
        }
    }

    private void Defaults(XmlWriter writer, string section)
    {
        switch (section)
        {
            case "fonts":
                Font(writer, bold: false);
                break;
            case "fills":
                writer.WriteStartElement("fill", mainNamespace);
                Element(writer, "patternFill", ("patternType", "none"));
                writer.WriteEndElement();
                writer.WriteStartElement("fill", mainNamespace);
                Element(writer, "patternFill", ("patternType", "gray125"));
                writer.WriteEndElement();
                break;
            case "borders":
                writer.WriteStartElement("border", mainNamespace);
                foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" }) Element(writer, side);
                writer.WriteEndElement();
                break;
            case "cellStyleXfs":
                Element(writer, "xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"));
                break;
            case "cellXfs":
                Element(writer, "xf", ("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"));
                break;
        }
    }

    private void DerivedXf(XmlWriter writer, int original, int fill)
    {
        writer.WriteStartElement("xf", mainNamespace);
        var fillText = fill.ToString(CultureInfo.InvariantCulture);
        if (_captured.TryGetValue(original, out var captured))
        {
            foreach (var (name, value) in captured.Attributes)
                if (name is not ("fillId" or "applyFill")) writer.WriteAttributeString(name, value);
        }
        else
        {
            // A style index the workbook does not define reads as the default style: derive from that.
            foreach (var (name, value) in new[] { ("numFmtId", "0"), ("fontId", "0"), ("borderId", "0"), ("xfId", "0") })
                writer.WriteAttributeString(name, value);
        }
        writer.WriteAttributeString("fillId", fillText);
        writer.WriteAttributeString("applyFill", "1");
        if (captured?.Alignment is { } alignment) Element(writer, "alignment", [.. alignment]);
        if (captured?.Protection is { } protection) Element(writer, "protection", [.. protection]);
        writer.WriteEndElement();
    }

    private void ReviewXfs(XmlWriter writer)
    {
        foreach (var style in Enum.GetValues<ReviewStyle>())
        {
            var (font, fill, wrap) = style switch
            {
                ReviewStyle.Title or ReviewStyle.Header => (styles.BoldFont, 0, false),
                ReviewStyle.ErrorText => (0, styles.ErrorFill, false),
                ReviewStyle.ErrorWrap => (0, styles.ErrorFill, true),
                ReviewStyle.ErrorLink => (styles.LinkFont, styles.ErrorFill, false),
                ReviewStyle.WarningText => (0, styles.WarningFill, false),
                ReviewStyle.WarningWrap => (0, styles.WarningFill, true),
                _ => (styles.LinkFont, styles.WarningFill, false),
            };
            writer.WriteStartElement("xf", mainNamespace);
            foreach (var (name, value) in new[] { ("numFmtId", 0), ("fontId", font), ("fillId", fill), ("borderId", 0), ("xfId", 0) })
                writer.WriteAttributeString(name, value.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("applyFont", "1");
            writer.WriteAttributeString("applyFill", "1");
            writer.WriteAttributeString("applyAlignment", "1");
            Element(writer, "alignment", [("vertical", "top"), .. wrap ? [("wrapText", "1")] : Array.Empty<(string, string)>()]);
            writer.WriteEndElement();
        }
    }

    private void Font(XmlWriter writer, bool bold, string? color = null)
    {
        writer.WriteStartElement("font", mainNamespace);
        if (bold) Element(writer, "b");
        if (color is not null) Element(writer, "u");
        Element(writer, "sz", ("val", "11"));
        if (color is not null) Element(writer, "color", ("rgb", color));
        Element(writer, "name", ("val", "Calibri"));
        Element(writer, "family", ("val", "2"));
        writer.WriteEndElement();
    }

    private void Fill(XmlWriter writer, string color)
    {
        writer.WriteStartElement("fill", mainNamespace);
        writer.WriteStartElement("patternFill", mainNamespace);
        writer.WriteAttributeString("patternType", "solid");
        Element(writer, "fgColor", ("rgb", color));
        Element(writer, "bgColor", ("indexed", "64"));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void Element(XmlWriter writer, string name, params (string Name, string Value)[] attributes)
    {
        writer.WriteStartElement(name, mainNamespace);
        foreach (var (attribute, value) in attributes) writer.WriteAttributeString(attribute, value);
        writer.WriteEndElement();
    }

    private CapturedStyle Capture(XmlReader reader, int index)
    {
        var captured = new CapturedStyle();
        captured.Attributes.AddRange(Attributes(reader));
        _captured[index] = captured;
        return captured;
    }

    /// <summary>The unqualified attributes of the element the reader is on (namespaced extensions are not carried over).</summary>
    private static List<(string Name, string Value)> Attributes(XmlReader reader)
    {
        var list = new List<(string, string)>();
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI.Length == 0) list.Add((reader.LocalName, reader.Value));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return list;
    }
}
