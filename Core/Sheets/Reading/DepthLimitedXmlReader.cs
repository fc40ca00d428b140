using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// An <see cref="XmlReader"/> that refuses to go deeper than a bound (<see cref="PartLimitException"/>). Written here
/// because <see cref="XmlReaderSettings"/> has no depth limit: a reader keeps one record per open element, so a few
/// kilobytes of nested elements would otherwise cost memory in proportion to the nesting (and a recursive consumer,
/// its stack). Every other member delegates; <see cref="XmlReader.Skip"/> and the <c>ReadElementContentAs…</c> helpers
/// of the base class move through <see cref="Read"/>, so they are bounded too.
/// </summary>
internal sealed class DepthLimitedXmlReader(XmlReader inner, string part, int maxDepth) : XmlReader
{
    public override bool Read()
    {
        var more = inner.Read();
        if (more && inner.Depth > maxDepth) throw new PartLimitException(PartLimit.Depth, part, maxDepth);
        return more;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool HasValue => inner.HasValue;
    public override bool IsDefault => inner.IsDefault;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override XmlSpace XmlSpace => inner.XmlSpace;
    public override string XmlLang => inner.XmlLang;
    public override bool CanReadValueChunk => inner.CanReadValueChunk;

    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();
    public override int ReadValueChunk(char[] buffer, int index, int count) => inner.ReadValueChunk(buffer, index, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
