using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// Renders the Presidency's digest from a period's <see cref="RegionalProgress"/>: headline figures, per-axis bars,
/// the activities most behind, units missing or late, what changed since the last digest, and the rules. Pure: no
/// I/O, no clock. The HTML is e-mail safe (tables and inline styles only) and encodes every data string.
/// </summary>
public sealed class DigestComposer
{
    /// <summary>How many of the activities furthest below their programado the digest lists.</summary>
    public const int MostBehindCount = 5;

    /// <summary>Composes the digest pointing at the workbook attached under its usual name.</summary>
    public DigestMessage Compose(RegionalProgress progress, DigestChanges? changes, Language language) =>
        Compose(progress, changes, language, WorkbookReference.Attached(MergedWorkbookService.FileName(progress.Period)));

    /// <param name="replaces">The slot of an earlier digest that could not be sent and that this one stands in for.</param>
    public DigestMessage Compose(RegionalProgress progress, DigestChanges? changes, Language language, WorkbookReference workbook,
        DateTimeOffset? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(workbook);
        var view = new DigestView(progress, changes, language, workbook, MostBehind(progress), NeedingAttention(progress),
            progress.Activities.Count(a => a.IsPlanned && a.RegionalEjecutado is null), replaces);
        return new DigestMessage(Subject(progress, language), DigestHtml.Render(view), DigestText.Render(view));
    }

    /// <summary>Largest gap programado − regional ejecutado first; only activities with both values and a positive gap.</summary>
    public static IReadOnlyList<ActivityProgress> MostBehind(RegionalProgress progress) =>
        progress.Activities
            .Where(a => a.Programado is not null && a.RegionalEjecutado is not null && a.Programado - a.RegionalEjecutado > 0)
            .OrderByDescending(a => a.Programado!.Value - a.RegionalEjecutado!.Value)
            .ThenBy(a => a.Activity.Code, StringComparer.Ordinal)
            .Take(MostBehindCount)
            .ToList();

    /// <summary>Units not on time: missing first, then rejected only, then late; unit order within each.</summary>
    public static IReadOnlyList<UnitSubmissionStatus> NeedingAttention(RegionalProgress progress) =>
        progress.Units
            .Where(u => u.Timeliness != SubmissionTimeliness.OnTime)
            .OrderBy(u => u.Timeliness switch
            {
                SubmissionTimeliness.Missing => 0,
                SubmissionTimeliness.RejectedOnly => 1,
                _ => 2,
            })
            .ToList();

    private static string Subject(RegionalProgress progress, Language language)
    {
        var execution = DigestFormat.Percent(progress.Overall.Execution);
        return language == Language.En
            ? $"Regional plan digest {progress.Period}: {progress.UnitsReported} of {progress.UnitsExpected} units reported, execution {execution}"
            : $"Resumen del plan regional {progress.Period}: {progress.UnitsReported} de {progress.UnitsExpected} unidades informaron, ejecución {execution}";
    }
}

/// <summary>Everything both renderers show, selected once.</summary>
internal sealed record DigestView(
    RegionalProgress Progress,
    DigestChanges? Changes,
    Language Language,
    WorkbookReference Workbook,
    IReadOnlyList<ActivityProgress> MostBehind,
    IReadOnlyList<UnitSubmissionStatus> Attention,
    int PlannedWithoutData,
    DateTimeOffset? Replaces = null)
{
    public string T(string es, string en) => Language == Language.En ? en : es;

    public string UnitName(UnitSubmissionStatus unit) => $"{unit.Unit.Name.In(Language)} ({unit.Unit.Code})";

    /// <summary>Observations the units wrote on an activity, to say why it is behind; cut to a readable length.</summary>
    public IEnumerable<(string Unit, string Text)> Observations(ActivityProgress activity) =>
        activity.Units
            .Where(u => !string.IsNullOrWhiteSpace(u.Observaciones))
            .Select(u => (u.UnitCode, DigestFormat.Cut(u.Observaciones!.Trim(), 200)));

    public string TimelinessDetail(UnitSubmissionStatus unit) => unit.Timeliness switch
    {
        SubmissionTimeliness.Late => T($"primera planilla aceptada el {DigestFormat.Date(unit.FirstAcceptedAt)} (plazo {DigestFormat.Date(Progress.Deadline)})",
            $"first accepted sheet on {DigestFormat.Date(unit.FirstAcceptedAt)} (deadline {DigestFormat.Date(Progress.Deadline)})"),
        SubmissionTimeliness.RejectedOnly => T($"{unit.RejectedUploads} envío(s) rechazado(s), el último el {DigestFormat.Date(unit.LastUploadAt)}",
            $"{unit.RejectedUploads} rejected upload(s), the last on {DigestFormat.Date(unit.LastUploadAt)}"),
        _ => T($"sin envíos (plazo {DigestFormat.Date(Progress.Deadline)})", $"no upload (deadline {DigestFormat.Date(Progress.Deadline)})"),
    };

    public string Rules => T(
        "Reglas: el ejecutado regional de una actividad es el promedio de las unidades que informaron un número («no aplica» y sin envío no cuentan); la ejecución es ejecutado medio ÷ programado medio × 100 sobre las actividades con programado > 0. Todas las reglas están en la hoja «Resumen» del libro consolidado.",
        "Rules: an activity's regional ejecutado is the mean of the units that reported a number (\"not applicable\" and no upload are left out); execution is mean ejecutado ÷ mean programado × 100 over the activities with a programado > 0. Every rule is in the workbook's \"Resumen\" sheet.");

    /// <summary>The workbook sentence without its link; <see cref="WorkbookLine"/> (text) and the HTML add the link.</summary>
    public string WorkbookLead => (Workbook.IsAttached, Workbook.Url is not null) switch
    {
        (true, false) => T($"Libro consolidado adjunto: {Workbook.FileName}.", $"Merged workbook attached: {Workbook.FileName}."),
        (true, true) => T($"Libro consolidado adjunto: {Workbook.FileName}. También se descarga del portal: ",
            $"Merged workbook attached: {Workbook.FileName}. It can also be downloaded from the portal: "),
        (false, true) => T($"El libro consolidado ({Workbook.FileName}) es demasiado grande para adjuntarlo; descárguelo del portal: ",
            $"The merged workbook ({Workbook.FileName}) is too large to attach; download it from the portal: "),
        _ => T($"El libro consolidado ({Workbook.FileName}) es demasiado grande para adjuntarlo; pídalo a la Secretaría Técnica.",
            $"The merged workbook ({Workbook.FileName}) is too large to attach; ask the Technical Secretariat for it."),
    };

    public string WorkbookLine => WorkbookLead + Workbook.Url;
}
