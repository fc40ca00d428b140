namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// A filled template as found, before any judgement: the validator turns what is odd here into issues.
/// Cells are on the report sheet (<see cref="ReportSheetName"/>) unless said otherwise.
/// </summary>
public sealed record SubmittedSheet
{
    /// <summary>Why the workbook could not be opened at all (a corrupt or non-workbook package); null when it opened.</summary>
    public string? OpenError { get; init; }

    /// <summary>
    /// Where reading stopped at a bound of <see cref="Reading.ReadingLimits"/>, null when it read everything it needed.
    /// After <see cref="SheetReadStopKind.TooManyRows"/> the sheet holds what was read up to there; after the others,
    /// nothing (as after <see cref="OpenError"/>).
    /// </summary>
    public SheetReadStop? Stopped { get; init; }

    /// <summary>The report sheet's name as found (either language), or null when the workbook has none or did not open.</summary>
    public string? ReportSheetName { get; init; }

    public bool HasReportSheet => ReportSheetName is not null;

    public SubmittedMetadata Metadata { get; init; } = SubmittedMetadata.Missing;

    /// <summary>Header block cells (<see cref="TemplateLayout.PlanCell"/> etc.), empty cells when the sheet is missing.</summary>
    public SheetCell Plan { get; init; } = SheetCell.EmptyAt(TemplateLayout.PlanCell);
    public SheetCell Unit { get; init; } = SheetCell.EmptyAt(TemplateLayout.UnitCell);
    public SheetCell Period { get; init; } = SheetCell.EmptyAt(TemplateLayout.PeriodCell);
    public SheetCell FocalNameCell { get; init; } = SheetCell.EmptyAt(TemplateLayout.FocalNameCell);
    public SheetCell FocalEmailCell { get; init; } = SheetCell.EmptyAt(TemplateLayout.FocalEmailCell);

    public string? FocalName => TextOf(FocalNameCell);
    public string? FocalEmail => TextOf(FocalEmailCell);

    /// <summary>Every data row holding a code or any input, in sheet order (rows without either are skipped).</summary>
    public IReadOnlyList<SubmittedRow> Rows { get; init; } = [];

    internal static string? TextOf(SheetCell cell) => cell.IsEmpty || string.IsNullOrWhiteSpace(cell.Text) ? null : cell.Text.Trim();
}

/// <summary>Why reading stopped early.</summary>
public enum SheetReadStopKind
{
    /// <summary>The report sheet holds data below the template's rows plus a margin.</summary>
    TooManyRows,

    /// <summary>A part the reader parses is larger than <see cref="Reading.ReadingLimits.MaxPartBytes"/>.</summary>
    PartTooLarge,

    /// <summary>A part the reader parses nests deeper than <see cref="Reading.ReadingLimits.MaxXmlDepth"/>.</summary>
    XmlTooDeep,
}

/// <summary>Where and why reading stopped.</summary>
/// <param name="Where">The report sheet's name (rows), or the part's name inside the package.</param>
/// <param name="Cell">For rows: the first cell holding data past <paramref name="Bound"/> (e.g. <c>A71</c>).</param>
/// <param name="Row">For rows: that cell's row.</param>
/// <param name="Bound">The last row allowed, the part's byte limit, or the depth limit.</param>
public sealed record SheetReadStop(SheetReadStopKind Kind, string Where, long Bound, string? Cell = null, int? Row = null);

/// <summary>The hidden metadata sheet as found.</summary>
/// <param name="SheetFound">False when the workbook has no <see cref="TemplateLayout.MetadataSheet"/>.</param>
/// <param name="Raw">Every key/value pair found (keys trimmed), for messages; empty when the sheet is missing.</param>
/// <param name="Parsed">Null when the sheet is missing or a key is missing/unreadable.</param>
public sealed record SubmittedMetadata(bool SheetFound, IReadOnlyDictionary<string, string> Raw, TemplateMetadata? Parsed)
{
    public static readonly SubmittedMetadata Missing = new(false, new Dictionary<string, string>(), null);
}

/// <summary>One data row: the cells as found plus convenience readings of them.</summary>
/// <param name="Row">1-based row number on the report sheet.</param>
public sealed record SubmittedRow(
    int Row,
    SheetCell CodeCell,
    SheetCell EjecutadoCell,
    SheetCell StatusCell,
    SheetCell QuantityCell,
    SheetCell ObservationsCell,
    SheetCell EvidenceCell)
{
    /// <summary>The activity code as found (trimmed), null when the code cell is blank.</summary>
    public string? ActivityCode => SubmittedSheet.TextOf(CodeCell);

    public PercentageReading Ejecutado { get; } = PercentageReading.FromCell(EjecutadoCell);

    /// <summary>Null when blank or unreadable; <see cref="StatusUnreadable"/> tells which.</summary>
    public ActivityStatus? Status { get; } =
        StatusCell.Kind == SheetValueKind.Text && ActivityStatusLabels.TryParse(StatusCell.Text, out var s) ? s : null;

    public bool StatusUnreadable => !StatusCell.IsEmpty && Status is null;

    /// <summary>Null when blank or not a number; <see cref="QuantityUnreadable"/> tells which. Sign is not checked here.</summary>
    public decimal? Quantity { get; } = SheetNumbers.Read(QuantityCell);

    public bool QuantityUnreadable => !QuantityCell.IsEmpty && Quantity is null;

    public string? Observations => SubmittedSheet.TextOf(ObservationsCell);

    public string? Evidence => SubmittedSheet.TextOf(EvidenceCell);

    /// <summary>True when any input cell holds something (formulas included).</summary>
    public bool HasInput => new[] { EjecutadoCell, StatusCell, QuantityCell, ObservationsCell, EvidenceCell }
        .Any(c => !c.IsEmpty || c.IsFormula);
}
