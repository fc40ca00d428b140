using System.Xml;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Packages;

/// <summary>
/// Finds DDE formulas (<c>cmd|'/C calc'!A0</c>: <i>application</i><c>|</c><i>topic</i><c>!</c><i>item</i>) in a part:
/// in Excel's formula grammar a <c>|</c> outside a string literal (<c>"…"</c>) and a quoted sheet name (<c>'…'</c>)
/// only ever separates a DDE application from its topic. Excel offers to start that application when the workbook is
/// opened, so a reader opening an original or reviewed copy would be one click from running it. Cell formulas
/// (<c>&lt;f&gt;</c>) and defined names (<c>&lt;definedName&gt;</c>) are read in chunks, never whole, within the bounds
/// every part is parsed under (<see cref="PartXml"/>).
/// </summary>
internal static class DdeFormulas
{
    /// <summary>True when <paramref name="formula"/> holds a DDE reference.</summary>
    public static bool IsDde(ReadOnlySpan<char> formula)
    {
        var scanner = new Scanner();
        return scanner.Observe(formula);
    }

    /// <summary>Whether the part (XML, raw bytes of the package) holds a DDE formula; a part that cannot be read holds none found.</summary>
    public static bool InPart(Stream inflated, string name, XmlReaderSettings settings)
    {
        var chunk = new char[4096];
        try
        {
            using var reader = PartXml.Open(inflated, name, settings, ReadingLimits.MaxPartBytes);
            Scanner? formula = null;
            var depth = -1;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.LocalName is "f" or "definedName" && !reader.IsEmptyElement:
                        formula = new Scanner();
                        depth = reader.Depth;
                        break;
                    case XmlNodeType.EndElement when formula is not null && reader.Depth == depth:
                        formula = null;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when formula is not null:
                        int read;
                        while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            if (formula.Observe(chunk.AsSpan(0, read))) return true;
                        }
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or PartLimitException or InvalidDataException)
        {
            // The reader reports a broken or oversized part it needs; one it does not need cannot run anything here.
        }

        return false;
    }

    /// <summary>The formula's quoting state, carried across chunks.</summary>
    private sealed class Scanner
    {
        private bool _inString;
        private bool _inName;

        public bool Observe(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (_inString) _inString = c != '"';
                else if (_inName) _inName = c != '\'';
                else if (c == '"') _inString = true;
                else if (c == '\'') _inName = true;
                else if (c == '|') return true;
            }

            return false;
        }
    }
}
