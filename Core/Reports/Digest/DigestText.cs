using System.Text;
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
        Heading(t, v.T("Resumen del plan regional — ", "Regional plan digest — ") + p.Period, '=');
        t.AppendLine(v.T($"Plazo de entrega: {DigestFormat.DateTime(p.Deadline)}", $"Deadline: {DigestFormat.DateTime(p.Deadline)}")).AppendLine();

        Heading(t, v.T("Cifras principales", "Headline figures"));
        t.AppendLine(v.T($"Unidades que informaron: {p.UnitsReported} de {p.UnitsExpected}", $"Units reported: {p.UnitsReported} of {p.UnitsExpected}"))
            .AppendLine(v.T($"Ejecutado regional medio: {DigestFormat.Percent(p.Overall.MeanEjecutado)}", $"Mean regional ejecutado: {DigestFormat.Percent(p.Overall.MeanEjecutado)}"))
            .AppendLine(v.T($"Programado medio: {DigestFormat.Percent(p.Overall.MeanProgramado)}", $"Mean programado: {DigestFormat.Percent(p.Overall.MeanProgramado)}"))
            .AppendLine(v.T($"Ejecución (% de lo programado): {DigestFormat.TextBar(p.Overall.Execution)}", $"Execution (% of programado): {DigestFormat.TextBar(p.Overall.Execution)}"))
            .AppendLine(v.T($"Actividades planificadas informadas: {p.Overall.ActivitiesReported} de {p.Overall.ActivitiesPlanned}",
                $"Planned activities reported: {p.Overall.ActivitiesReported} of {p.Overall.ActivitiesPlanned}"))
            .AppendLine();

        Heading(t, v.T("Avance por eje", "Progress by axis"));
        foreach (var axis in p.Axes)
        {
            var f = axis.Figures;
            t.AppendLine($"{axis.AxisCode}. {axis.Name.In(v.Language)}")
                .Append("   ").Append(DigestFormat.TextBar(f.Execution))
                .AppendLine(v.T($"  (ejecutado {DigestFormat.Percent(f.MeanEjecutado)} / programado {DigestFormat.Percent(f.MeanProgramado)}; {f.ActivitiesReported} de {f.ActivitiesPlanned} actividades)",
                    $"  (ejecutado {DigestFormat.Percent(f.MeanEjecutado)} / programado {DigestFormat.Percent(f.MeanProgramado)}; {f.ActivitiesReported} of {f.ActivitiesPlanned} activities)"));
        }
        t.AppendLine();

        Heading(t, v.T("Actividades más atrasadas", "Activities furthest behind"));
        if (v.MostBehind.Count == 0)
            t.AppendLine(v.T("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado."));
        var rank = 0;
        foreach (var a in v.MostBehind)
        {
            t.AppendLine($"{++rank}. {a.Activity.Label} {DigestFormat.Cut(a.Activity.Text, 160)}")
                .AppendLine(v.T(
                    $"   programado {DigestFormat.Percent(a.Programado)}, ejecutado regional {DigestFormat.Percent(a.RegionalEjecutado)}, brecha {DigestFormat.Number(a.Programado - a.RegionalEjecutado)} ({a.Reporting} de {a.Expected} unidades)",
                    $"   programado {DigestFormat.Percent(a.Programado)}, regional ejecutado {DigestFormat.Percent(a.RegionalEjecutado)}, gap {DigestFormat.Number(a.Programado - a.RegionalEjecutado)} ({a.Reporting} of {a.Expected} units)"));
            foreach (var (unit, text) in v.Observations(a))
                t.Append("   ").Append(unit).Append(": ").AppendLine(text);
        }
        if (v.PlannedWithoutData > 0)
        {
            t.AppendLine(v.T($"{v.PlannedWithoutData} actividad(es) planificada(s) sin ningún dato este periodo.",
                $"{v.PlannedWithoutData} planned activit(ies) without any data this period."));
        }

        t.AppendLine();

        Heading(t, v.T("Unidades pendientes o con retraso", "Units missing or late"));
        if (v.Attention.Count == 0) t.AppendLine(v.T("Todas las unidades enviaron a tiempo.", "Every unit reported on time."));
        foreach (var u in v.Attention)
        {
            t.Append("- ").Append(v.UnitName(u)).Append(": ").Append(TimelinessLabels.For(u.Timeliness).In(v.Language))
                .Append(", ").Append(v.TimelinessDetail(u));
            if (u.CurrentFileName is { } file) t.Append(" [").Append(file).Append(']');
            t.AppendLine();
        }
        t.AppendLine();

        Heading(t, v.T("Cambios desde el último resumen", "Changes since the last digest"));
        foreach (var line in ChangeLines(v)) t.AppendLine(line);
        t.AppendLine();

        t.AppendLine(v.Rules).AppendLine(v.WorkbookLine);
        return t.ToString();
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

        yield return v.T($"Desde el último resumen enviado ({DigestFormat.DateTime(c.Since)}, periodo {c.SincePeriod}):",
            $"Since the last digest sent ({DigestFormat.DateTime(c.Since)}, period {c.SincePeriod}):");
        if (c.IsEmpty)
        {
            yield return v.T("Sin cambios.", "No changes.");
            yield break;
        }

        foreach (var u in c.Units)
        {
            var name = $"{u.Unit.Name.In(v.Language)} ({u.Unit.Code})";
            yield return u.FirstReport
                ? v.T($"- {name} informó por primera vez para {v.Progress.Period} (planilla del {DigestFormat.Date(u.UploadedAt)}).",
                    $"- {name} reported for {v.Progress.Period} for the first time (sheet of {DigestFormat.Date(u.UploadedAt)}).")
                : v.T($"- {name} envió una planilla nueva (del {DigestFormat.Date(u.UploadedAt)}) que reemplaza a la anterior.",
                    $"- {name} sent a new sheet (of {DigestFormat.Date(u.UploadedAt)}) that replaces the previous one.");
        }

        if (!c.ValuesCompared)
        {
            yield return v.T($"El último resumen fue del periodo {c.SincePeriod}: los valores regionales no son comparables (el cambio trimestral está en el libro).",
                $"The last digest was about {c.SincePeriod}: regional values are not comparable (the quarterly change is in the workbook).");
            yield break;
        }

        foreach (var value in c.Values.Take(MaxValueChanges))
        {
            yield return v.T(
                $"- {value.Activity.Label} ejecutado regional {DigestFormat.Percent(value.Before)} → {DigestFormat.Percent(value.After)} ({DigestFormat.Signed(value.Delta)})",
                $"- {value.Activity.Label} regional ejecutado {DigestFormat.Percent(value.Before)} → {DigestFormat.Percent(value.After)} ({DigestFormat.Signed(value.Delta)})");
        }

        if (c.Values.Count > MaxValueChanges)
            yield return v.T($"… y {c.Values.Count - MaxValueChanges} más.", $"… and {c.Values.Count - MaxValueChanges} more.");
    }

    private static void Heading(StringBuilder t, string text, char underline = '-') =>
        t.AppendLine(text).AppendLine(new string(underline, text.Length));
}
