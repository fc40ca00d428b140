using ClosedXML.Excel;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Integration.Reports;

/// <summary>One row of the written workbook's data sheet, read back with ClosedXML (numbers must be numbers).</summary>
internal sealed record DatosRow(string Period, string Unit, string UnitName, int Axis, string Activity, string Label,
    double? Programado, double? Ejecutado, string StatusLabel, string StatusCode, string SubmissionId)
{
    public bool NotApplicable => StatusCode == "NotApplicable";

    /// <summary>A number that enters the mean: a value, not "no aplica".</summary>
    public bool Counts => Ejecutado is not null && !NotApplicable;

    public bool HasSheet => SubmissionId.Length > 0;
}

internal sealed record OracleActivity(string Code, string Label, int Axis, double? Programado, double? Regional, int Reporting, int Expected,
    int NotApplicable, double? LowerBound, double? Relative, int? ChangeUnits, double? ChangePoints)
{
    public bool IsPlanned => Programado > 0 && Expected > 0;
}

internal sealed record OracleFigures(double? MeanEjecutado, double? MeanProgramado, double? LowerBoundEjecutado, double? PlannedMeanProgramado,
    int ActivitiesReported, int ActivitiesPlanned, int ValuesReported, int ValuesExpected, int UnitsReporting, int UnitsExpected)
{
    public double? Execution => MeanEjecutado / MeanProgramado * 100;
    public double? LowerBoundExecution => LowerBoundEjecutado / PlannedMeanProgramado * 100;
}

internal sealed record OracleUnit(string Code, string Name, bool Reported, int ActivitiesReported, int ActivitiesExpected, int NotApplicable);

internal sealed record OracleRank(string Code, int Rank, double Relative, bool Tied);

/// <summary>
/// The rules of docs/regional-progress.md applied to the merged workbook's <i>Datos</i> sheet alone — no plan, no
/// storage, no Core code — to check every figure the workbook and the digest show: what an analyst with only the
/// workbook can do by hand.
/// </summary>
internal sealed class DatosOracle
{
    private const double Tie = 1e-9;

    private DatosOracle(ReportingPeriod period, List<DatosRow> rows, List<DatosRow> previous)
    {
        Period = period;
        Units = rows.GroupBy(r => r.Unit).Select(g => Unit(g.Key, g.ToList())).ToList();
        Activities = rows.GroupBy(r => r.Activity).Select(g => Activity(g.ToList(), previous.Where(p => p.Activity == g.Key).ToList())).ToList();
        Axes = Activities.GroupBy(a => a.Axis).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Figures(g.ToList(), rows));
        Overall = Figures(Activities, rows);
        Ranking = Rank(Activities);
        BlankValues = rows.Count(r => r.HasSheet && !r.Counts && !r.NotApplicable && Activities.Single(a => a.Code == r.Activity).IsPlanned);
    }

    public ReportingPeriod Period { get; }
    public IReadOnlyList<OracleUnit> Units { get; }
    public IReadOnlyList<OracleActivity> Activities { get; }
    public IReadOnlyDictionary<int, OracleFigures> Axes { get; }
    public OracleFigures Overall { get; }
    public IReadOnlyList<OracleRank> Ranking { get; }

    /// <summary>Values of units that did send a sheet, missing for a planned activity (blank, or no row).</summary>
    public int BlankValues { get; }

    public IReadOnlyList<OracleUnit> Reported => Units.Where(u => u.Reported).ToList();
    public IReadOnlyList<OracleUnit> Missing => Units.Where(u => !u.Reported).ToList();

    public static DatosOracle From(XLWorkbook workbook, ReportingPeriod period)
    {
        var rows = Read(workbook);
        var previous = period.Quarter > 1 ? rows.Where(r => r.Period == period.Previous.ToString()).ToList() : [];
        return new DatosOracle(period, rows.Where(r => r.Period == period.ToString()).ToList(), previous);
    }

    /// <summary>Every data sheet's rows ("Datos", "Datos 2", …), by header name.</summary>
    public static List<DatosRow> Read(XLWorkbook workbook)
    {
        var result = new List<DatosRow>();
        foreach (var ws in workbook.Worksheets.Where(w => w.Name == "Datos" || w.Name.StartsWith("Datos ", StringComparison.Ordinal)))
        {
            var column = ws.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
            foreach (var row in ws.RowsUsed().Skip(1))
            {
                string Text(string header) => row.Cell(column[header]).GetString();
                double? Number(string header)
                {
                    var cell = row.Cell(column[header]);
                    if (cell.IsEmpty()) return null;
                    Assert.True(cell.DataType == XLDataType.Number, $"{ws.Name}!{cell.Address} ({header}) is {cell.DataType}, not a number");
                    return cell.GetDouble();
                }

                result.Add(new DatosRow(Text("Periodo"), Text("Unidad"), Text("Nombre de la unidad"), (int)Number("Eje")!.Value, Text("Actividad"),
                    Text("Etiqueta"), Number("Programado (%)"), Number("Ejecutado (%)"), Text("Estado"), Text("Código de estado"), Text("Id del envío")));
            }
        }

        return result;
    }

    private static OracleUnit Unit(string code, List<DatosRow> rows)
    {
        var programmed = rows.Where(r => r.Programado > 0).ToList();
        var notApplicable = programmed.Count(r => r.NotApplicable);
        var reported = rows.Any(r => r.HasSheet);
        return new OracleUnit(code, rows[0].UnitName, reported, reported ? programmed.Count(r => r.Counts) : 0,
            programmed.Count - (reported ? notApplicable : 0), reported ? notApplicable : 0);
    }

    private static OracleActivity Activity(List<DatosRow> rows, List<DatosRow> previous)
    {
        var first = rows[0];
        var counted = rows.Where(r => r.Counts).ToList();
        var notApplicable = rows.Count(r => r.NotApplicable);
        var expected = rows.Count - notApplicable;
        var sum = counted.Sum(r => r.Ejecutado!.Value);
        double? regional = counted.Count > 0 ? sum / counted.Count : null;
        var before = previous.Where(r => r.Counts).ToDictionary(r => r.Unit, r => r.Ejecutado!.Value);
        var differences = counted.Where(r => before.ContainsKey(r.Unit)).Select(r => r.Ejecutado!.Value - before[r.Unit]).ToList();
        return new OracleActivity(first.Activity, first.Label, first.Axis, first.Programado, regional, counted.Count, expected, notApplicable,
            expected > 0 && first.Programado > 0 ? sum / expected : null,
            first.Programado > 0 && regional is { } e ? e / first.Programado : null,
            differences.Count > 0 ? differences.Count : null,
            differences.Count > 0 ? differences.Average() : null);
    }

    private static OracleFigures Figures(IReadOnlyList<OracleActivity> activities, List<DatosRow> rows)
    {
        var planned = activities.Where(a => a.IsPlanned).ToList();
        var counted = planned.Where(a => a.Regional is not null).ToList();
        var plannedCodes = planned.Select(a => a.Code).ToHashSet();
        var plannedRows = rows.Where(r => plannedCodes.Contains(r.Activity)).ToList();
        return new OracleFigures(
            counted.Count > 0 ? counted.Average(a => a.Regional!.Value) : null,
            counted.Count > 0 ? counted.Average(a => a.Programado!.Value) : null,
            planned.Count > 0 ? planned.Average(a => a.LowerBound ?? 0) : null,
            planned.Count > 0 ? planned.Average(a => a.Programado!.Value) : null,
            counted.Count,
            planned.Count,
            planned.Sum(a => a.Reporting),
            planned.Sum(a => a.Expected),
            plannedRows.Where(r => r.Counts).Select(r => r.Unit).Distinct().Count(),
            plannedRows.Where(r => !r.NotApplicable).Select(r => r.Unit).Distinct().Count());
    }

    private static List<OracleRank> Rank(IReadOnlyList<OracleActivity> activities)
    {
        var behind = activities.Where(a => a.Relative < 1 - Tie).OrderBy(a => a.Relative).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        var ranks = new List<OracleRank>();
        for (var i = 0; i < behind.Count; i++)
        {
            var relative = behind[i].Relative!.Value;
            var tiedBefore = i > 0 && Math.Abs(behind[i - 1].Relative!.Value - relative) <= Tie;
            var tiedAfter = i + 1 < behind.Count && Math.Abs(behind[i + 1].Relative!.Value - relative) <= Tie;
            ranks.Add(new OracleRank(behind[i].Code, tiedBefore ? ranks[i - 1].Rank : i + 1, relative, tiedBefore || tiedAfter));
        }

        return ranks;
    }
}
