using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>
/// Writes one "Datos" worksheet part forward-only with <see cref="OpenXmlWriter"/>: inline strings (no shared-string
/// table to grow), one small element per cell, nothing kept per row, so memory is the same for ten rows or a million.
/// Numbers are stored as numbers (the axis too); the status is its label in the workbook's language, with the stable
/// code in the last column for scripts; a unit without an accepted sheet has its rows, with no submission.
/// </summary>
internal sealed class DataSheetWriter : IDisposable
{
    public static readonly string[] Headers =
    [
        "Periodo", "Año", "Trimestre", "Unidad", "Nombre de la unidad", "Eje", "Actividad", "Etiqueta",
        "Programado (%)", "Ejecutado (%)", "Estado", "Cantidad", "Observaciones", "Evidencia", "Id del envío", "Subido (UTC)",
        "Código de estado",
    ];

    /// <summary>The status code of a unit's rows when it has no accepted sheet for the period.</summary>
    public const string NoSubmissionCode = "NoSubmission";

    /// <summary>The status label of those rows.</summary>
    public const string NoSubmissionLabel = "sin informe";

    private static readonly double[] Widths = [10, 7, 10, 9, 24, 6, 12, 10, 14, 14, 14, 10, 50, 40, 28, 17, 16];
    private static readonly string[] Columns = Enumerable.Range(0, Headers.Length).Select(i => ((char)('A' + i)).ToString()).ToArray();

    private readonly OpenXmlWriter _writer;
    private readonly uint _headerStyle;
    private readonly uint _dateStyle;
    private int _row;

    public int Rows { get; private set; }

    public static string LastColumn => Columns[^1];

    public DataSheetWriter(Stream partStream, uint headerStyle, uint dateStyle)
    {
        _headerStyle = headerStyle;
        _dateStyle = dateStyle;
        _writer = OpenXmlWriter.Create(partStream);
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        _writer.WriteElement(new Columns(Widths.Select((w, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());

        StartRow(1);
        for (var i = 0; i < Headers.Length; i++) Text(i, Headers[i], _headerStyle);
        _writer.WriteEndElement();
    }

    public void Write(TidyRow r)
    {
        Rows++;
        StartRow(Rows + 1);
        Text(0, r.Period);
        Number(1, r.Year);
        Number(2, r.Quarter);
        Text(3, r.UnitCode);
        Text(4, r.UnitName);
        if (int.TryParse(r.AxisCode, NumberStyles.None, CultureInfo.InvariantCulture, out var axis)) Number(5, axis);
        else Text(5, r.AxisCode);
        Text(6, r.ActivityCode);
        Text(7, r.ActivityLabel);
        Number(8, r.Programado);
        Number(9, r.Ejecutado);
        var (label, code) = Status(r);
        Text(10, label);
        Number(11, r.Quantity);
        Text(12, r.Observaciones);
        Text(13, r.Evidencia);
        Text(14, r.SubmissionId);
        if (r.UploadedAt is { } at) Number(15, at.UtcDateTime.ToOADate(), _dateStyle);
        Text(16, code);
        _writer.WriteEndElement();
    }

    private static (string? Label, string? Code) Status(TidyRow r)
    {
        if (r.SubmissionId.Length == 0) return (NoSubmissionLabel, NoSubmissionCode);
        if (r.Status is null) return (null, null);
        return Enum.TryParse<ActivityStatus>(r.Status, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? (status.Label(Language.Es), status.ToString())
            : (r.Status, r.Status);
    }

    /// <summary>Closes the rows, adds the auto-filter over the header and every written row, and the page setup.</summary>
    public void Finish()
    {
        _writer.WriteEndElement(); // sheetData
        _writer.WriteElement(new AutoFilter { Reference = FilterRange });
        // Landscape, one page wide; the header row repeats on every page (the workbook's Print_Titles name).
        _writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        _writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        _writer.WriteElement(new HeaderFooter(new OddFooter("&C&P / &N")));
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
    }

    public string FilterRange => $"A1:{LastColumn}{Rows + 1}";

    public void Dispose() => _writer.Dispose();

    private void StartRow(int index)
    {
        _row = index;
        _writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", index.ToString(CultureInfo.InvariantCulture))]);
    }

    private void Text(int column, string? value, uint style = 0)
    {
        var text = SheetCells.Clean(value);
        if (text.Length == 0) return;
        // An inline string is text by construction: "=…", "+…", "-…", "@…" can never become a formula here.
        var cell = new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column),
            DataType = CellValues.InlineString,
        };
        if (style != 0) cell.StyleIndex = style;
        _writer.WriteElement(cell);
    }

    private void Number(int column, double? value, uint style = 0)
    {
        if (value is not { } v || !double.IsFinite(v)) return;
        var cell = new Cell(new CellValue(v.ToString("R", CultureInfo.InvariantCulture))) { CellReference = Reference(column) };
        if (style != 0) cell.StyleIndex = style;
        _writer.WriteElement(cell);
    }

    private string Reference(int column) => string.Concat(Columns[column], _row.ToString(CultureInfo.InvariantCulture));
}
