using System.Globalization;
using System.Xml;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>Where the review sheet goes in the annotated copy.</summary>
/// <param name="Part">Its part name (no leading slash).</param>
/// <param name="ExistingIndex">
/// The tab index of a sheet already named like it (a re-uploaded annotated copy), whose place and part it takes; -1
/// when it is new.
/// </param>
/// <param name="NewRelationship">Whether the workbook's relationships need a new entry for it.</param>
/// <param name="RelationshipTypes">The namespace of relationship types: transitional or strict, as the workbook is.</param>
internal sealed record ReviewPlacement(string Name, string Part, string RelationshipId, int SheetId, int ExistingIndex, bool NewRelationship,
    string RelationshipTypes)
{
    /// <summary>The id of the styles relationship, when the workbook had no styles part.</summary>
    public string StylesRelationshipId => RelationshipId + "s";

    /// <summary>The tab index a sheet moves to once the review sheet is first.</summary>
    public int NewIndex(int old) => ExistingIndex < 0 || old < ExistingIndex ? old + 1 : old == ExistingIndex ? 0 : old;
}

/// <summary>
/// The three package parts that must name the review sheet, rewritten streaming: the workbook part (the sheet first
/// and active, sheet-scoped defined names renumbered), its relationships, and the content types.
/// </summary>
internal static class PackageRewriters
{
    public static void Workbook(XmlReader reader, XmlWriter writer, ReviewPlacement review)
    {
        var section = "";
        var index = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.Depth == 1) section = reader.LocalName;
                if (reader.Depth == 1 && section == "sheets")
                {
                    var empty = reader.IsEmptyElement;
                    XmlCopy.Node(reader, writer, leaveOpen: true);
                    writer.WriteStartElement("sheet", reader.NamespaceURI);
                    writer.WriteAttributeString("name", review.Name);
                    writer.WriteAttributeString("sheetId", review.SheetId.ToString(CultureInfo.InvariantCulture));
                    writer.WriteAttributeString("id", review.RelationshipTypes, review.RelationshipId);
                    writer.WriteEndElement();
                    if (empty) writer.WriteEndElement();
                    continue;
                }
                if (reader.Depth == 2 && section == "sheets" && reader.LocalName == "sheet")
                {
                    // The sheet the review sheet replaces is dropped; its relationship now names the review sheet.
                    if (++index == review.ExistingIndex)
                    {
                        SkipElement(reader);
                        continue;
                    }
                }
                else if (reader.Depth == 2 && section == "bookViews" && reader.LocalName == "workbookView")
                {
                    XmlCopy.Node(reader, writer, a => a.NamespaceURI.Length == 0 && a.LocalName is "activeTab" or "firstSheet" ? "0" : a.Value);
                    continue;
                }
                else if (reader.Depth == 2 && section == "definedNames" && reader.LocalName == "definedName")
                {
                    XmlCopy.Node(reader, writer, a => a.NamespaceURI.Length == 0 && a.LocalName == "localSheetId"
                        && int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var old)
                            ? review.NewIndex(old).ToString(CultureInfo.InvariantCulture)
                            : a.Value);
                    continue;
                }
            }
            XmlCopy.Node(reader, writer);
        }
    }

    /// <summary>The workbook's relationships, plus the review sheet's and the styles' when they are new.</summary>
    public static void Relationships(XmlReader reader, XmlWriter writer, ReviewPlacement review, string? newStylesPart)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "Relationship"
                && reader.GetAttribute("Id") == review.RelationshipId)
            {
                // The relationship of a sheet the review sheet replaces: it now names a worksheet, whatever it was.
                XmlCopy.Node(reader, writer, a => a.NamespaceURI.Length == 0 && a.LocalName == "Type" ? $"{review.RelationshipTypes}/worksheet" : a.Value);
                continue;
            }
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
                NewEntries(writer, reader.NamespaceURI, review, newStylesPart);
            XmlCopy.Node(reader, writer);
        }
    }

    /// <summary>A workbook without relationships gets a part holding only the new ones.</summary>
    public static void NewRelationships(XmlWriter writer, ReviewPlacement review, string? newStylesPart)
    {
        writer.WriteStartElement("Relationships", Ooxml.PackageRelationships);
        NewEntries(writer, Ooxml.PackageRelationships, review with { NewRelationship = true }, newStylesPart);
        writer.WriteEndElement();
    }

    private static void NewEntries(XmlWriter writer, string ns, ReviewPlacement review, string? newStylesPart)
    {
        if (review.NewRelationship) Relationship(writer, ns, review.RelationshipId, $"{review.RelationshipTypes}/worksheet", review.Part);
        if (newStylesPart is not null) Relationship(writer, ns, review.StylesRelationshipId, $"{review.RelationshipTypes}/styles", newStylesPart);
    }

    /// <summary>
    /// The content types, with overrides for the review sheet (and new styles, and the report sheet's notes) replacing
    /// any for those parts.
    /// </summary>
    public static void ContentTypes(XmlReader reader, XmlWriter writer, string reviewPart, string? newStylesPart, NotesPlacement? notes)
    {
        var ours = new List<(string Part, string ContentType)> { (reviewPart, Ooxml.WorksheetContentType) };
        if (newStylesPart is not null) ours.Add((newStylesPart, Ooxml.StylesContentType));
        if (notes is not null)
        {
            ours.Add((notes.CommentsPart, NotesPlacement.CommentsContentType));
            ours.Add((notes.VmlPart, NotesPlacement.VmlContentType));
        }
        bool Ours(string? name) => name is not null && ours.Any(o => Same(name, o.Part));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "Override" && Ours(reader.GetAttribute("PartName")))
            {
                SkipElement(reader);
                continue;
            }
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
            {
                foreach (var (part, contentType) in ours) Override(writer, reader.NamespaceURI, part, contentType);
            }
            XmlCopy.Node(reader, writer);
        }
    }

    /// <summary>The report sheet's relationships, plus the two of its notes.</summary>
    public static void SheetRelationships(XmlReader reader, XmlWriter writer, NotesPlacement notes)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
            {
                NotesEntries(writer, reader.NamespaceURI, notes);
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.Depth == 0 && reader.IsEmptyElement)
            {
                XmlCopy.Node(reader, writer, leaveOpen: true);
                NotesEntries(writer, reader.NamespaceURI, notes);
                writer.WriteEndElement();
                continue;
            }
            XmlCopy.Node(reader, writer);
        }
    }

    /// <summary>A report sheet without relationships gets a part holding its notes' two.</summary>
    public static void NewSheetRelationships(XmlWriter writer, NotesPlacement notes)
    {
        writer.WriteStartElement("Relationships", Ooxml.PackageRelationships);
        NotesEntries(writer, Ooxml.PackageRelationships, notes);
        writer.WriteEndElement();
    }

    private static void NotesEntries(XmlWriter writer, string ns, NotesPlacement notes)
    {
        Relationship(writer, ns, notes.CommentsRelationshipId, $"{notes.RelationshipTypes}/comments", notes.CommentsPart);
        Relationship(writer, ns, notes.VmlRelationshipId, $"{notes.RelationshipTypes}/vmlDrawing", notes.VmlPart);
    }

    /// <summary>
    /// Skips the element the reader is on. A non-empty one is read to its end, so the caller's next
    /// <see cref="XmlReader.Read"/> moves past its end tag and nothing else.
    /// </summary>
    private static void SkipElement(XmlReader reader)
    {
        if (reader.IsEmptyElement) return;
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
        }
    }

    private static bool Same(string partName, string part) => string.Equals(partName.TrimStart('/'), part, StringComparison.OrdinalIgnoreCase);

    private static void Relationship(XmlWriter writer, string ns, string id, string type, string part)
    {
        writer.WriteStartElement("Relationship", ns);
        writer.WriteAttributeString("Id", id);
        writer.WriteAttributeString("Type", type);
        writer.WriteAttributeString("Target", "/" + part);
        writer.WriteEndElement();
    }

    private static void Override(XmlWriter writer, string ns, string part, string contentType)
    {
        writer.WriteStartElement("Override", ns);
        writer.WriteAttributeString("PartName", "/" + part);
        writer.WriteAttributeString("ContentType", contentType);
        writer.WriteEndElement();
    }
}
