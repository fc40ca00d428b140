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
                .Append("<p style=\"margin:0;color:#555555\">")
                .Append(E(v.T($"Plazo de entrega: {DigestFormat.DateTime(p.Deadline)}", $"Deadline: {DigestFormat.DateTime(p.Deadline)}"))).Append("</p>");
        });

        Section(h, () => Headline(h, v));
        Section(h, () => Axes(h, v));
        Section(h, () => MostBehind(h, v));
        Section(h, () => Attention(h, v));
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

    private static void Headline(StringBuilder h, DigestView v)
    {
        var p = v.Progress;
        Heading(h, v.T("Cifras principales", "Headline figures"));
        h.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
        Kpi(h, v.T("Unidades que informaron", "Units reported"), v.T($"{p.UnitsReported} de {p.UnitsExpected}", $"{p.UnitsReported} of {p.UnitsExpected}"));
        Kpi(h, v.T("Ejecutado regional medio", "Mean regional ejecutado"), DigestFormat.Percent(p.Overall.MeanEjecutado));
        Kpi(h, v.T("Programado medio", "Mean programado"), DigestFormat.Percent(p.Overall.MeanProgramado));
        h.Append("<tr><td style=\"padding:2px 12px 2px 0\">").Append(E(v.T("Ejecución (% de lo programado)", "Execution (% of programado)")))
            .Append("</td><td style=\"padding:2px 12px 2px 0;font-weight:bold\">").Append(E(DigestFormat.Percent(p.Overall.Execution)))
            .Append("</td><td>");
        Bar(h, p.Overall.Execution);
        h.Append("</td></tr>");
        Kpi(h, v.T("Actividades planificadas informadas", "Planned activities reported"),
            v.T($"{p.Overall.ActivitiesReported} de {p.Overall.ActivitiesPlanned}", $"{p.Overall.ActivitiesReported} of {p.Overall.ActivitiesPlanned}"));
        h.Append("</table>");
    }

    private static void Kpi(StringBuilder h, string label, string value) =>
        h.Append("<tr><td style=\"padding:2px 12px 2px 0\">").Append(E(label))
            .Append("</td><td style=\"padding:2px 12px 2px 0;font-weight:bold\" colspan=\"2\">").Append(E(value)).Append("</td></tr>");

    private static void Axes(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Avance por eje", "Progress by axis"));
        h.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
        foreach (var head in new[] { v.T("Eje", "Axis"), v.T("Ejecución", "Execution"), "", v.T("Ejecutado / programado", "Ejecutado / programado"), v.T("Actividades", "Activities") })
            h.Append("<th style=\"").Append(HeadCell).Append("\">").Append(E(head)).Append("</th>");
        h.Append("</tr>");
        foreach (var axis in v.Progress.Axes)
        {
            var f = axis.Figures;
            h.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E($"{axis.AxisCode}. {axis.Name.In(v.Language)}"))
                .Append("</td><td style=\"").Append(Cell).Append("\">");
            Bar(h, f.Execution);
            h.Append("</td><td style=\"").Append(Cell).Append(";white-space:nowrap;font-weight:bold\">").Append(E(DigestFormat.Percent(f.Execution)))
                .Append("</td><td style=\"").Append(Cell).Append(";white-space:nowrap\">").Append(E($"{DigestFormat.Percent(f.MeanEjecutado)} / {DigestFormat.Percent(f.MeanProgramado)}"))
                .Append("</td><td style=\"").Append(Cell).Append(";white-space:nowrap\">")
                .Append(E(v.T($"{f.ActivitiesReported} de {f.ActivitiesPlanned}", $"{f.ActivitiesReported} of {f.ActivitiesPlanned}"))).Append("</td></tr>");
        }
        h.Append("</table>");
    }

    private static void MostBehind(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Actividades más atrasadas", "Activities furthest behind"));
        if (v.MostBehind.Count == 0)
        {
            Paragraph(h, v.T("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado."));
        }
        else
        {
            h.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
            foreach (var head in new[] { v.T("Actividad", "Activity"), v.T("Programado", "Programado"), v.T("Ejecutado regional", "Regional ejecutado"), v.T("Brecha", "Gap"), v.T("Cobertura", "Coverage") })
                h.Append("<th style=\"").Append(HeadCell).Append("\">").Append(E(head)).Append("</th>");
            h.Append("</tr>");
            foreach (var a in v.MostBehind)
            {
                h.Append("<tr><td style=\"").Append(Cell).Append("\"><b>").Append(E(a.Activity.Label)).Append("</b> ")
                    .Append(E(DigestFormat.Cut(a.Activity.Text, 160)));
                foreach (var (unit, text) in v.Observations(a))
                    h.Append("<br><span style=\"font-size:12px;color:#555555\">").Append(E($"{unit}: {text}")).Append("</span>");
                h.Append("</td>");
                foreach (var value in new[]
                         {
                             DigestFormat.Percent(a.Programado), DigestFormat.Percent(a.RegionalEjecutado),
                             DigestFormat.Number(a.Programado - a.RegionalEjecutado),
                             v.T($"{a.Reporting} de {a.Expected}", $"{a.Reporting} of {a.Expected}"),
                         })
                {
                    h.Append("<td style=\"").Append(Cell).Append(";white-space:nowrap\">").Append(E(value)).Append("</td>");
                }

                h.Append("</tr>");
            }
            h.Append("</table>");
        }
        if (v.PlannedWithoutData > 0)
        {
            Paragraph(h, v.T($"{v.PlannedWithoutData} actividad(es) planificada(s) sin ningún dato este periodo.",
                $"{v.PlannedWithoutData} planned activit(ies) without any data this period."));
        }
    }

    private static void Attention(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Unidades pendientes o con retraso", "Units missing or late"));
        if (v.Attention.Count == 0)
        {
            Paragraph(h, v.T("Todas las unidades enviaron a tiempo.", "Every unit reported on time."));
            return;
        }
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

    private static void Changes(StringBuilder h, DigestView v)
    {
        Heading(h, v.T("Cambios desde el último resumen", "Changes since the last digest"));
        foreach (var line in DigestText.ChangeLines(v))
            Paragraph(h, line);
    }

    private static void Bar(StringBuilder h, double? percent)
    {
        var filled = (int)Math.Round(DigestFormat.Fill(percent) / 100 * BarWidth, MidpointRounding.AwayFromZero);
        h.Append("<table role=\"presentation\" width=\"").Append(BarWidth).Append("\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>");
        if (filled > 0) BarCell(h, filled, DigestFormat.Colour(percent));
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
