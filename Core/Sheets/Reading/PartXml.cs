using System.Xml;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// How every XML part of an upload is parsed: a bare forward-only <see cref="XmlReader"/> (no DOM, and no object per
/// node as the Open XML SDK's <c>OpenXmlReader</c> builds; docs/benchmarks.md compares the two), refusing DTDs, reading at most <see cref="ReadingLimits.MaxPartBytes"/> inflated bytes and
/// <see cref="ReadingLimits.MaxXmlDepth"/> levels of nesting (<see cref="PartLimitException"/> past either).
/// </summary>
internal static class PartXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // The package guard has already refused DTDs; refuse them here too rather than expand anything.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>A bounded reader over <paramref name="content"/>, which it owns and disposes.</summary>
    /// <param name="part">The part's name, for the limit's message.</param>
    public static XmlReader Open(Stream content, string part, long maxBytes = ReadingLimits.MaxPartBytes) =>
        new DepthLimitedXmlReader(XmlReader.Create(CountingStream.ForPart(content, part, maxBytes), Settings), part, ReadingLimits.MaxXmlDepth);

    /// <summary>
    /// The same bounds for a reader whose settings the caller chooses (the guard's, the annotated copy's), over a
    /// stream it already bounds.
    /// </summary>
    public static XmlReader Open(Stream content, string part, XmlReaderSettings settings, long maxBytes) =>
        new DepthLimitedXmlReader(XmlReader.Create(CountingStream.ForPart(content, part, maxBytes), settings), part, ReadingLimits.MaxXmlDepth);
}
