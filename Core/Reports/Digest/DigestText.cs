using System.Text;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>The plain-text part: the same sections as the HTML, with text bars. Data strings appear as written.</summary>
internal static class DigestText
{
    /// <summary>Most value changes listed before "and N more" (the workbook has them all).</summary>
    private const int MaxValueChanges = 15;

    public static string Render(DigestView v)
    {
        var p = v.Progress;
        var t = new StringBuilder(4 * 1024);
        Heading(t, v.T("Resumen del plan regional — ", "Regional plan digest — ") + p.Period.Label(v.Language), '=');
        t.AppendLine(v.DeadlineLine).AppendLine();

        Heading(t, v.T("Quién informó", "Who reported"));
        t.AppendLine(RegionalHeadline.Reported(p, v.Language)).AppendLine(RegionalHeadline.Missing(p, v.Language));
        if (RegionalHeadline.AfterLock(p, v.Language) is { } afterLock) t.AppendLine(afterLock);
        foreach (var u in v.Attention)
        {
            t.Append("- ").Append(v.UnitName(u)).Append(": ").Append(TimelinessLabels.For(u.Timeliness).In(v.Language))
                .Append(", ").Append(v.TimelinessDetail(u));
            if (u.CurrentFileName is { } file) t.Append(" [").Append(file).Append(']');
            t.AppendLine();
        }
        t.AppendLine();

        Heading(t, v.T("Cifras principales", "Headline figures"));
        t.AppendLine(RegionalHeadline.Execution(p, v.Language))
            .Append("   ").AppendLine(DigestFormat.TextBar(p.Overall.Execution, v.Language))
            .AppendLine(RegionalHeadline.LowerBound(p, v.Language))
            .AppendLine(RegionalHeadline.ExecutionMeaning(p.Period, v.Language))
            .AppendLine(RegionalHeadline.Means(p, v.Language))
            .AppendLine();

        Heading(t, v.T("Avance por eje", "Progress by axis"));
        foreach (var axis in p.Axes)
        {
            var f = axis.Figures;
            t.AppendLine($"{axis.AxisCode}. {axis.Name.In(v.Language)}")
                .Append("   ").Append(DigestFormat.TextBar(f.Execution, v.Language))
                .AppendLine($"  ({AxisDetail(v, f)})");
        }
        t.AppendLine();
        if (v.Trend.Count > 1) DigestTrend.Text(t, v);

        Heading(t, v.T("Actividades más atrasadas (ejecutado regional ÷ programado)", "Activities furthest behind (regional ejecutado ÷ programado)"));
        if (v.MostBehind.Count == 0)
            t.AppendLine(v.T("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado."));
        foreach (var d in v.MostBehind)
        {
            var a = d.Activity;
            t.AppendLine($"{DigestView.Rank(d)}. {a.Activity.Label} {DigestFormat.Cut(v.TextOf(a), 160)}")
                .Append("   ").AppendLine(BehindDetail(v, d));
            foreach (var (unit, text) in v.Observations(a))
                t.Append("   ").Append(unit).Append(": ").AppendLine(text);
        }
        if (v.MostBehind.Any(d => d.Tied)) t.AppendLine(v.TiesNote);
        if (v.PlannedWithoutData > 0)
        {
            t.AppendLine(v.PlannedWithoutDataLine);
        }

        t.AppendLine();

        Heading(t, v.T("Cambios desde el último resumen", "Changes since the last digest"));
        foreach (var line in ChangeLines(v)) t.AppendLine(line);
        t.AppendLine();

        t.AppendLine(v.Rules).AppendLine(v.WorkbookLine);
        return t.ToString();
    }

    /// <summary>"5 de 5 actividades; 7 de 8 unidades; cota inferior 44,3 %; ejecutado 40,0 % / programado 77,0 %".</summary>
    internal static string AxisDetail(DigestView v, ProgressFigures f)
    {
        var coverage = v.T($"{f.ActivitiesReported} de {f.ActivitiesPlanned} actividades; {f.UnitsReporting} de {f.UnitsExpected} unidades",
            $"{f.ActivitiesReported} of {f.ActivitiesPlanned} activities; {f.UnitsReporting} of {f.UnitsExpected} units");
        var bound = f.IsPartial ? v.T("; cota inferior ", "; lower bound ") + v.P(f.LowerBoundExecution) : "";
        return $"{coverage}{bound}; ejecutado {v.P(f.MeanEjecutado)} / programado {v.P(f.MeanProgramado)}";
    }

    /// <summary>"45,0 % de lo programado: ejecutado regional 40,5 % de 90,0 % (6 de 8 unidades; cota inferior 30,4 %); cambio +12,0 puntos (5 unid.)".</summary>
    internal static string BehindDetail(DigestView v, DelayedActivity d)
    {
        var a = d.Activity;
        var bound = a.Missing > 0 ? v.T($"; cota inferior {v.P(a.LowerBound)}", $"; lower bound {v.P(a.LowerBound)}") : "";
        return v.T(
            $"{v.P(d.Relative * 100)} de lo programado: ejecutado regional {v.P(a.RegionalEjecutado)} de {v.P(a.Programado)} ({v.Of(a.Reporting, a.Expected)} unidades{bound}); cambio comparable {v.Change(a)}",
            $"{v.P(d.Relative * 100)} of programado: regional ejecutado {v.P(a.RegionalEjecutado)} of {v.P(a.Programado)} ({v.Of(a.Reporting, a.Expected)} units{bound}); like-for-like change {v.Change(a)}");
    }

    /// <summary>The changes section as lines, shared by both parts so that they always say the same.</summary>
    internal static IEnumerable<string> ChangeLines(DigestView v)
    {
        if (v.Replaces is { } missed)
        {
            yield return v.T($"Este resumen reemplaza al del {DigestFormat.DateTime(missed)}, que no se pudo enviar.",
                $"This digest stands in for the one of {DigestFormat.DateTime(missed)}, which could not be sent.");
        }

        if (v.Changes is not { } c)
        {
            yield return v.T("Es el primer resumen: no hay un envío anterior con que comparar.", "This is the first digest: there is no earlier one to compare with.");
            yield break;
        }

        yield return v.T($"Desde el último resumen enviado ({DigestFormat.DateTime(c.Since)}, del {c.SincePeriod.Label(v.Language)}):",
            $"Since the last digest sent ({DigestFormat.DateTime(c.Since)}, about the {c.SincePeriod.Label(v.Language)}):");
        if (c.IsEmpty)
        {
            yield return v.T("Sin cambios.", "No changes.");
            yield break;
        }

        foreach (var u in c.Units)
        {
            var name = $"{u.Unit.Name.In(v.Language)} ({u.Unit.Code})";
            yield return u.FirstReport
                ? v.T($"- {name} informó por primera vez para el {v.Progress.Period.Label(v.Language)} (planilla del {v.Day(u.UploadedAt)}).",
                    $"- {name} reported for the {v.Progress.Period.Label(v.Language)} for the first time (sheet of {v.Day(u.UploadedAt)}).")
                : v.T($"- {name} envió una planilla nueva (del {v.Day(u.UploadedAt)}) que reemplaza a la anterior.",
                    $"- {name} sent a new sheet (of {v.Day(u.UploadedAt)}) that replaces the previous one.");
        }

        if (!c.ValuesCompared)
        {
            yield return v.T($"El último resumen fue del {c.SincePeriod.Label(v.Language)}: los valores regionales no son comparables (el cambio trimestral está en el libro).",
                $"The last digest was about the {c.SincePeriod.Label(v.Language)}: regional values are not comparable (the quarterly change is in the workbook).");
            yield break;
        }

        foreach (var value in c.Values.Take(MaxValueChanges))
        {
            yield return v.T(
                $"- {value.Activity.Label} ejecutado regional {v.P(value.Before)} → {v.P(value.After)} ({v.Signed(value.Delta)})",
                $"- {value.Activity.Label} regional ejecutado {v.P(value.Before)} → {v.P(value.After)} ({v.Signed(value.Delta)})");
        }

        if (c.Values.Count > MaxValueChanges)
            yield return v.T($"… y {c.Values.Count - MaxValueChanges} más.", $"… and {c.Values.Count - MaxValueChanges} more.");
    }

    private static void Heading(StringBuilder t, string text, char underline = '-') =>
        t.AppendLine(text).AppendLine(new string(underline, text.Length));
}
