using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// The headline of a period, completeness first, in the reader's language: who reported and who did not (by name),
/// then execution with its coverage beside its lower bound (every missing value counted as no progress) and what
/// execution measures. One wording for the digest, the workbook's <i>Resumen</i> and the CLI, so a partial picture
/// never reads as complete in one of them.
/// </summary>
public static class RegionalHeadline
{
    /// <summary>
    /// The headline, line by line: the instant it was rebuilt at (for a record as of a past date), who reported
    /// (<see cref="WhoReported"/>), then the figures (<see cref="FigureLines"/>).
    /// </summary>
    public static IReadOnlyList<string> Lines(RegionalProgress progress, Language language) =>
    [
        .. AsOf(progress, language) is { } asOf ? [asOf] : Array.Empty<string>(),
        .. WhoReported(progress, language),
        .. FigureLines(progress, language),
    ];

    /// <summary>Units reported, units missing, and — when there is one — the sheets that came in after the quarter locked.</summary>
    public static IReadOnlyList<string> WhoReported(RegionalProgress progress, Language language) =>
    [
        Reported(progress, language),
        Missing(progress, language),
        .. AfterLock(progress, language) is { } afterLock ? [afterLock] : Array.Empty<string>(),
    ];

    /// <summary>Execution, its lower bound, what it measures, the means.</summary>
    public static IReadOnlyList<string> FigureLines(RegionalProgress progress, Language language) =>
    [
        Execution(progress, language),
        LowerBound(progress, language),
        ExecutionMeaning(progress.Period, language),
        Means(progress, language),
    ];

    /// <summary>
    /// "Situación al 1 de noviembre de 2021, 12:01 UTC, reconstruida del historial de envíos: …" — for figures rebuilt as
    /// of a past instant; null for the record as stored.
    /// </summary>
    public static string? AsOf(RegionalProgress progress, Language language)
    {
        if (progress.AsOf is not { } at) return null;
        var time = at.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return language == Language.En
            ? $"As of {DeadlineText.Date(at, ReportingZone.Utc, language)}, {time} UTC, rebuilt from the submission history: what was current then, nothing that arrived later."
            : $"Situación al {DeadlineText.Date(at, ReportingZone.Utc, language)}, {time} UTC, reconstruida del historial de envíos: lo vigente entonces, nada de lo que llegó después.";
    }

    /// <summary>
    /// "Incluye 1 informe recibido tras el cierre del trimestre (15 de noviembre de 2021): Nicaragua (reabierto por … el …
    /// hasta el …: «motivo»)." — null when every sheet in the figures arrived before the lock.
    /// </summary>
    public static string? AfterLock(RegionalProgress progress, Language language)
    {
        var late = progress.ReceivedAfterLock;
        if (late.Count == 0) return null;
        var en = language == Language.En;
        var units = NameList.Join(late.Select(u => $"{u.Unit.Name.In(language)} ({(u.AdmittedBy is { } w
            ? LockTexts.Window(w, language)
            : en ? "no reopening on record" : "sin reapertura registrada")})").ToList(), language);
        var locked = progress.LockDay is { } day ? DeadlineText.Date(day, language) : "—";
        return en
            ? $"Includes {Counted.Of(late.Count, "report", "reports")} received after the quarter locked ({locked}): {units}."
            : $"Incluye {Counted.Of(late.Count, "informe recibido", "informes recibidos")} tras el cierre del trimestre ({locked}): {units}.";
    }

    /// <summary>"Informaron 7 de 9 unidades (países: 6 de 8; Secretaría Técnica: 1 de 1): Belice, …".</summary>
    public static string Reported(RegionalProgress progress, Language language) => Reported(progress.Units, language);

    /// <summary>
    /// <see cref="Reported(RegionalProgress, Language)"/> from the units' statuses alone (the portal's completeness board
    /// has them without computing any figure).
    /// </summary>
    /// <param name="units">Every unit expected in the period, in unit order.</param>
    public static string Reported(IReadOnlyList<UnitSubmissionStatus> units, Language language)
    {
        var en = language == Language.En;
        var reported = units.Where(u => u.HasReported).ToList();
        var names = NameList.Join(reported.Select(u => u.Unit.Name.In(language)).ToList(), language);
        var byKind = units
            .GroupBy(u => u.Unit.Kind)
            .OrderBy(g => g.Key)
            .Select(g => $"{KindName(g.Key, language)}: {g.Count(u => u.HasReported)} {(en ? "of" : "de")} {g.Count()}")
            .ToList();
        var count = en
            ? $"{reported.Count} of {units.Count} units reported ({string.Join("; ", byKind)})"
            : $"Informaron {reported.Count} de {units.Count} unidades ({string.Join("; ", byKind)})";
        return reported.Count == 0 ? count + "." : $"{count}: {names}.";
    }

    /// <summary>"No informaron 2: Nicaragua (sin envío) y Panamá (solo envíos rechazados). …" or that every unit did.</summary>
    public static string Missing(RegionalProgress progress, Language language) => Missing(progress.Units, language);

    /// <summary><see cref="Missing(RegionalProgress, Language)"/> from the units' statuses alone.</summary>
    /// <param name="units">Every unit expected in the period, in unit order.</param>
    public static string Missing(IReadOnlyList<UnitSubmissionStatus> units, Language language)
    {
        var missing = units.Where(u => !u.HasReported).ToList();
        var en = language == Language.En;
        if (missing.Count == 0) return en ? "Every expected unit reported." : "Informaron todas las unidades esperadas.";
        var names = NameList.Join(
            missing.Select(u => $"{u.Unit.Name.In(language)} ({MissingReason(u.Timeliness, language)})").ToList(), language);
        return en
            ? $"{missing.Count} did not report: {names}. Nothing of theirs is in the figures."
            : $"No {Counted.Form(missing.Count, "informó", "informaron")} {missing.Count}: {names}. Nada suyo entra en las cifras.";
    }

    /// <summary>"Ejecución: 49,2 % de lo programado para el año (sobre lo informado: 7 de 9 unidades; 17 de 19 actividades programadas con datos)."</summary>
    public static string Execution(RegionalProgress progress, Language language)
    {
        var f = progress.Overall;
        var value = FigureFormat.Percent(f.Execution, language);
        return language == Language.En
            ? $"Execution: {value} of the year's programado (over what was reported: {progress.UnitsReported} of {progress.UnitsExpected} units; {f.ActivitiesReported} of {f.ActivitiesPlanned} programmed activities with data)."
            : $"Ejecución: {value} de lo programado para el año (sobre lo informado: {progress.UnitsReported} de {progress.UnitsExpected} unidades; {f.ActivitiesReported} de {f.ActivitiesPlanned} actividades programadas con datos).";
    }

    /// <summary>
    /// "Si lo que falta no hubiera avanzado (2 unidades sin informe y 3 valores dejados en blanco, cada uno como ejecutado
    /// 0): 40,1 % (cota inferior)." — or that nothing expected is missing.
    /// </summary>
    public static string LowerBound(RegionalProgress progress, Language language)
    {
        var f = progress.Overall;
        var en = language == Language.En;
        if (!f.IsPartial)
        {
            return en
                ? "No expected value is missing: the figure covers every unit and programmed activity."
                : "No falta ningún valor esperado: la cifra cubre todas las unidades y actividades programadas.";
        }

        var units = progress.MissingUnits.Count;
        var blanks = BlankValues(progress);
        var value = FigureFormat.Percent(f.LowerBoundExecution, language);
        var parts = new List<string>();
        if (units > 0) parts.Add(en ? Counted.Of(units, "unit without a report", "units without a report") : Counted.Of(units, "unidad sin informe", "unidades sin informe"));
        if (blanks > 0) parts.Add(en ? Counted.Of(blanks, "value left blank", "values left blank") : Counted.Of(blanks, "valor dejado en blanco", "valores dejados en blanco"));
        var what = NameList.Join(parts, language);
        return en
            ? $"If what is missing had made no progress ({what}, each as ejecutado 0): {value} (lower bound)."
            : $"Si lo que falta no hubiera avanzado ({what}, cada uno como ejecutado 0): {value} (cota inferior).";
    }

    /// <summary>"Ejecución = avance del año a la fecha frente a lo programado para todo el año; al cierre del 3.er trimestre de 2021 han transcurrido 3 de 4 trimestres."</summary>
    public static string ExecutionMeaning(ReportingPeriod period, Language language) => language == Language.En
        ? $"Execution = progress of the year to date against what is programmed for the whole year (mean ejecutado ÷ mean programado); at the end of the {period.Label(language)}, {period.Quarter} of 4 quarters have passed."
        : $"Ejecución = avance del año a la fecha frente a lo programado para todo el año (ejecutado medio ÷ programado medio); al cierre del {period.Label(language)} han transcurrido {period.Quarter} de 4 trimestres.";

    /// <summary>"Ejecutado regional medio 35,2 % frente a programado medio 71,6 %, sobre las mismas 17 actividades."</summary>
    public static string Means(RegionalProgress progress, Language language)
    {
        var f = progress.Overall;
        var e = FigureFormat.Percent(f.MeanEjecutado, language);
        var p = FigureFormat.Percent(f.MeanProgramado, language);
        var notApplicable = f.ActivitiesNotApplicable == 0 ? "" : language == Language.En
            ? $" {Counted.Of(f.ActivitiesNotApplicable, "programmed activity", "programmed activities")} marked \"not applicable\" by every unit {Counted.Form(f.ActivitiesNotApplicable, "is", "are")} left out."
            : $" {Counted.Of(f.ActivitiesNotApplicable, "actividad programada", "actividades programadas")} que todas las unidades marcaron «no aplica» {Counted.Form(f.ActivitiesNotApplicable, "queda", "quedan")} fuera.";
        return (language == Language.En
            ? $"Mean regional ejecutado {e} against a mean programado of {p}, over the same {f.ActivitiesReported} activities."
            : $"Ejecutado regional medio {e} frente a un programado medio de {p}, sobre las mismas {f.ActivitiesReported} actividades.") + notApplicable;
    }

    /// <summary>Values expected of units that did report, left blank for a programmed activity.</summary>
    public static int BlankValues(RegionalProgress progress)
    {
        var reported = progress.ReportedUnits.Select(u => u.Unit.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return progress.Activities.Where(a => a.IsPlanned)
            .Sum(a => a.Units.Count(u => reported.Contains(u.UnitCode) && !u.Counts && !u.IsNotApplicable));
    }

    public static string MissingReason(SubmissionTimeliness timeliness, Language language) => timeliness switch
    {
        SubmissionTimeliness.RejectedOnly => language == Language.En ? "rejected uploads only" : "solo envíos rechazados",
        _ => language == Language.En ? "no upload" : "sin envío",
    };

    private static string KindName(ReportingUnitKind kind, Language language) => kind switch
    {
        ReportingUnitKind.Country => language == Language.En ? "countries" : "países",
        _ => language == Language.En ? "Technical Secretariat" : "Secretaría Técnica",
    };
}
