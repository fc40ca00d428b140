using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Reports.PlanMatrix.FilledPlanMatrixTexts;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// Writes the filled plan matrix in the seed document's layout: a band per axis and per strategic objective, then one
/// row per activity (code, operational objective, activity, meta, indicador, responsable) and, for each year, its
/// programado and ejecutado. An ejecutado cell holds the number at full precision and shows its coverage through its
/// number format ("57,0 % (7 de 9)"), so it stays a number an analyst can sum. A4 landscape, one page wide, the two
/// header rows on every page; row heights estimated from the texts (<see cref="RowHeights"/>, as every sheet here).
/// <para>
/// Written forward-only with the Open XML SDK's <see cref="OpenXmlWriter"/> into a zip written as it goes, as the merged
/// workbook's data sheets are (<see cref="DataSheetWriter"/>), not through ClosedXML: ClosedXML builds the whole sheet
/// as objects and pays a fixed cost per workbook that made a 500-row matrix ≈ 9× a bare write of the same cells. The
/// package parts besides the sheet are a few lines each (<see cref="MatrixPackage"/>); the styles are the handful the
/// layout uses (<see cref="MatrixStyles"/>).
/// </para>
/// </summary>
public sealed class FilledPlanMatrixWriter
{
    public const int TitleRow = 1;
    public const int ExplanationRow = 2;
    public const int YearHeaderRow = 3;
    public const int ColumnHeaderRow = 4;
    public const int FixedColumns = 6;

    private static readonly double[] FixedWidths = [9, 24, 34, 22, 22, 18];
    private const double ProgramadoWidth = 11;
    private const double EjecutadoWidth = 15;

    /// <summary>
    /// Excel's padding added to a width in characters, as ClosedXML writes every width (and subtracts reading it): the
    /// columns are as wide as when ClosedXML wrote this sheet, and the row heights estimated for them still hold.
    /// </summary>
    private const double CellPadding = 0.710625;

    /// <summary>The programado column of <paramref name="yearIndex"/> (0 = the plan's first year); ejecutado is the next.</summary>
    public static int ProgramadoColumn(int yearIndex) => FixedColumns + 1 + yearIndex * 2;

    public void Write(Stream output, FilledPlanMatrix matrix, Language l)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(matrix);
        var widths = FixedWidths.Concat(matrix.Years.SelectMany(_ => new[] { ProgramadoWidth, EjecutadoWidth })).ToArray();
        var styles = new MatrixStyles();
        var sheet = new MatrixSheet(matrix, l, widths, styles);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using (var part = MatrixPackage.Entry(zip, MatrixPackage.SheetPath))
            sheet.Write(part);
        using (var part = MatrixPackage.Entry(zip, MatrixPackage.StylesPath))
            styles.Write(part);
        MatrixPackage.WriteParts(zip, SheetName(l), YearHeaderRow, ColumnHeaderRow);
    }

    /// <summary>One pass over the plan: each row's cells, height and merges, written as they come.</summary>
    private sealed class MatrixSheet(FilledPlanMatrix matrix, Language l, double[] widths, MatrixStyles styles)
    {
        private readonly int _lastColumn = widths.Length;
        private readonly List<string> _merges = [];
        // Each year's figures by activity code: one lookup per cell.
        private readonly IReadOnlyList<Dictionary<string, Regional.ActivityProgress>?> _figures =
            matrix.Years.Select(y => y.Basis?.Activities.ToDictionary(a => a.Activity.Code, StringComparer.Ordinal)).ToList();

        private OpenXmlWriter _writer = default!;

        public void Write(Stream part)
        {
            using var writer = OpenXmlWriter.Create(part);
            _writer = writer;
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            // Frozen below the two header rows and right of the code, as ClosedXML's Freeze(4, 1) wrote it.
            var topLeft = Reference(2, ColumnHeaderRow + 1);
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { HorizontalSplit = 1, VerticalSplit = ColumnHeaderRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomRight, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w + CellPadding, CustomWidth = true })));
            writer.WriteStartElement(new SheetData());

            var title = SheetCells.Clean(Title(matrix.Plan, l));
            StartRow(TitleRow, null);
            Text(1, title, styles.Title);
            writer.WriteEndElement();

            var explanation = SheetCells.Clean(Explanation(matrix, l));
            StartRow(ExplanationRow, RowHeights.Lines(explanation, widths.Sum()) * RowHeights.LineHeight);
            Text(1, explanation, styles.Sentence);
            for (var c = 2; c <= _lastColumn; c++) Empty(c, styles.Sentence);
            writer.WriteEndElement();
            Merge(ExplanationRow, 1, ExplanationRow, _lastColumn);

            Headers();

            var row = ColumnHeaderRow;
            foreach (var axis in matrix.Plan.Axes)
            {
                Band(++row, FilledPlanMatrixTexts.Axis(axis, l), styles.AxisBand);
                foreach (var strategic in axis.StrategicObjectives)
                {
                    Band(++row, Strategic(strategic, l), styles.StrategicBand);
                    foreach (var operational in strategic.OperationalObjectives)
                    {
                        if (operational.Activities.Count == 0) continue;
                        var first = row + 1;
                        var objective = SheetCells.Clean($"{operational.Label} {operational.TextIn(l)}".Trim());
                        // The seed prints an operational objective once beside its activities: merged down the
                        // column, the rows together tall enough for it (what is missing goes to the last row).
                        var heights = operational.Activities.Select(a => ActivityHeight(a)).ToArray();
                        if (heights.Length > 1)
                        {
                            var needed = RowHeights.Lines(objective, widths[1]) * RowHeights.LineHeight;
                            if (needed > heights.Sum()) heights[^1] += needed - heights.Sum();
                        }

                        for (var i = 0; i < operational.Activities.Count; i++)
                            ActivityRow(++row, operational.Activities[i], i == 0 ? objective : null, heights[i]);
                        if (row > first) Merge(first, 2, row, 2);
                    }
                }
            }

            writer.WriteEndElement(); // sheetData
            if (_merges.Count > 0)
                writer.WriteElement(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
            writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            writer.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            writer.WriteElement(new HeaderFooter(new OddFooter("&C&P / &N")));
            writer.WriteEndElement(); // worksheet
            writer.Close();
        }

        private void Headers()
        {
            string[] fixedTitles = [Code(l), Operational(l), Activity(l), Meta(l), Indicador(l), Responsable(l)];
            var inProgress = matrix.Years.Select(y => y is { Basis: not null, IsComplete: false }).ToArray();
            uint HeaderStyle(int column) =>
                column > FixedColumns && inProgress[(column - FixedColumns - 1) / 2] ? styles.HeaderInProgress : styles.Header;

            // A year's title wraps over its two narrow columns: room for three lines.
            StartRow(YearHeaderRow, 3 * RowHeights.LineHeight);
            for (var c = 1; c <= _lastColumn; c++)
            {
                if (c <= FixedColumns) Text(c, fixedTitles[c - 1], HeaderStyle(c));
                else if ((c - FixedColumns) % 2 == 1) Text(c, Year(matrix.Years[(c - FixedColumns - 1) / 2], l), HeaderStyle(c));
                else Empty(c, HeaderStyle(c));
            }
            _writer.WriteEndElement();

            StartRow(ColumnHeaderRow, RowHeights.LineHeight + 3);
            for (var c = 1; c <= _lastColumn; c++)
            {
                if (c <= FixedColumns) Empty(c, HeaderStyle(c));
                else Text(c, (c - FixedColumns) % 2 == 1 ? Programado(l) : Ejecutado(l), HeaderStyle(c));
            }
            _writer.WriteEndElement();

            for (var c = 1; c <= FixedColumns; c++) Merge(YearHeaderRow, c, ColumnHeaderRow, c);
            for (var i = 0; i < matrix.Years.Count; i++) Merge(YearHeaderRow, ProgramadoColumn(i), YearHeaderRow, ProgramadoColumn(i) + 1);
        }

        private void Band(int row, string text, uint style)
        {
            text = SheetCells.Clean(text);
            StartRow(row, Math.Max(RowHeights.LineHeight, RowHeights.Lines(text, widths.Sum()) * RowHeights.LineHeight));
            Text(1, text, style);
            for (var c = 2; c <= _lastColumn; c++) Empty(c, style);
            _writer.WriteEndElement();
            Merge(row, 1, row, _lastColumn);
        }

        /// <summary>Tall enough for the longest of the activity's own texts (activity, meta, indicador, responsable).</summary>
        private double ActivityHeight(PlanActivity activity)
        {
            var texts = activity.TextsIn(l);
            string[] own = [$"{activity.Label} {texts.Text}".Trim(), texts.Meta, texts.Indicador, texts.Responsable];
            var lines = 1;
            for (var i = 0; i < own.Length; i++)
            {
                var text = SheetCells.Clean(own[i]);
                if (text.Length > 0) lines = Math.Max(lines, RowHeights.Lines(text, widths[i + 2]));
            }
            return Math.Max(RowHeights.LineHeight, lines * RowHeights.LineHeight);
        }

        /// <param name="objective">The operational objective's text on its first activity's row; null on the others (merged).</param>
        private void ActivityRow(int row, PlanActivity activity, string? objective, double height)
        {
            var texts = activity.TextsIn(l);
            StartRow(row, height);
            Text(1, activity.Code, styles.Text);
            if (objective is null) Empty(2, styles.Text);
            else Text(2, objective, styles.Text);
            Text(3, $"{activity.Label} {texts.Text}".Trim(), styles.Text);
            Text(4, texts.Meta, styles.Text);
            Text(5, texts.Indicador, styles.Text);
            Text(6, texts.Responsable, styles.Text);

            for (var i = 0; i < matrix.Years.Count; i++)
            {
                var year = matrix.Years[i];
                var column = ProgramadoColumn(i);
                if (activity.ForYear(year.Year)?.Programado is { } programado) Number(column, (double)programado, styles.Programado);
                else Empty(column, styles.Figure);

                var italic = year is { Basis: not null, IsComplete: false };
                var figures = _figures[i]?.GetValueOrDefault(activity.Code);
                if (figures?.RegionalEjecutado is { } value)
                    Number(column + 1, value, styles.Ejecutado(CoverageFormat(figures.Reporting, figures.Expected, l), italic));
                else if (figures is { IsNotApplicableToAll: true })
                    Text(column + 1, NotApplicable(figures.NotApplicable, l), styles.Ejecutado(null, italic));
                else if (figures is { IsProgrammed: true, Expected: > 0 })
                    Text(column + 1, NoReport(figures.Expected, l), styles.Ejecutado(null, italic));
                else
                    Empty(column + 1, styles.Ejecutado(null, italic));
            }

            _writer.WriteEndElement();
        }

        private void StartRow(int index, double? height)
        {
            _row = index.ToString(CultureInfo.InvariantCulture);
            var attributes = new List<OpenXmlAttribute>(3) { new("r", "", _row) };
            if (height is { } h)
            {
                attributes.Add(new OpenXmlAttribute("ht", "", h.ToString("R", CultureInfo.InvariantCulture)));
                attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
            }
            _writer.WriteStartElement(new Row(), attributes);
        }

        private string _row = "";

        private void Text(int column, string? value, uint style)
        {
            var text = SheetCells.Clean(value);
            if (text.Length == 0)
            {
                Empty(column, style);
                return;
            }

            // An inline string is text by construction: a plan text can never become a formula.
            _writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = ColumnName(column) + _row,
                DataType = CellValues.InlineString,
                StyleIndex = style,
            });
        }

        private void Number(int column, double value, uint style)
        {
            if (!double.IsFinite(value))
            {
                Empty(column, style);
                return;
            }
            _writer.WriteElement(new Cell(new CellValue(value.ToString("R", CultureInfo.InvariantCulture))) { CellReference = ColumnName(column) + _row, StyleIndex = style });
        }

        /// <summary>A cell with its style and no value: the borders and fills of the table cover it.</summary>
        private void Empty(int column, uint style) =>
            _writer.WriteElement(new Cell { CellReference = ColumnName(column) + _row, StyleIndex = style });

        private void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) =>
            _merges.Add($"{Reference(firstColumn, firstRow)}:{Reference(lastColumn, lastRow)}");

        private static string Reference(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The column's letters (1 = A, 27 = AA).</summary>
    internal static string ColumnName(int column) => column <= 26
        ? ((char)('A' + column - 1)).ToString()
        : ColumnName((column - 1) / 26) + (char)('A' + (column - 1) % 26);
}
