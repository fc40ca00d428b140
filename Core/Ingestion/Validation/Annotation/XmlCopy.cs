using System.Text;
using System.Xml;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>
/// Node-by-node copying from an upload's part to its annotated copy, for the rewriters that change a few elements on
/// the way: a flat loop over <see cref="XmlReader.Read"/>, never recursion, on readers bounded by <see cref="PartXml"/>.
/// Comments and processing instructions are dropped; everything else (namespaces and prefixes, whitespace, text) is
/// kept as found.
/// </summary>
internal static class XmlCopy
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Entitize keeps a typed carriage return a carriage return instead of normalising it away.
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    /// <summary>A bounded reader over an entry's content (which it disposes), as the reader parses parts.</summary>
    public static XmlReader Read(Stream content, string part) => PartXml.Open(content, part);

    /// <summary>A writer for a new part, with the XML declaration Excel writes.</summary>
    public static XmlWriter Write(Stream output)
    {
        var writer = XmlWriter.Create(output, WriterSettings);
        writer.WriteStartDocument(standalone: true);
        return writer;
    }

    /// <summary>
    /// Copies the node the reader is on, except an element's end when <paramref name="leaveOpen"/> (the caller adds
    /// content before closing it) and attributes that <paramref name="attribute"/> drops or rewrites.
    /// </summary>
    /// <param name="attribute">Given the reader on an attribute, the value to write, or null to drop it.</param>
    /// <returns>True when an element was started and left open (it was not empty, or <paramref name="leaveOpen"/>).</returns>
    public static bool Node(XmlReader reader, XmlWriter writer, Func<XmlReader, string?>? attribute = null, bool leaveOpen = false)
    {
        switch (reader.NodeType)
        {
            case XmlNodeType.Element:
                var empty = reader.IsEmptyElement;
                StartElement(reader, writer, attribute);
                if (empty && !leaveOpen)
                {
                    writer.WriteEndElement();
                    return false;
                }
                return true;
            case XmlNodeType.EndElement:
                writer.WriteFullEndElement();
                return false;
            case XmlNodeType.Text:
                Chunks(reader, writer);
                return false;
            case XmlNodeType.CDATA:
                writer.WriteCData(reader.Value);
                return false;
            case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                writer.WriteWhitespace(reader.Value);
                return false;
            default:
                // The declaration is written by Write; DTDs are refused by the reader; comments and PIs are dropped.
                return false;
        }
    }

    /// <summary>Starts the element the reader is on, with its attributes (filtered), leaving the reader on the element.</summary>
    public static void StartElement(XmlReader reader, XmlWriter writer, Func<XmlReader, string?>? attribute = null)
    {
        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
        if (!reader.MoveToFirstAttribute()) return;
        do
        {
            var value = attribute is null || IsNamespaceDeclaration(reader) ? reader.Value : attribute(reader);
            if (value is not null) writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, value);
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }

    /// <summary>Copies everything until the end of the document.</summary>
    public static void Rest(XmlReader reader, XmlWriter writer)
    {
        while (reader.Read()) Node(reader, writer);
    }

    /// <summary>The attribute's value unless it is the unqualified <paramref name="name"/>, which is dropped.</summary>
    public static Func<XmlReader, string?> Dropping(string name) =>
        a => a.NamespaceURI.Length == 0 && a.LocalName == name ? null : a.Value;

    private static bool IsNamespaceDeclaration(XmlReader reader) => reader.NamespaceURI == "http://www.w3.org/2000/xmlns/";

    [ThreadStatic]
    private static char[]? _threadChunk;

    /// <summary>A text node in chunks, never materialised whole; a surrogate pair split between chunks is kept together.</summary>
    private static void Chunks(XmlReader reader, XmlWriter writer)
    {
        var buffer = _threadChunk ??= new char[4097];
        var carried = 0;
        int read;
        while ((read = reader.ReadValueChunk(buffer, carried, buffer.Length - 1 - carried)) > 0)
        {
            var total = carried + read;
            carried = char.IsHighSurrogate(buffer[total - 1]) ? 1 : 0;
            writer.WriteChars(buffer, 0, total - carried);
            if (carried == 1) buffer[0] = buffer[total - 1];
        }
        if (carried == 1) writer.WriteChars(buffer, 0, 1);
    }
}
