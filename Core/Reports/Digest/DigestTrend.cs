using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using System.Text;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// The digest's short trend: the last four quarters (of the digest's plan, up to its quarter) of execution, overall and
/// per axis, and of the reporting rate — the trends page's figures (<see cref="TrendSeries"/>). Its HTML is <c>DigestTrendMail</c> (table
/// bars with the figure written beside each, no SVG, no script); the same lines in the text part are written here.
/// </summary>
internal static class DigestTrend
{
    public const int Quarters = 4;

    public static string Heading(DigestView v) => v.T(
        $"Tendencia de los últimos {v.Trend.Count} trimestres (ejecución del año a la fecha; se reinicia cada año)",
        $"Trend over the last {v.Trend.Count} quarters (execution year to date; it restarts each year)");

    internal static IEnumerable<(string Name, Func<TrendQuarter, ProgressFigures> Figures)> Series(DigestView v) =>
        new[] { (v.T("Total", "Total"), (Func<TrendQuarter, ProgressFigures>)(q => q.Overall)) }
            .Concat(v.Progress.Axes.Select(a => ($"{a.AxisCode}. {a.Name.In(v.Language)}", (Func<TrendQuarter, ProgressFigures>)(q => q.Axis(a.AxisCode)?.Figures ?? Empty))));

    private static readonly ProgressFigures Empty = new(null, null, 0, 0);

    /// <summary>"57,1 %" with "(2 de 9 unid.; cota 20,3 %)" when something is missing.</summary>
    internal static string Detail(DigestView v, ProgressFigures f) =>
        f.Execution is null ? "" : (f.IsPartial
            ? v.T($"{f.UnitsReporting} de {f.UnitsExpected} unid.; cota {v.P(f.LowerBoundExecution)}", $"{f.UnitsReporting} of {f.UnitsExpected} units; bound {v.P(f.LowerBoundExecution)}")
            : v.T($"{f.UnitsReporting} de {f.UnitsExpected} unid.", $"{f.UnitsReporting} of {f.UnitsExpected} units"))
          + (TrendRules.IsLowCoverage(f) ? v.T("; cobertura baja", "; low coverage") : "");

    internal static string Rate(DigestView v, ReportingRate r) => v.T(
        $"{r.Reported} de {r.Expected} ({r.OnTime} a tiempo, {r.Late} tarde, {r.RejectedOnly} solo rechazadas, {r.Missing} {Counted.Form(r.Missing, "falta", "faltan")})",
        $"{r.Reported} of {r.Expected} ({r.OnTime} on time, {r.Late} late, {r.RejectedOnly} rejected only, {r.Missing} missing)");

    public static void Text(StringBuilder t, DigestView v)
    {
        t.AppendLine(Heading(v)).AppendLine(new string('-', Heading(v).Length));
        t.AppendLine(Reading(v));
        foreach (var (name, figures) in Series(v))
        {
            t.Append(name).Append(": ").AppendLine(string.Join(" · ", v.Trend.Select(q =>
            {
                var f = figures(q);
                var detail = Detail(v, f);
                return $"{q.Period.Label(v.Language)}: {v.P(f.Execution)}" + (detail.Length > 0 ? $" ({detail})" : "");
            })));
        }
        t.Append(v.T("Tasa de informe", "Reporting rate")).Append(": ")
            .AppendLine(string.Join(" · ", v.Trend.Select(q => $"{q.Period.Label(v.Language)}: {Rate(v, q.Rate)}")));
        t.AppendLine();
    }

    /// <summary>The trends page's reading of the whole plan's execution over these quarters.</summary>
    public static string Reading(DigestView v) =>
        TrendReading.Execution(v.T("La ejecución total", "Overall execution"), v.Trend.Select(q => (q.Period, q.Overall)).ToList(), v.Language);

}
