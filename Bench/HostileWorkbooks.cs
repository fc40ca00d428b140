using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Bench;

/// <summary>Where <see cref="HostileWorkbooks.NestedInPart"/> puts its nested elements.</summary>
public enum NestingPlace
{
    ReportSheetCell,
    InstructionsSheetCell,
    SharedStrings,
    Styles,
    Workbook,
    WorkbookRelationships,
    PackageRelationships,
    ContentTypes,
}

/// <summary>
/// Small uploads that cost the pipeline in proportion to what they hold, not to their size, made from a filled
/// template (ours, so its parts are found by name): the hostile cases and their variants. Each part is generated
/// streaming into the zip, so even the 2.5-million-cell files cost the generator little memory. Used by the hostile
/// tests and by <c>bench --only hostile</c>.
/// </summary>
public static partial class HostileWorkbooks
{
    public const int FloodCells = 2_500_000;
    public const int Nesting = 100_000;
    public const int OneCellRows = 2_500_000;
    public const int CodedRows = 300_000;
    public const int LongNameChars = 40_000;

    /// <summary>The instructions sheet (never read) replaced by <paramref name="cells"/> trivial cells, 100 to a row.</summary>
    public static byte[] InstructionsFlood(byte[] xlsx, int cells = FloodCells) =>
        Replace(xlsx, SheetPart(xlsx, s => s is TemplateLayout.InstructionsSheetEs or TemplateLayout.InstructionsSheetEn), (_, w) =>
        {
            w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var i = 0; i < cells; i++)
            {
                var row = i / 100 + 1;
                if (i % 100 == 0) w.Write(i == 0 ? $"<row r=\"{row}\">" : $"</row><row r=\"{row}\">");
                w.Write($"<c r=\"{Column(i % 100 + 1)}{row}\"><v>{i % 10}</v></c>");
            }
            w.Write("</row></sheetData></worksheet>");
        });

    /// <summary><paramref name="depth"/> nested elements (<c>&lt;n&gt;&lt;n&gt;…</c>) inside one element of a part.</summary>
    public static byte[] NestedInPart(byte[] xlsx, NestingPlace place, int depth = Nesting)
    {
        var (part, after) = place switch
        {
            NestingPlace.ReportSheetCell => (ReportPart(xlsx), "<(?:\\w+:)?c r=\"A9\"[^>]*[^/]>"),
            NestingPlace.InstructionsSheetCell => (SheetPart(xlsx, s => s is TemplateLayout.InstructionsSheetEs or TemplateLayout.InstructionsSheetEn), "<(?:\\w+:)?c r=\"A1\"[^>]*[^/]>"),
            NestingPlace.SharedStrings => ("xl/sharedStrings.xml", "<(?:\\w+:)?si>"),
            NestingPlace.Styles => ("xl/styles.xml", "<(?:\\w+:)?cellXfs[^>]*>"),
            NestingPlace.Workbook => ("xl/workbook.xml", "<(?:\\w+:)?sheets>"),
            NestingPlace.WorkbookRelationships => ("xl/_rels/workbook.xml.rels", "<Relationships[^>]*>"),
            NestingPlace.PackageRelationships => ("_rels/.rels", "<Relationships[^>]*>"),
            _ => ("[Content_Types].xml", "<Types[^>]*>"),
        };
        return Replace(xlsx, part, (xml, w) => Insert(xml, after, w, () =>
        {
            for (var i = 0; i < depth; i++) w.Write("<n>");
            for (var i = 0; i < depth; i++) w.Write("</n>");
        }));
    }

    /// <summary><paramref name="rows"/> rows of one cell (column A, no positions) below the report sheet's activities.</summary>
    public static byte[] OneCellRowsBelow(byte[] xlsx, int rows = OneCellRows) =>
        Replace(xlsx, ReportPart(xlsx), (xml, w) => Before(xml, "</(\\w+:)?sheetData>", w, p =>
        {
            var row = $"<{p}row><{p}c><{p}v>1</{p}v></{p}c></{p}row>";
            for (var i = 0; i < rows; i++) w.Write(row);
        }));

    /// <summary><paramref name="rows"/> rows below the activities, each with an activity-like code: one finding each, uncapped.</summary>
    public static byte[] CodedRowsBelow(byte[] xlsx, int rows = CodedRows) =>
        Replace(xlsx, ReportPart(xlsx), (xml, w) => Before(xml, "</(\\w+:)?sheetData>", w, p =>
        {
            var first = LastRow(xml) + 1;
            for (var r = first; r < first + rows; r++)
                w.Write($"<{p}row r=\"{r}\"><{p}c r=\"A{r}\" t=\"inlineStr\"><{p}is><{p}t>9.9.{r}</{p}t></{p}is></{p}c></{p}row>");
        }));

    /// <summary>Every row of the report sheet given <paramref name="extraColumns"/> more cells to the right of the table.</summary>
    public static byte[] WideRows(byte[] xlsx, int extraColumns) =>
        Replace(xlsx, ReportPart(xlsx), (xml, w) =>
        {
            var at = 0;
            foreach (Match end in RowEnd().Matches(xml))
            {
                var row = RowNumberBefore(xml, end.Index);
                w.Write(xml.AsSpan(at, end.Index - at));
                var p = end.Groups[1].Value;
                for (var c = TemplateLayout.LastColumn + 1; c <= TemplateLayout.LastColumn + extraColumns; c++)
                    w.Write($"<{p}c r=\"{Column(c)}{row}\"><{p}v>{c % 10}</{p}v></{p}c>");
                at = end.Index;
            }
            w.Write(xml.AsSpan(at));
        });

    /// <summary>
    /// <paramref name="strings"/> more shared strings; with <paramref name="pointAtLast"/>, the first activity's
    /// observation shows the last of them, so a reader must go through them all.
    /// </summary>
    public static byte[] HugeSharedStrings(byte[] xlsx, int strings, bool pointAtLast)
    {
        var existing = 0;
        var bytes = Replace(xlsx, "xl/sharedStrings.xml", (xml, w) => Before(xml, "</(\\w+:)?sst>", w, p =>
        {
            existing = Regex.Matches(xml, "<(?:\\w+:)?si>").Count;
            for (var i = 0; i < strings; i++) w.Write($"<{p}si><{p}t>texto de relleno {i}</{p}t></{p}si>");
        }));
        if (!pointAtLast) return bytes;
        var last = existing + strings - 1;
        return WithSharedString(bytes, "K9", last);
    }

    /// <summary><paramref name="styles"/> more cell styles in the styles part.</summary>
    public static byte[] ManyStyles(byte[] xlsx, int styles) =>
        Replace(xlsx, "xl/styles.xml", (xml, w) => Before(xml, "</(\\w+:)?cellXfs>", w, p =>
        {
            for (var i = 0; i < styles; i++) w.Write($"<{p}xf numFmtId=\"{i % 50}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        }));

    /// <summary>The hidden metadata sheet followed by <paramref name="rows"/> rows of used key cells.</summary>
    public static byte[] MetadataFlood(byte[] xlsx, int rows) =>
        Replace(xlsx, SheetPart(xlsx, s => s == TemplateLayout.MetadataSheet), (xml, w) => Before(xml, "</(\\w+:)?sheetData>", w, p =>
        {
            var first = LastRow(xml) + 1;
            for (var r = first; r < first + rows; r++)
                w.Write($"<{p}row r=\"{r}\"><{p}c r=\"A{r}\" t=\"inlineStr\"><{p}is><{p}t>Clave{r}</{p}t></{p}is></{p}c></{p}row>");
        }));

    /// <summary>A part nobody reads, of <paramref name="bytes"/> zeros (an image, say), stored compressed.</summary>
    public static byte[] WithPart(byte[] xlsx, string name, long bytes)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1 << 20];
            for (long written = 0; written < bytes; written += chunk.Length) entry.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
        return output.ToArray();
    }

    /// <summary>
    /// The focal point's name <paramref name="chars"/> characters long, written into the sheet's XML as a script would
    /// (Excel and ClosedXML stop at 32,767 characters a cell; the file format does not).
    /// </summary>
    public static byte[] LongFocalName(byte[] xlsx, int chars = LongNameChars) =>
        WithInlineText(xlsx, TemplateLayout.FocalNameCell, string.Concat(Enumerable.Repeat("María José ", chars / 11 + 1))[..chars]);

    /// <summary>
    /// A DDE formula in the focal point's name cell (<c>cmd|' /C calc'!A0</c>, the classic "run a program" link) with a
    /// cached value, as a script writes it: Excel offers to start <c>cmd</c> when the workbook is opened.
    /// </summary>
    public static byte[] WithDdeFormula(byte[] xlsx, string formula = "cmd|' /C calc'!A0") =>
        ReplaceCell(xlsx, TemplateLayout.FocalNameCell, (p, style) =>
            $"<{p}c r=\"{TemplateLayout.FocalNameCell}\"{style} t=\"str\"><{p}f>{System.Security.SecurityElement.Escape(formula)}</{p}f><{p}v>Ana</{p}v></{p}c>");

    /// <summary>A link to another workbook (an <c>xl/externalLinks/</c> part), as Excel saves one when a cell refers to another file.</summary>
    public static byte[] WithExternalLink(byte[] xlsx)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("xl/externalLinks/externalLink1.xml").Open(), new UTF8Encoding(false));
            entry.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                        "<ddeLink ddeService=\"cmd\" ddeTopic=\" /C calc\"><ddeItems><ddeItem name=\"A0\"/></ddeItems></ddeLink></externalLink>");
        }
        return output.ToArray();
    }

    /// <summary>One report sheet cell (present in the template) showing shared string <paramref name="index"/>.</summary>
    private static byte[] WithSharedString(byte[] xlsx, string cell, int index) =>
        ReplaceCell(xlsx, cell, (p, style) => $"<{p}c r=\"{cell}\"{style} t=\"s\"><{p}v>{index}</{p}v></{p}c>");

    /// <summary>One report sheet cell (present in the template) holding <paramref name="text"/> as an inline string.</summary>
    public static byte[] WithInlineText(byte[] xlsx, string cell, string text) =>
        ReplaceCell(xlsx, cell, (p, style) =>
            $"<{p}c r=\"{cell}\"{style} t=\"inlineStr\"><{p}is><{p}t>{System.Security.SecurityElement.Escape(text)}</{p}t></{p}is></{p}c>");

    /// <summary>The report sheet with one cell element replaced, given the element prefix and the cell's style attribute.</summary>
    private static byte[] ReplaceCell(byte[] xlsx, string cell, Func<string, string, string> element) =>
        Replace(xlsx, ReportPart(xlsx), (xml, w) =>
        {
            var match = Regex.Match(xml, $"<(\\w+:)?c r=\"{cell}\"[^>]*?(?:/>|>.*?</\\1c>)");
            if (!match.Success) throw new InvalidOperationException($"No cell {cell} in the report sheet.");
            var p = match.Groups[1].Value;
            var style = Regex.Match(match.Value, " s=\"(\\d+)\"") is { Success: true } s ? $" s=\"{s.Groups[1].Value}\"" : "";
            w.Write(xml.AsSpan(0, match.Index));
            w.Write(element(p, style));
            w.Write(xml.AsSpan(match.Index + match.Length));
        });

    // ---- Package plumbing (our own templates: trusted, small parts) ------------------------------------------------

    private static string ReportPart(byte[] xlsx) => SheetPart(xlsx, TemplateLayout.IsReportSheet);

    private static string SheetPart(byte[] xlsx, Func<string, bool> name)
    {
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var workbook = XDocument.Parse(ReadPart(xlsx, "xl/workbook.xml"));
        var id = workbook.Descendants().First(e => e.Name.LocalName == "sheet" && name((string)e.Attribute("name")!)).Attribute(r + "id")!.Value;
        var rels = XDocument.Parse(ReadPart(xlsx, "xl/_rels/workbook.xml.rels"));
        var target = rels.Root!.Elements().First(e => (string?)e.Attribute("Id") == id).Attribute("Target")!.Value;
        return target.StartsWith('/') ? target[1..] : "xl/" + target;
    }

    private static string ReadPart(byte[] xlsx, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The package with one part's content replaced by what <paramref name="write"/> writes from the old one.</summary>
    private static byte[] Replace(byte[] xlsx, string part, Action<string, TextWriter> write)
    {
        var xml = ReadPart(xlsx, part);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize).Open();
                if (entry.FullName != part)
                {
                    using var from = entry.Open();
                    from.CopyTo(target);
                    continue;
                }
                using var writer = new StreamWriter(target, new UTF8Encoding(false), 1 << 16);
                write(xml, writer);
            }
        }
        return output.ToArray();
    }

    private static void Insert(string xml, string after, TextWriter w, Action content)
    {
        var match = Regex.Match(xml, after);
        if (!match.Success) throw new InvalidOperationException($"No {after} in the part.");
        var at = match.Index + match.Length;
        w.Write(xml.AsSpan(0, at));
        content();
        w.Write(xml.AsSpan(at));
    }

    /// <summary>Writes <paramref name="content"/> before the last match, given the element prefix it uses ("x:" or "").</summary>
    private static void Before(string xml, string pattern, TextWriter w, Action<string> content)
    {
        var match = Regex.Matches(xml, pattern).Last();
        w.Write(xml.AsSpan(0, match.Index));
        content(match.Groups[1].Value);
        w.Write(xml.AsSpan(match.Index));
    }

    private static int LastRow(string xml) =>
        RowNumber().Matches(xml).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    private static int RowNumberBefore(string xml, int index) =>
        int.Parse(RowNumber().Matches(xml[..index]).Last().Groups[1].Value, CultureInfo.InvariantCulture);

    private static string Column(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    [GeneratedRegex("<(?:\\w+:)?row r=\"(\\d+)\"")]
    private static partial Regex RowNumber();

    [GeneratedRegex("</(\\w+:)?row>")]
    private static partial Regex RowEnd();
}
