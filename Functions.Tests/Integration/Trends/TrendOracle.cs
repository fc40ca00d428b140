using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Integration.Reports;

namespace ServerlessPlan.Tests.Integration.Trends;

/// <summary>One unit's own figures, recomputed from its rows of the data sheet.</summary>
internal sealed record OracleUnitFigures(double? Execution, double? LowerBoundExecution, int ActivitiesReported, int ActivitiesPlanned);

/// <summary>
/// The trend recomputed from the merged workbook's <i>Datos</i> sheet alone (every quarter of the plan up to the last
/// one with data): each quarter through <see cref="DatosOracle"/> (the rules of docs/regional-progress.md, no Core
/// code), each unit's own execution by the same rule over its rows, and the stalled activities and movers as the
/// docs define them. What an analyst with the workbook can redo by hand.
/// </summary>
internal sealed class TrendOracle
{
    private const double NoMovement = 1e-9;

    private TrendOracle(IReadOnlyList<ReportingPeriod> periods, XLWorkbook workbook)
    {
        Rows = DatosOracle.Read(workbook);
        Quarters = periods.ToDictionary(p => p, p => DatosOracle.From(workbook, p));
    }

    public List<DatosRow> Rows { get; }

    public IReadOnlyDictionary<ReportingPeriod, DatosOracle> Quarters { get; }

    public static TrendOracle From(XLWorkbook workbook, IReadOnlyList<ReportingPeriod> periods) => new(periods, workbook);

    public bool HasData(ReportingPeriod period) => Rows.Any(r => r.Period == period.ToString() && r.HasSheet);

    /// <summary>A unit's execution over its own rows: each activity is the unit's value alone, then the axis-and-total rule.</summary>
    public OracleUnitFigures Unit(ReportingPeriod period, string unit)
    {
        var rows = Rows.Where(r => r.Period == period.ToString() && r.Unit == unit && r.Programado > 0 && !r.NotApplicable).ToList();
        var counted = rows.Where(r => r.Counts).ToList();
        double? execution = counted.Count > 0 ? counted.Average(r => r.Ejecutado!.Value) / counted.Average(r => r.Programado!.Value) * 100 : null;
        double? lower = rows.Count > 0 ? rows.Average(r => r.Counts ? r.Ejecutado!.Value : 0) / rows.Average(r => r.Programado!.Value) * 100 : null;
        return new OracleUnitFigures(execution, lower, counted.Count, rows.Count);
    }

    /// <summary>Activities of the last quarter below programado whose like-for-like change was 0 in each of the last two or more quarters.</summary>
    public IReadOnlyList<(string Code, int Quarters)> Stalled(IReadOnlyList<ReportingPeriod> periods)
    {
        var last = Quarters[periods[^1]];
        var result = new List<(string, int)>();
        foreach (var a in last.Activities.Where(a => a.IsPlanned && a.Relative < 1))
        {
            var run = 0;
            for (var i = periods.Count - 1; i >= 0; i--)
            {
                var then = Quarters[periods[i]].Activities.FirstOrDefault(x => x.Code == a.Code);
                if (then?.ChangePoints is not { } points || Math.Abs(points) >= NoMovement) break;
                run++;
            }
            if (run >= 2) result.Add((a.Code, run));
        }

        return result.OrderByDescending(r => r.Item2).ThenBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Movers(ReportingPeriod last, int count) =>
        Quarters[last].Activities
            .Where(a => a.ChangePoints is { } p && Math.Abs(p) >= NoMovement)
            .OrderByDescending(a => Math.Abs(a.ChangePoints!.Value))
            .ThenBy(a => a.Code, StringComparer.Ordinal)
            .Take(count)
            .Select(a => a.Code)
            .ToList();
}
