using System.Globalization;
using System.Net;
using System.Text;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// The HTML part. Mail clients strip style sheets, classes and scripts, so layout is nested tables with inline styles
/// and bars are fixed-width coloured cells. Every text goes through <see cref="E"/>: unit names, activity texts,
/// observations and file names come from the countries.
/// </summary>
internal static class DigestHtml
{
    private const int BarWidth = 200;
    private const string Cell = "padding:4px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top";
    private const string HeadCell = "padding:4px 6px;border-bottom:2px solid #9e9e9e;text-align:left;font-size:12px;color:#555555";

    public static string Render(DigestView v)
    {
        var p = v.Progress;
        var h = new StringBuilder(8 * 1024);
        h.Append("<!DOCTYPE html><html lang=\"").Append(v.T("es", "en")).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(E(v.T("Resumen del plan regional ", "Regional plan digest ") + p.Period)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f5f5f5\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#f5f5f5\"><tr><td align=\"center\" style=\"padding:16px\">")
            .Append("<table role=\"presentation\" width=\"680\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" bgcolor=\"#ffffff\" ")
            .Append("style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222222\">");

        Section(h, () =>
        {
            h.Append("<h1 style=\"font-size:20px;margin:0 0 4px 0\">").Append(E(v.T("Resumen del plan regional — ", "Regional plan digest — ") + p.Period)).Append("</h1>")
                .Append("<p style=\"margin:0;color:#555555\">").Append(E(v.DeadlineLine)).Append("</p>");
        });

        Section(h, () => Reporting(h, v));
        Section(h, () => Headline(h, v));
        Section(h, () => Axes(h, v));
        if (v.Trend.Count > 1) Section(h, () => DigestTrend.Html(h, v));
        Section(h, () => MostBehind(h, v));
        Section(h, () => Changes(h, v));
        Section(h, () =>
        {
            h.Append("<p style=\"margin:0 0 8px 0;font-size:12px;color:#555555\">").Append(E(v.Rules)).Append("</p><p style=\"margin:0\">")
                .Append(E(v.WorkbookLead));
            if (v.Workbook.Url is { } url)
                h.Append("<a href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a>");
            h.Append("</p>");
        });

        h.Append("</table></td></tr></table></body></html>");
        return h.ToString();
    }

    /// <summary>Completeness first: who reported, who did not, and the units not on time with their dates.</summary>
    private static void Reporting(StringBuilder h, DigestView v)
    {
        var p = v.Progress;
        Heading(h, v.T("Quién informó", "Who reported"));
        Paragraph(h, RegionalHeadline.Reported(p, v.Language));
        h.Append("<p style=\"margin:0 0 6px 0").Append(p.MissingUnits.Count > 0 ? ";color:#9c0006;font-weight:bold" : "").Append("\">")
            .Append(E(RegionalHeadline.Missing(p, v.Language))).Append("</p>");
        if (RegionalHeadline.AfterLock(p, v.Language) is { } afterLock)
            h.Append("<p style=\"margin:0 0 6px 0;color:#7f6000;font-weight:bold\">").Append(E(afterLock)).Append("</p>");
        if (v.Attention.Count == 0) return;
        h.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
        foreach (var u in v.Attention)
        {
            h.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(v.UnitName(u)))
                .Append("</td><td style=\"").Append(Cell).Append(";font-weight:bold;white-space:nowrap\">").Append(E(TimelinessLabels.For(u.Timeliness).In(v.Language)))
                .Append("</td><td style=\"").Append(Cell).Append("\">").Append(E(v.TimelinessDetail(u)));
            if (u.CurrentFileName is { } file)
                h.Append("<br><span style=\"font-size:12px;color:#555555\">").Append(E(file)).Append("</span>");
            h.Append("</td></tr>");
        }
        h.Append("</table>");
    }

    private static void Headline(StringBuilder h, DigestView v)
    {
        var p = v.Progress;
        Heading(h, v.T("Cifras principales", "Headline figures"));
        h.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td style=\"padding:2px 12px 2px 0;font-size:22px;font-weight:bold\">")
            .Append(E(v.P(p.Overall.Execution))).Append("</td><td>");
        Bar(h, p.Overall.Execution, p.QuartersElapsed);
        h.Append("</td></tr></table>");
        Paragraph(h, RegionalHeadline.Execution(p, v.Language));
        h.Append("<p style=\"margin:0 0 6px 0").Append(p.Overall.IsPartial ? ";font-weight:bold" : "").Append("\">")
            .Append(E(RegionalHeadline.LowerBound(p, v.Language))).Append("</p>");
        h.Append("<p style=\"margin:0 0 6px 0;font-size:12px;color:#555555\">").Append(E(RegionalHeadline.ExecutionMeaning(p.Period, v.Language))).Append("</p>");
        Paragraph(h, RegionalHeadline.Means(p, v.Language));
    }

    private static void Axes(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Avance por eje", "Progress by axis"));
        h.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
        foreach (var head in new[] { v.T("Eje", "Axis"), v.T("Ejecución", "Execution"), "", v.T("Cota inferior", "Lower bound"), v.T("Cobertura", "Coverage") })
            h.Append("<th style=\"").Append(HeadCell).Append("\">").Append(E(head)).Append("</th>");
        h.Append("</tr>");
        foreach (var axis in v.Progress.Axes)
        {
            var f = axis.Figures;
            h.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E($"{axis.AxisCode}. {axis.Name.In(v.Language)}"))
                .Append("</td><td style=\"").Append(Cell).Append("\">");
            Bar(h, f.Execution, v.Progress.QuartersElapsed);
            h.Append("</td><td style=\"").Append(Cell).Append(";white-space:nowrap;font-weight:bold\">").Append(E(v.P(f.Execution)))
                .Append("</td><td style=\"").Append(Cell).Append(";white-space:nowrap\">").Append(E(f.IsPartial ? v.P(f.LowerBoundExecution) : "—"))
                .Append("</td><td style=\"").Append(Cell).Append(";font-size:12px\">")
                .Append(E(v.T($"{f.ActivitiesReported} de {f.ActivitiesPlanned} actividades; {f.UnitsReporting} de {f.UnitsExpected} unidades; ejecutado {v.P(f.MeanEjecutado)} / programado {v.P(f.MeanProgramado)}",
                    $"{f.ActivitiesReported} of {f.ActivitiesPlanned} activities; {f.UnitsReporting} of {f.UnitsExpected} units; ejecutado {v.P(f.MeanEjecutado)} / programado {v.P(f.MeanProgramado)}")))
                .Append("</td></tr>");
        }
        h.Append("</table>");
    }

    private static void MostBehind(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Actividades más atrasadas (ejecutado regional ÷ programado)", "Activities furthest behind (regional ejecutado ÷ programado)"));
        if (v.MostBehind.Count == 0)
        {
            Paragraph(h, v.T("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado."));
        }
        else
        {
            h.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
            string[] heads = ["#", v.T("Actividad", "Activity"), v.T("Avance relativo", "Relative progress"), "Ejecutado / programado",
                v.T("Cobertura", "Coverage"), v.T("Cambio comparable", "Like-for-like change")];
            foreach (var head in heads)
                h.Append("<th style=\"").Append(HeadCell).Append("\">").Append(E(head)).Append("</th>");
            h.Append("</tr>");
            foreach (var d in v.MostBehind)
            {
                var a = d.Activity;
                h.Append("<tr><td style=\"").Append(Cell).Append(";white-space:nowrap\">").Append(E(DigestView.Rank(d)))
                    .Append("</td><td style=\"").Append(Cell).Append("\"><b>").Append(E(a.Activity.Label)).Append("</b> ")
                    .Append(E(DigestFormat.Cut(v.TextOf(a), 160)));
                foreach (var (unit, text) in v.Observations(a))
                    h.Append("<br><span style=\"font-size:12px;color:#555555\">").Append(E($"{unit}: {text}")).Append("</span>");
                h.Append("</td>");
                var coverage = v.T($"{a.Reporting} de {a.Expected} unidades", $"{a.Reporting} of {a.Expected} units") +
                               (a.Missing > 0 ? v.T($"; cota inferior {v.P(a.LowerBound)}", $"; lower bound {v.P(a.LowerBound)}") : "");
                // Figures never break between number and sign; the coverage and change sentences may wrap.
                foreach (var (value, nowrap) in new[] { (v.P(d.Relative * 100), true), ($"{v.P(a.RegionalEjecutado)} / {v.P(a.Programado)}", true), (coverage, false), (v.Change(a), false) })
                    h.Append("<td style=\"").Append(Cell).Append(nowrap ? ";font-size:13px;white-space:nowrap" : ";font-size:13px").Append("\">").Append(E(value)).Append("</td>");

                h.Append("</tr>");
            }
            h.Append("</table>");
            if (v.MostBehind.Any(d => d.Tied))
                h.Append("<p style=\"margin:4px 0 6px 0;font-size:12px;color:#555555\">").Append(E(v.TiesNote)).Append("</p>");
        }
        if (v.PlannedWithoutData > 0)
        {
            Paragraph(h, v.T($"{v.PlannedWithoutData} actividad(es) programada(s) sin ningún dato este periodo.",
                $"{v.PlannedWithoutData} programmed activit(ies) without any data this period."));
        }
    }

    private static void Changes(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Cambios desde el último resumen", "Changes since the last digest"));
        foreach (var line in DigestText.ChangeLines(v))
            Paragraph(h, line);
    }

    private static void Bar(StringBuilder h, double? percent, int quartersElapsed)
    {
        var filled = (int)Math.Round(DigestFormat.Fill(percent) / 100 * BarWidth, MidpointRounding.AwayFromZero);
        h.Append("<table role=\"presentation\" width=\"").Append(BarWidth).Append("\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
        if (filled > 0) BarCell(h, filled, DigestFormat.Colour(percent, quartersElapsed));
        if (filled < BarWidth) BarCell(h, BarWidth - filled, "#e0e0e0");
        h.Append("</tr></table>");
    }

    private static void BarCell(StringBuilder h, int width, string colour) =>
        h.Append("<td width=\"").Append(width.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"12\" bgcolor=\"").Append(colour)
            .Append("\" style=\"width:").Append(width.ToString(CultureInfo.InvariantCulture)).Append("px;height:12px;background-color:").Append(colour)
            .Append(";font-size:1px;line-height:1px\">&nbsp;</td>");

    private static void Section(StringBuilder h, Action body)
    {
        h.Append("<tr><td style=\"padding:10px 20px\">");
        body();
        h.Append("</td></tr>");
    }

    private static void Heading(StringBuilder h, string text) =>
        h.Append("<h2 style=\"font-size:16px;margin:0 0 6px 0;color:#1a4d80\">").Append(E(text)).Append("</h2>");

    private static void Paragraph(StringBuilder h, string text) =>
        h.Append("<p style=\"margin:0 0 6px 0\">").Append(E(text)).Append("</p>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
