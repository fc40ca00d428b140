using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// The cell styles of the filled plan matrix (<see cref="FilledPlanMatrixWriter"/>) and its styles part: a few fonts
/// and fills, one thin border for the table, a number format per coverage ("0.0 % (7 de 9)"), each combination an
/// index the sheet's cells name. Every cell is aligned to the top, so a short value sits level with wrapped text.
/// </summary>
internal sealed class MatrixStyles
{
    private const uint Normal = 0, Bold = 1, Title13 = 2, Italic = 3, BoldItalic = 4;
    private const uint NoFill = 0, HeaderFill = 2, AxisFill = 3, StrategicFill = 4, InProgressFill = 5;

    /// <summary>Fill colours (ARGB): header, axis band, strategic objective band, a year in progress (shaded and italic, never colour alone).</summary>
    private static readonly string[] FillColours = ["FFDDEBF7", "FFBDD7EE", "FFDEEAF6", "FFEDEDED"];

    // Custom number formats start at 164; the built-in ones are below.
    private const uint FirstCustomFormat = 164;

    private readonly List<Xf> _xfs = [default];
    private readonly Dictionary<Xf, uint> _indexes = new() { [default] = 0 };
    private readonly Dictionary<string, uint> _formats = new(StringComparer.Ordinal);

    public MatrixStyles()
    {
        Title = Index(new Xf(Title13, NoFill, false, 0, null, false));
        Sentence = Index(new Xf(Normal, NoFill, false, 0, null, true));
        Header = Index(new Xf(Bold, HeaderFill, true, 0, HorizontalAlignmentValues.Center, true));
        HeaderInProgress = Index(new Xf(BoldItalic, InProgressFill, true, 0, HorizontalAlignmentValues.Center, true));
        AxisBand = Index(new Xf(Bold, AxisFill, true, 0, null, true));
        StrategicBand = Index(new Xf(Bold, StrategicFill, true, 0, null, true));
        Text = Index(new Xf(Normal, NoFill, true, 0, null, true));
        Programado = Index(new Xf(Normal, NoFill, true, Format(TemplateLayout.PercentDisplayFormat), HorizontalAlignmentValues.Right, false));
        Figure = Index(new Xf(Normal, NoFill, true, 0, HorizontalAlignmentValues.Right, false));
    }

    public uint Title { get; }
    public uint Sentence { get; }
    public uint Header { get; }
    public uint HeaderInProgress { get; }
    public uint AxisBand { get; }
    public uint StrategicBand { get; }
    public uint Text { get; }
    public uint Programado { get; }

    /// <summary>A year's number cell without a number: right-aligned, in the table's borders.</summary>
    public uint Figure { get; }

    /// <summary>An ejecutado cell: its coverage format (null for text), italic and shaded when its year is in progress.</summary>
    public uint Ejecutado(string? format, bool inProgress) => Index(new Xf(inProgress ? Italic : Normal, inProgress ? InProgressFill : NoFill, true,
        format is null ? 0 : Format(format), HorizontalAlignmentValues.Right, false));

    public void Write(Stream part)
    {
        var stylesheet = new Stylesheet(
            new NumberingFormats(_formats.Select(f => new NumberingFormat { NumberFormatId = f.Value, FormatCode = f.Key })) { Count = (uint)_formats.Count },
            new Fonts(Font(false, false, 11), Font(true, false, 11), Font(true, false, 13), Font(false, true, 11), Font(true, true, 11)) { Count = 5 },
            new Fills([
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                .. FillColours.Select(c => new Fill(new PatternFill(new ForegroundColor { Rgb = c }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })),
            ]) { Count = (uint)FillColours.Length + 2 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(_xfs.Select(CellFormat)) { Count = (uint)_xfs.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteElement(stylesheet);
        writer.Close();
    }

    private uint Index(Xf xf)
    {
        if (_indexes.TryGetValue(xf, out var index)) return index;
        index = (uint)_xfs.Count;
        _xfs.Add(xf);
        _indexes[xf] = index;
        return index;
    }

    private uint Format(string code)
    {
        if (_formats.TryGetValue(code, out var id)) return id;
        id = FirstCustomFormat + (uint)_formats.Count;
        _formats[code] = id;
        return id;
    }

    private static CellFormat CellFormat(Xf xf)
    {
        var alignment = new Alignment { Vertical = VerticalAlignmentValues.Top };
        if (xf.Horizontal is { } h) alignment.Horizontal = h;
        if (xf.Wrap) alignment.WrapText = true;
        return new CellFormat(alignment)
        {
            NumberFormatId = xf.Format,
            FontId = xf.Font,
            FillId = xf.Fill,
            BorderId = xf.Border ? 1u : 0u,
            FormatId = 0,
            ApplyNumberFormat = xf.Format != 0,
            ApplyFont = xf.Font != Normal,
            ApplyFill = xf.Fill != NoFill,
            ApplyBorder = xf.Border,
            ApplyAlignment = true,
        };
    }

    private static Font Font(bool bold, bool italic, double size)
    {
        var font = new Font();
        if (bold) font.Append(new DocumentFormat.OpenXml.Spreadsheet.Bold());
        if (italic) font.Append(new DocumentFormat.OpenXml.Spreadsheet.Italic());
        font.Append(new FontSize { Val = size }, new Color { Theme = 1 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    /// <summary>One combination of font, fill, border, number format and alignment (the vertical is always top).</summary>
    private readonly record struct Xf(uint Font, uint Fill, bool Border, uint Format, HorizontalAlignmentValues? Horizontal, bool Wrap);
}
