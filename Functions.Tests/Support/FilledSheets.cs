using System.Collections.Concurrent;
using ClosedXML.Excel;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// A generated template filled in code the way a country's focal point fills it (numbers, "50%" typed into Excel,
/// pasted text, dropdown labels, quantities, observations, evidence, the focal point), plus the ways people break it
/// (rows deleted, duplicated, added or recoded, the hidden sheet removed or edited, the report sheet renamed,
/// formulas). Edits apply in call order when <see cref="Build"/> runs; rows are found by their code at that moment.
/// </summary>
public sealed class FilledSheet
{
    private static readonly ConcurrentDictionary<(string Plan, string Unit, ReportingPeriod Period, Language Language), byte[]> Templates = new();

    private readonly List<Action<XLWorkbook>> _edits = [];
    private readonly List<Func<byte[], byte[]>> _afterSave = [];

    public FilledSheet(ReportingUnit unit, ReportingPeriod period, PlanCatalog? catalog = null, Language? language = null)
    {
        Unit = unit;
        Period = period;
        Catalog = catalog ?? RealPlan.Catalog;
        Language = language ?? unit.Language;
    }

    public ReportingUnit Unit { get; }
    public ReportingPeriod Period { get; }
    public PlanCatalog Catalog { get; }
    public Language Language { get; }
    public string ReportSheetName => ReportSheet(Language);
    public IReadOnlyList<PlanActivity> Activities => Catalog.ActivitiesFor(Unit);

    /// <summary>An untouched template of the real plan for <paramref name="unit"/> (a code) and <paramref name="period"/>.</summary>
    public static FilledSheet Blank(string unit, string period) => new(RealPlan.Unit(unit), ReportingPeriod.Parse(period));

    /// <summary>Every activity filled with <see cref="Typical"/> values and the focal point given: accepted without findings.</summary>
    public static FilledSheet Complete(string unit, string period) => Blank(unit, period).FillAll();

    public const string FocalName = "María José Pérez";

    public static string FocalEmailOf(string unit) => $"punto.focal@{unit.ToLowerInvariant()}.example.org";

    /// <summary>
    /// What a careful focal point reports for an activity: the year's programado reached (40 % when nothing is
    /// programmed), a matching status, a quantity where the indicador counts, an observation and an evidence link.
    /// </summary>
    public ReportedActivity Typical(PlanActivity activity)
    {
        var programado = activity.ForYear(Period.Year)?.Programado;
        var ejecutado = programado ?? 40m;
        var index = Activities.ToList().FindIndex(a => a.Code == activity.Code);
        return new ReportedActivity(
            activity.Code,
            programado,
            ejecutado,
            ejecutado >= (programado ?? 100m) ? ActivityStatus.Completed : ActivityStatus.InProgress,
            activity.IndicatorIsCount ? index + 3 : null,
            $"Avance de {activity.Code}: talleres y reuniones de seguimiento",
            $"https://evidencia.example.org/{Unit.Code}/{Period}/{activity.Code}");
    }

    public IReadOnlyList<ReportedActivity> TypicalRows() => Activities.Select(Typical).ToList();

    public FilledSheet FillAll()
    {
        Focal(FocalName, FocalEmailOf(Unit.Code));
        foreach (var row in TypicalRows()) Fill(row);
        return this;
    }

    /// <summary>Types one activity's values; nulls leave the cell as it is.</summary>
    public FilledSheet Fill(ReportedActivity row)
    {
        if (row.Ejecutado is { } e) Ejecutado(row.Code, (double)e);
        if (row.Status is { } s) Status(row.Code, s);
        if (row.Quantity is { } q) Quantity(row.Code, (double)q);
        if (row.Observaciones is { } o) Observations(row.Code, o);
        if (row.Evidencia is { } ev) Evidence(row.Code, ev);
        return this;
    }

    /// <summary>The template row of <paramref name="code"/> (before any row is deleted or added).</summary>
    public int RowOf(string code)
    {
        var index = Activities.ToList().FindIndex(a => a.Code == code);
        if (index < 0) throw new ArgumentException($"{Unit.Code} does not report {code}.", nameof(code));
        return FirstDataRow + index;
    }

    /// <summary>The A1 address of an activity's cell, e.g. <c>H10</c>.</summary>
    public string Cell(string code, int column) => XLHelper.GetColumnLetterFromNumber(column) + RowOf(code);

    public int LastRow => FirstDataRow + Activities.Count - 1;

    // ---- Values, as typed ----------------------------------------------------------------------------------------

    public FilledSheet Focal(string? name, string? email) => Report(ws =>
    {
        Set(ws.Cell(FocalNameCell), name);
        Set(ws.Cell(FocalEmailCell), email);
    });

    /// <summary>A number typed into the template's own <c>0.##" %"</c> cell: 50 is 50 %.</summary>
    public FilledSheet Ejecutado(string code, double value) => At(code, EjecutadoColumn, c => c.SetValue(value));

    /// <summary>"50%" typed in Excel: it stores 0.5 and switches the cell to the <c>0%</c> format (id 9).</summary>
    public FilledSheet EjecutadoAsPercent(string code, double fraction) => At(code, EjecutadoColumn, c =>
    {
        c.SetValue(fraction);
        c.Style.NumberFormat.NumberFormatId = 9;
    });

    /// <summary>Text pasted into the cell ("75 %", "50,5", "cincuenta").</summary>
    public FilledSheet EjecutadoText(string code, string text) => At(code, EjecutadoColumn, c => c.SetValue(text));

    public FilledSheet Status(string code, ActivityStatus status) => Status(code, status.Label(Language));

    public FilledSheet Status(string code, string label) => At(code, StatusColumn, c => c.SetValue(label));

    public FilledSheet Quantity(string code, double value) => At(code, QuantityColumn, c => c.SetValue(value));

    public FilledSheet QuantityText(string code, string text) => At(code, QuantityColumn, c => c.SetValue(text));

    public FilledSheet Observations(string code, string? text) => At(code, ObservationsColumn, c => Set(c, text));

    public FilledSheet Evidence(string code, string? text) => At(code, EvidenceColumn, c => Set(c, text));

    /// <summary>Any value in any cell of an activity's row (dates, booleans, numbers where text belongs).</summary>
    public FilledSheet Value<T>(string code, int column, T value) => At(code, column, c => c.SetValue(value));

    /// <summary>A date typed into the cell: Excel stores its serial number and switches the cell to a date format.</summary>
    public FilledSheet Date(string code, int column, DateTime date) => At(code, column, c =>
    {
        c.SetValue(date);
        c.Style.NumberFormat.NumberFormatId = 14;
    });

    /// <summary>Empties every input cell of the activity.</summary>
    public FilledSheet ClearInputs(string code) => Report(ws =>
    {
        var row = Find(ws, code);
        foreach (var column in InputColumns) ws.Cell(row, column).Clear(XLClearOptions.Contents);
    });

    /// <summary>
    /// A formula, saved as ClosedXML saves it (no cached result) unless <paramref name="cached"/> gives the value Excel
    /// would have stored with it.
    /// </summary>
    public FilledSheet Formula(string code, int column, string formula, string? cached = null, bool cachedIsText = false)
    {
        At(code, column, c => c.FormulaA1 = formula);
        if (cached is not null)
        {
            var sheet = ReportSheetName;
            _afterSave.Add(bytes =>
            {
                // The cell is found by code after every structural edit, so resolve the address from the saved file.
                using var wb = new XLWorkbook(new MemoryStream(bytes));
                var address = XLHelper.GetColumnLetterFromNumber(column) + Find(wb.Worksheet(sheet), code);
                return Workbooks.SetCachedValue(bytes, sheet, address, cached, cachedIsText);
            });
        }
        return this;
    }

    // ---- Broken on purpose -----------------------------------------------------------------------------------------

    /// <summary>The whole row deleted, the rows below moving up (Excel's "Delete row").</summary>
    public FilledSheet DeleteRow(string code) => Report(ws => ws.Row(Find(ws, code)).Delete());

    /// <summary>A copy of the row inserted right below it (copy, "Insert copied cells").</summary>
    public FilledSheet DuplicateRow(string code) => Report(ws =>
    {
        var row = Find(ws, code);
        ws.Row(row).InsertRowsBelow(1);
        for (var c = 1; c <= LastColumn; c++) ws.Cell(row + 1, c).Value = ws.Cell(row, c).Value;
    });

    public FilledSheet ChangeCode(string code, string newCode) => Report(ws => ws.Cell(Find(ws, code), CodeColumn).SetValue(newCode));

    /// <summary>A row appended below the activities, with a code and an ejecutado.</summary>
    public FilledSheet AddRow(string code, double ejecutado = 50) => Report(ws =>
    {
        var row = ws.LastRowUsed().RowNumber() + 1;
        ws.Cell(row, CodeColumn).SetValue(code);
        ws.Cell(row, EjecutadoColumn).SetValue(ejecutado);
    });

    public FilledSheet RemoveMetadataSheet() => Edit(wb => wb.Worksheet(MetadataSheet).Delete());

    /// <summary>Overwrites one value of the hidden metadata sheet (<see cref="TemplateLayout.MetaUnitCode"/> etc.).</summary>
    public FilledSheet Metadata(string key, string value) => Edit(wb =>
    {
        var ws = wb.Worksheet(MetadataSheet);
        var row = ws.Column(MetadataKeyColumn).CellsUsed().Single(c => c.GetString() == key).Address.RowNumber;
        ws.Cell(row, MetadataValueColumn).SetValue(value);
    });

    public FilledSheet RenameReportSheet(string name) => Edit(wb => wb.Worksheet(ReportSheetName).Name = name);

    /// <summary>Any other edit of the report sheet.</summary>
    public FilledSheet Report(Action<IXLWorksheet> edit) => Edit(wb => edit(wb.Worksheet(ReportSheetName)));

    public FilledSheet Edit(Action<XLWorkbook> edit)
    {
        _edits.Add(edit);
        return this;
    }

    // ---- Output ----------------------------------------------------------------------------------------------------

    public byte[] Build()
    {
        var bytes = Workbooks.Edit(Template(), wb => _edits.ForEach(e => e(wb)));
        return _afterSave.Aggregate(bytes, (current, step) => step(current));
    }

    public MemoryStream Open() => new(Build(), writable: false);

    private byte[] Template()
    {
        var template = Templates.GetOrAdd((Catalog.Id, Unit.Code, Period, Language), _ =>
            new TemplateWriter(PlanRegistry.Fixed(Catalog), Options.Create(new ReportingOptions())).Write(Unit, Period, Language));
        return (byte[])template.Clone();
    }

    private FilledSheet At(string code, int column, Action<IXLCell> set) => Report(ws => set(ws.Cell(Find(ws, code), column)));

    private static int Find(IXLWorksheet ws, string code)
    {
        var last = ws.LastRowUsed()?.RowNumber() ?? FirstDataRow;
        for (var row = FirstDataRow; row <= last; row++)
            if (ws.Cell(row, CodeColumn).GetString().Trim() == code) return row;
        throw new ArgumentException($"No row with code {code} on {ws.Name}.", nameof(code));
    }

    private static void Set(IXLCell cell, string? text)
    {
        if (text is null) cell.Clear(XLClearOptions.Contents);
        else cell.SetValue(text);
    }
}
