using System.Globalization;
using System.Xml;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>Where the report sheet's notes go: two new parts and the sheet's two relationships to them.</summary>
internal sealed record NotesPlacement(string CommentsPart, string VmlPart, string CommentsRelationshipId, string VmlRelationshipId,
    string RelationshipTypes)
{
    public const string CommentsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    public const string VmlContentType = "application/vnd.openxmlformats-officedocument.vmlDrawing";
}

/// <summary>
/// The notes (cell comments) of the annotated copy: on each flagged cell of the report sheet, what to do — the
/// instruction of every finding on it, without the place (the note is on the place) — so the copy keeps its promise
/// of "each problem explained on its cell". Bounded: at most <see cref="AnnotationLimits.MaxNotes"/> notes (errors
/// first), each at most <see cref="AnnotationLimits.MaxNoteChars"/> characters; the review sheet lists everything.
/// </summary>
/// <remarks>
/// A note is two parts: the comments part (the text) and a legacy VML drawing (the yellow box Excel shows on hover),
/// both related from the sheet, which names the drawing in <c>legacyDrawing</c>. Written here for the same reason as
/// the rest of the copy (<see cref="AnnotatedCopyWriter"/>): no library adds them without loading the upload.
/// </remarks>
internal sealed class CellNotes
{
    private const string Vml = "urn:schemas-microsoft-com:vml";
    private const string Office = "urn:schemas-microsoft-com:office:office";
    private const string Excel = "urn:schemas-microsoft-com:office:excel";
    private const string Author = "ServerlessPlan";

    /// <summary>The notes' texts by (row, column) of the report sheet, in row then column order.</summary>
    public SortedDictionary<(int Row, int Column), string> Texts { get; }

    private CellNotes(SortedDictionary<(int Row, int Column), string> texts) => Texts = texts;

    public bool IsEmpty => Texts.Count == 0;

    /// <summary>The notes of <paramref name="report"/>'s findings on report-sheet cells.</summary>
    public static CellNotes Of(ValidationReport report, Language language)
    {
        var byCell = new Dictionary<(int Row, int Column), List<ValidationIssue>>();
        foreach (var issue in report.Errors.Concat(report.Warnings))
        {
            if (!TemplateLayout.IsReportSheet(issue.Sheet) || AnnotatedCopyWriter.CellOf(issue.Cell) is not { } at) continue;
            if (!byCell.TryGetValue(at, out var list)) byCell[at] = list = [];
            list.Add(issue);
        }
        // Cells with an error before cells with warnings only, then in sheet order: the ones kept when capped.
        var kept = byCell
            .OrderBy(c => c.Value.Any(i => i.Severity == IssueSeverity.Error) ? 0 : 1)
            .ThenBy(c => c.Key)
            .Take(AnnotationLimits.MaxNotes);
        var texts = new SortedDictionary<(int Row, int Column), string>();
        foreach (var entry in kept) texts[entry.Key] = Text(entry.Value, language);
        return new CellNotes(texts);
    }

    /// <summary>"Error: Escriba …" per finding, one a line, cut to <see cref="AnnotationLimits.MaxNoteChars"/>.</summary>
    private static string Text(IEnumerable<ValidationIssue> issues, Language language)
    {
        var lines = issues.Select(i => $"{Severity(i.Severity, language)}: {IssueLocation.Sentence(i, language)}");
        var text = IssueText.Printable(string.Join("\n", lines));
        var cut = Utf16.Prefix(text, AnnotationLimits.MaxNoteChars - 1);
        return cut.Length < text.Length ? cut + "…" : text;
    }

    private static string Severity(IssueSeverity severity, Language language) => severity == IssueSeverity.Error
        ? "Error"
        : language == Language.En ? "Warning" : "Advertencia";

    /// <summary>The comments part: one author, one comment per note.</summary>
    public void WriteComments(XmlWriter writer, string mainNamespace)
    {
        writer.WriteStartElement("comments", mainNamespace);
        writer.WriteStartElement("authors", mainNamespace);
        writer.WriteElementString("author", mainNamespace, Author);
        writer.WriteEndElement();
        writer.WriteStartElement("commentList", mainNamespace);
        foreach (var ((row, column), text) in Texts)
        {
            writer.WriteStartElement("comment", mainNamespace);
            writer.WriteAttributeString("ref", CellReferences.Address(row, column));
            writer.WriteAttributeString("authorId", "0");
            writer.WriteStartElement("text", mainNamespace);
            writer.WriteStartElement("r", mainNamespace);
            writer.WriteStartElement("rPr", mainNamespace);
            Empty(writer, mainNamespace, "sz", ("val", "9"));
            Empty(writer, mainNamespace, "rFont", ("val", "Tahoma"));
            Empty(writer, mainNamespace, "family", ("val", "2"));
            writer.WriteEndElement();
            writer.WriteStartElement("t", mainNamespace);
            writer.WriteAttributeString("xml", "space", null, "preserve");
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The VML drawing: the note box shape type, then one hidden box per note anchored beside its cell.</summary>
    public void WriteVml(XmlWriter writer)
    {
        writer.WriteStartElement("xml");
        writer.WriteAttributeString("xmlns", "v", null, Vml);
        writer.WriteAttributeString("xmlns", "o", null, Office);
        writer.WriteAttributeString("xmlns", "x", null, Excel);

        writer.WriteStartElement("o", "shapelayout", Office);
        writer.WriteAttributeString("v", "ext", Vml, "edit");
        writer.WriteStartElement("o", "idmap", Office);
        writer.WriteAttributeString("v", "ext", Vml, "edit");
        writer.WriteAttributeString("data", "1");
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement("v", "shapetype", Vml);
        writer.WriteAttributeString("id", "_x0000_t202");
        writer.WriteAttributeString("coordsize", "21600,21600");
        writer.WriteAttributeString("o", "spt", Office, "202");
        writer.WriteAttributeString("path", "m,l,21600r21600,l21600,xe");
        writer.WriteStartElement("v", "stroke", Vml);
        writer.WriteAttributeString("joinstyle", "miter");
        writer.WriteEndElement();
        writer.WriteStartElement("v", "path", Vml);
        writer.WriteAttributeString("gradientshapeok", "t");
        writer.WriteAttributeString("o", "connecttype", Office, "rect");
        writer.WriteEndElement();
        writer.WriteEndElement();

        var id = 1025;
        foreach (var ((row, column), _) in Texts)
        {
            var (r, c) = (row - 1, column - 1); // VML counts from 0
            writer.WriteStartElement("v", "shape", Vml);
            writer.WriteAttributeString("id", $"_x0000_s{id++.ToString(CultureInfo.InvariantCulture)}");
            writer.WriteAttributeString("type", "#_x0000_t202");
            writer.WriteAttributeString("style", "position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:90pt;z-index:1;visibility:hidden");
            writer.WriteAttributeString("fillcolor", "#ffffe1");
            writer.WriteAttributeString("o", "insetmode", Office, "auto");
            writer.WriteStartElement("v", "fill", Vml);
            writer.WriteAttributeString("color2", "#ffffe1");
            writer.WriteEndElement();
            writer.WriteStartElement("v", "shadow", Vml);
            writer.WriteAttributeString("on", "t");
            writer.WriteAttributeString("color", "black");
            writer.WriteAttributeString("obscured", "t");
            writer.WriteEndElement();
            writer.WriteStartElement("v", "path", Vml);
            writer.WriteAttributeString("o", "connecttype", Office, "none");
            writer.WriteEndElement();
            writer.WriteStartElement("v", "textbox", Vml);
            writer.WriteAttributeString("style", "mso-direction-alt:auto");
            writer.WriteStartElement("div");
            writer.WriteAttributeString("style", "text-align:left");
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement("x", "ClientData", Excel);
            writer.WriteAttributeString("ObjectType", "Note");
            writer.WriteElementString("x", "MoveWithCells", Excel, "");
            writer.WriteElementString("x", "SizeWithCells", Excel, "");
            writer.WriteElementString("x", "Anchor", Excel, Invariant($"{c + 1}, 15, {Math.Max(0, r - 1)}, 2, {c + 5}, 15, {Math.Max(0, r - 1) + 6}, 4"));
            writer.WriteElementString("x", "AutoFill", Excel, "False");
            writer.WriteElementString("x", "Row", Excel, Invariant($"{r}"));
            writer.WriteElementString("x", "Column", Excel, Invariant($"{c}"));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Empty(XmlWriter writer, string ns, string name, (string Name, string Value) attribute)
    {
        writer.WriteStartElement(name, ns);
        writer.WriteAttributeString(attribute.Name, attribute.Value);
        writer.WriteEndElement();
    }
}
