using System.Globalization;
using System.Net;
using System.Text;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// The digest's short trend: the last four quarters (of the digest's plan, up to its quarter) of execution, overall and
/// per axis, and of the reporting rate — the trends page's figures (<see cref="TrendSeries"/>). E-mail-safe HTML (table
/// bars with the figure written beside each, no SVG, no script) and the same lines in the text part.
/// </summary>
internal static class DigestTrend
{
    public const int Quarters = 4;
    private const int BarWidth = 60;
    private const string Cell = "padding:3px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top;font-size:13px";
    private const string HeadCell = "padding:3px 6px;border-bottom:2px solid #9e9e9e;text-align:left;font-size:12px;color:#555555";

    public static string Heading(DigestView v) => v.T(
        $"Tendencia de los últimos {v.Trend.Count} trimestres (ejecución del año a la fecha; se reinicia cada año)",
        $"Trend over the last {v.Trend.Count} quarters (execution year to date; it restarts each year)");

    private static IEnumerable<(string Name, Func<TrendQuarter, ProgressFigures> Figures)> Series(DigestView v) =>
        new[] { (v.T("Total", "Total"), (Func<TrendQuarter, ProgressFigures>)(q => q.Overall)) }
            .Concat(v.Progress.Axes.Select(a => ($"{a.AxisCode}. {a.Name.In(v.Language)}", (Func<TrendQuarter, ProgressFigures>)(q => q.Axis(a.AxisCode)?.Figures ?? Empty))));

    private static readonly ProgressFigures Empty = new(null, null, 0, 0);

    /// <summary>"57,1 %" with "(2 de 9 unid.; cota 20,3 %)" when something is missing.</summary>
    private static string Detail(DigestView v, ProgressFigures f) =>
        f.Execution is null ? "" : (f.IsPartial
            ? v.T($"{f.UnitsReporting} de {f.UnitsExpected} unid.; cota {v.P(f.LowerBoundExecution)}", $"{f.UnitsReporting} of {f.UnitsExpected} units; bound {v.P(f.LowerBoundExecution)}")
            : v.T($"{f.UnitsReporting} de {f.UnitsExpected} unid.", $"{f.UnitsReporting} of {f.UnitsExpected} units"))
          + (TrendRules.IsLowCoverage(f) ? v.T("; cobertura baja", "; low coverage") : "");

    private static string Rate(DigestView v, ReportingRate r) => v.T(
        $"{r.Reported} de {r.Expected} ({r.OnTime} a tiempo, {r.Late} tarde, {r.RejectedOnly} solo rechazadas, {r.Missing} faltan)",
        $"{r.Reported} of {r.Expected} ({r.OnTime} on time, {r.Late} late, {r.RejectedOnly} rejected only, {r.Missing} missing)");

    public static void Html(StringBuilder h, DigestView v)
    {
        h.Append("<h2 style=\"font-size:16px;margin:0 0 6px 0;color:#1a4d80\">").Append(E(Heading(v))).Append("</h2>");
        h.Append("<p style=\"margin:0 0 6px 0\">").Append(E(Reading(v))).Append("</p>");
        h.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><th style=\"").Append(HeadCell).Append("\"></th>");
        foreach (var q in v.Trend)
            h.Append("<th style=\"").Append(HeadCell).Append("\">").Append(E(q.Period.ToString())).Append("</th>");
        h.Append("</tr>");
        foreach (var (name, figures) in Series(v))
        {
            h.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(name)).Append("</td>");
            foreach (var q in v.Trend)
            {
                var f = figures(q);
                h.Append("<td style=\"").Append(Cell).Append("\">");
                Bar(h, f.Execution, TrendRules.IsLowCoverage(f) ? "#9e9e9e" : "#1a4d80");
                h.Append("<b>").Append(E(v.P(f.Execution))).Append("</b><br><span style=\"font-size:11px;color:#555555\">").Append(E(Detail(v, f))).Append("</span></td>");
            }
            h.Append("</tr>");
        }

        h.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(v.T("Tasa de informe", "Reporting rate"))).Append("</td>");
        foreach (var q in v.Trend)
        {
            h.Append("<td style=\"").Append(Cell).Append("\">");
            Bar(h, q.Rate.Expected == 0 ? null : 100.0 * q.Rate.Reported / q.Rate.Expected, "#2e7d32");
            h.Append("<span style=\"font-size:11px\">").Append(E(Rate(v, q.Rate))).Append("</span></td>");
        }
        h.Append("</tr></table>");
        h.Append("<p style=\"margin:4px 0 6px 0;font-size:12px;color:#555555\">").Append(E(v.T(
            "Barra gris: cobertura baja (menos de 3 de cada 4 unidades con datos); una caída de la cobertura no es una caída del avance.",
            "Grey bar: low coverage (fewer than 3 in 4 units with data); a fall in coverage is not a fall in progress."))).Append("</p>");
    }

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
                return $"{q.Period} {v.P(f.Execution)}" + (detail.Length > 0 ? $" ({detail})" : "");
            })));
        }
        t.Append(v.T("Tasa de informe", "Reporting rate")).Append(": ")
            .AppendLine(string.Join(" · ", v.Trend.Select(q => $"{q.Period} {Rate(v, q.Rate)}")));
        t.AppendLine();
    }

    /// <summary>The trends page's reading of the whole plan's execution over these quarters.</summary>
    public static string Reading(DigestView v) =>
        TrendReading.Execution(v.T("La ejecución total", "Overall execution"), v.Trend.Select(q => (q.Period, q.Overall)).ToList(), v.Language);

    private static void Bar(StringBuilder h, double? percent, string colour)
    {
        var filled = (int)Math.Round(DigestFormat.Fill(percent) / 100 * BarWidth, MidpointRounding.AwayFromZero);
        h.Append("<table role=\"presentation\" width=\"").Append(BarWidth).Append("\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
        if (filled > 0) Cell8(h, filled, colour);
        if (filled < BarWidth) Cell8(h, BarWidth - filled, "#e0e0e0");
        h.Append("</tr></table>");
    }

    private static void Cell8(StringBuilder h, int width, string colour)
    {
        var w = width.ToString(CultureInfo.InvariantCulture);
        h.Append("<td width=\"").Append(w).Append("\" height=\"8\" bgcolor=\"").Append(colour).Append("\" style=\"width:").Append(w)
            .Append("px;height:8px;background-color:").Append(colour).Append(";font-size:1px;line-height:1px\">&nbsp;</td>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
