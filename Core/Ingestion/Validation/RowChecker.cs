using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>The activity table's checks: the row set against the plan, then each input cell and the warnings.</summary>
internal sealed class RowChecker(
    PlanCatalog catalog,
    ReportingUnit unit,
    ReportingPeriod period,
    Language language,
    string sheet,
    PreviousProgress? previous,
    List<ValidationIssue> issues)
{
    public IReadOnlyList<ReportedActivity> Check(IReadOnlyList<SubmittedRow> rows)
    {
        var expected = catalog.ActivitiesFor(unit);
        var expectedCodes = expected.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var byCode = new Dictionary<string, List<SubmittedRow>>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var code = row.ActivityCode;
            if (code is null || !expectedCodes.Contains(code))
            {
                Add(SheetIssues.ActivityUnknown, CodeColumnLetter + row.Row, null, row.Row, code ?? "", unit.Code);
                continue;
            }
            if (!byCode.TryGetValue(code, out var list)) byCode[code] = list = [];
            list.Add(row);
        }

        var result = new List<ReportedActivity>(expected.Count);
        foreach (var activity in expected)
        {
            if (!byCode.TryGetValue(activity.Code, out var found))
            {
                Add(SheetIssues.ActivityMissing, null, activity.Code, activity.Code, new OwnText($"{activity.Label} {Preview(TextOf(activity))}"));
                continue;
            }
            if (found.Count > 1)
            {
                Add(SheetIssues.ActivityDuplicated, CodeColumnLetter + found[1].Row, activity.Code, activity.Code,
                    string.Join(", ", found.Select(r => r.Row)));
                continue;
            }
            result.Add(CheckRow(activity, found[0]));
        }
        return result;
    }

    private ReportedActivity CheckRow(PlanActivity activity, SubmittedRow row)
    {
        var code = activity.Code;
        var programado = activity.ForYear(period.Year)?.Programado;
        var ejecutado = ReadEjecutado(row, code);
        var status = ReadStatus(row, code);
        var quantity = ReadQuantity(row, activity);
        var observations = ReadText(row.ObservationsCell, row.Observations, MaxObservationsLength, code);
        var evidence = ReadText(row.EvidenceCell, row.Evidence, MaxEvidenceLength, code);

        if (ejecutado is { } e)
        {
            var at = row.EjecutadoCell.Address;
            if (programado is { } prog && e > prog)
            {
                Add(IsFarAbove(e, prog) ? SheetIssues.EjecutadoFarAboveProgramado : SheetIssues.EjecutadoAboveProgramado,
                    at, code, code, N(e), period.Year, N(prog));
            }
            if (programado is { } target && e < target && observations is null)
                Add(SheetIssues.ObservationMissing, row.ObservationsCell.Address, code, code, N(e), N(target));
            if (previous is not null && previous.Period.Year == period.Year &&
                previous.Ejecutado.TryGetValue(code, out var before) && e < before)
            {
                Add(SheetIssues.EjecutadoDecreased, at, code, code, N(e), new OwnText(previous.Period.Label(language)), N(before));
            }
        }
        // A figure already rejected (its error is on the cell) is no ejecutado to hold the status against.
        var ejecutadoRejected = ejecutado is null && (!row.Ejecutado.IsEmpty || row.EjecutadoCell.IsFormula);
        if (status is { } s && !ejecutadoRejected && IsInconsistent(s, ejecutado, programado))
            Add(SheetIssues.StatusInconsistent, row.StatusCell.Address, code, code, s.Label(language), new OwnText(Achieved(ejecutado)));

        return new ReportedActivity(code, programado, ejecutado, status, quantity, observations, evidence);
    }

    /// <summary>
    /// An ejecutado so far above the year's programado (more than 10 points above it and more than half again as much)
    /// that it most likely was written against the year's target (100 = target met) instead of on programado's scale:
    /// 100 for an activity programmed at 30 is; 35 for 30, or 95 for 90, is not (a modest overrun, or rounding).
    /// </summary>
    internal static bool IsFarAbove(decimal ejecutado, decimal programado) =>
        programado > 0 && ejecutado > programado + 10m && ejecutado > programado * 1.5m;

    /// <summary>"Completada" below the year's target, "no iniciada" with progress, "no aplica" with a figure.</summary>
    private static bool IsInconsistent(ActivityStatus status, decimal? ejecutado, decimal? programado) => status switch
    {
        ActivityStatus.Completed => ejecutado is null || ejecutado < (programado ?? 100m),
        ActivityStatus.NotStarted => ejecutado > 0m,
        ActivityStatus.NotApplicable => ejecutado > 0m,
        _ => false,
    };

    private decimal? ReadEjecutado(SubmittedRow row, string code)
    {
        var cell = row.EjecutadoCell;
        if (!UsableFormula(cell, code)) return null;
        var reading = row.Ejecutado;
        if (reading.IsEmpty) return null;
        if (!reading.IsReadable || reading.Value is null)
        {
            Add(SheetIssues.EjecutadoNotANumber, cell.Address, code, code, SheetValidator.Truncate(reading.Raw ?? cell.Text, 60));
            return null;
        }
        var value = reading.Value.Value;
        if (value < MinPercent || value > MaxPercent)
        {
            Add(SheetIssues.EjecutadoOutOfRange, cell.Address, code, code, N(value));
            return null;
        }
        if (reading.MaybeFraction)
            Add(SheetIssues.EjecutadoLooksLikeFraction, cell.Address, code, code, N(value), N(value * 100m));
        return value;
    }

    private ActivityStatus? ReadStatus(SubmittedRow row, string code)
    {
        if (!UsableFormula(row.StatusCell, code)) return null;
        if (row.StatusUnreadable)
        {
            Add(SheetIssues.StatusInvalid, row.StatusCell.Address, code, code, SheetValidator.Truncate(row.StatusCell.Text, 60),
                new OwnText(string.Join(", ", ActivityStatusLabels.All(language))));
        }

        return row.Status;
    }

    private decimal? ReadQuantity(SubmittedRow row, PlanActivity activity)
    {
        var cell = row.QuantityCell;
        if (!UsableFormula(cell, activity.Code) || cell.IsEmpty) return null;
        if (row.QuantityUnreadable || row.Quantity < 0)
        {
            Add(SheetIssues.QuantityInvalid, cell.Address, activity.Code, activity.Code, SheetValidator.Truncate(cell.Text, 60));
            return null;
        }
        if (!activity.IndicatorIsCount)
        {
            Add(SheetIssues.QuantityIgnored, cell.Address, activity.Code, activity.Code);
            return null;
        }
        if (row.Quantity is { } q && q != decimal.Truncate(q))
        {
            Add(SheetIssues.QuantityNotWhole, cell.Address, activity.Code, activity.Code, N(q));
            return null;
        }
        return row.Quantity;
    }

    private string? ReadText(SheetCell cell, string? text, int max, string code)
    {
        if (!UsableFormula(cell, code) || text is null) return null;
        var length = SheetValidator.LengthOf(cell, text);
        if (length <= max) return text;
        Add(SheetIssues.TextTooLong, cell.Address, code, length, max);
        return null;
    }

    /// <summary>Formulas are never evaluated: a cached value is used (with a warning), none at all is an error.</summary>
    private bool UsableFormula(SheetCell cell, string code)
    {
        if (!cell.IsFormula) return true;
        if (cell.IsEmpty)
        {
            Add(SheetIssues.FormulaWithoutValue, cell.Address, code);
            return false;
        }
        Add(SheetIssues.FormulaValueUsed, cell.Address, code, SheetValidator.Truncate(cell.Text, 60));
        return true;
    }

    private void Add(IssueType type, string? cell, string? activity, params object?[] args) =>
        issues.Add(type.At(language, sheet, cell, activity, args));

    private string N(decimal value) => IssueLocation.Number(value, language);

    /// <summary>An ejecutado as the status finding words it: "de 45 %" / "of 45 %", or "en blanco" / "left blank".</summary>
    private string Achieved(decimal? ejecutado) => ejecutado is { } v
        ? (language == Language.En ? $"of {N(v)} %" : $"de {N(v)} %")
        : (language == Language.En ? "left blank" : "en blanco");

    /// <summary>The activity's text in the sheet's language (Spanish for a plan built without English).</summary>
    private string TextOf(PlanActivity activity) =>
        language == Language.En && activity.English is { } english ? english.Text : activity.Text;

    private static string Preview(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
