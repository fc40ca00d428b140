using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// A bare forward-only <see cref="XmlReader"/> over a part, for the two large parts (the report worksheet and the
/// shared-string table). Measured on a 500-activity template, the SDK's <c>OpenXmlReader</c>, which builds an element
/// object for every node, took about five times as long for the same pass over the worksheet; the package itself is
/// still opened and resolved by the SDK.
/// </summary>
internal static class PartXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // The package guard has already refused DTDs; refuse them here too rather than expand anything.
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader Open(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Settings);
}
