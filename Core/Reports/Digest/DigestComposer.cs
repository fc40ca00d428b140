using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// Renders the Presidency's digest from a period's <see cref="RegionalProgress"/>, completeness first: who reported and
/// who did not, then the headline figures with their coverage and lower bound, per-axis bars, the activities furthest
/// behind relative to their programado, what changed since the last digest, and the rules. Pure: no I/O, no clock.
/// The HTML is e-mail safe (tables and inline styles only) and encodes every data string.
/// </summary>
public sealed class DigestComposer
{
    /// <summary>How many of the activities furthest behind their programado the digest lists.</summary>
    public const int MostBehindCount = 5;

    /// <summary>Composes the digest pointing at the workbook attached under its usual name.</summary>
    public DigestMessage Compose(RegionalProgress progress, DigestChanges? changes, Language language) =>
        Compose(progress, changes, language, WorkbookReference.Attached(MergedWorkbookService.FileName(progress.Period)));

    /// <param name="replaces">The slot of an earlier digest that could not be sent and that this one stands in for.</param>
    /// <param name="trend">The last quarters up to the digest's (<see cref="DigestTrend"/>); none: no trend section.</param>
    public DigestMessage Compose(RegionalProgress progress, DigestChanges? changes, Language language, WorkbookReference workbook,
        DateTimeOffset? replaces = null, IReadOnlyList<TrendQuarter>? trend = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(workbook);
        var view = new DigestView(progress, changes, language, workbook, MostBehind(progress), NeedingAttention(progress),
            progress.Activities.Count(a => a.IsPlanned && a.RegionalEjecutado is null), replaces)
        {
            Trend = trend ?? [],
        };
        var html = global::ServerlessPlan.Core.Presentation.RazorHtml.Render<DigestMail>(new() { [nameof(DigestMail.MailLanguage)] = language, [nameof(DigestMail.View)] = view });
        return new DigestMessage(Subject(progress, language), html, DigestText.Render(view), language);
    }

    /// <summary>
    /// The <see cref="MostBehindCount"/> activities furthest behind relative to their programado
    /// (<see cref="DelayRanking"/>: regional ejecutado ÷ programado, lowest first, ties by code and marked).
    /// </summary>
    public static IReadOnlyList<DelayedActivity> MostBehind(RegionalProgress progress) =>
        DelayRanking.Of(progress).Take(MostBehindCount).ToList();

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

    /// <summary>Completeness first: "… 2021-Q3: informaron 7 de 9 unidades (faltan Nicaragua y Panamá); ejecución 49,2 % (cota inferior 40,1 %)".</summary>
    private static string Subject(RegionalProgress progress, Language language)
    {
        var en = language == Language.En;
        var missing = NameList.Join(progress.MissingUnits.Select(u => u.Unit.Name.In(language)).ToList(), language);
        var units = en
            ? $"{progress.UnitsReported} of {progress.UnitsExpected} units reported" + (missing.Length > 0 ? $" (missing: {missing})" : "")
            : $"informaron {progress.UnitsReported} de {progress.UnitsExpected} unidades" + (missing.Length > 0 ? $" ({Counted.Form(progress.MissingUnits.Count, "falta", "faltan")} {missing})" : "");
        var execution = FigureFormat.Percent(progress.Overall.Execution, language);
        var bound = progress.Overall.IsPartial
            ? (en ? " (lower bound " : " (cota inferior ") + FigureFormat.Percent(progress.Overall.LowerBoundExecution, language) + ")"
            : "";
        return en
            ? $"Regional plan digest, {progress.Period.Label(language)}: {units}; execution {execution}{bound}"
            : $"Resumen del plan regional, {progress.Period.Label(language)}: {units}; ejecución {execution}{bound}";
    }
}

/// <summary>Everything both parts show (the HTML, <see cref="DigestMail"/>, and the text, <see cref="DigestText"/>), selected once.</summary>
public sealed record DigestView(
    RegionalProgress Progress,
    DigestChanges? Changes,
    Language Language,
    WorkbookReference Workbook,
    IReadOnlyList<DelayedActivity> MostBehind,
    IReadOnlyList<UnitSubmissionStatus> Attention,
    int PlannedWithoutData,
    DateTimeOffset? Replaces = null)
{
    /// <summary>The last quarters up to the digest's, oldest first; empty when the digest carries no trend.</summary>
    public IReadOnlyList<TrendQuarter> Trend { get; init; } = [];

    internal string T(string es, string en) => Language == Language.En ? en : es;

    public string P(double? percent) => FigureFormat.Percent(percent, Language);

    public string Signed(double? points) => FigureFormat.Signed(points, Language);

    /// <summary>The day of an instant on the coalition's clock (the digest is the coalition's).</summary>
    public string Day(DateTimeOffset? instant) => instant is { } at ? DeadlineText.Date(at, Progress.Dates.Zone, Language) : "—";

    /// <summary>An instant of a unit's on its own clock, named: "31 de octubre de 2021, 10:00 (hora de Guatemala, UTC−6)".</summary>
    public string UnitTime(UnitSubmissionStatus unit, DateTimeOffset? instant) =>
        instant is { } at ? DeadlineText.DateTime(at, unit.Dates.Zone, Language) : "—";

    public string UnitName(UnitSubmissionStatus unit) => $"{unit.Unit.Name.In(Language)} ({unit.Unit.Code})";

    /// <summary>The activity's text in the digest's language (Spanish when the plan carries no English for it).</summary>
    public string TextOf(ActivityProgress activity) =>
        Language == Language.En && activity.Activity.English is { } english ? english.Text : activity.Activity.Text;

    /// <summary>"2 actividades programadas sin ningún dato este trimestre." — written for the count.</summary>
    public string PlannedWithoutDataLine => T(
        $"{Counted.Of(PlannedWithoutData, "actividad programada", "actividades programadas")} sin ningún dato este trimestre.",
        $"{Counted.Of(PlannedWithoutData, "programmed activity", "programmed activities")} without any data this quarter.");

    /// <summary>The last day to send, ending on each unit's own clock.</summary>
    public string Deadline => DeadlineText.ForEveryUnit(Progress.LastDayToSend, Language);

    public string DeadlineLine => $"{DeadlineText.Label.In(Language)}: {Deadline}";

    /// <summary>"3 de 8" / "3 of 8".</summary>
    public string Of(int k, int n) => T($"{k} de {n}", $"{k} of {n}");

    /// <summary>"1" or "2=" (tied).</summary>
    public static string Rank(DelayedActivity d) => d.Tied ? $"{d.Rank}=" : $"{d.Rank}";

    /// <summary>
    /// Observations the units wrote on an activity, to say why it is behind; cut to a readable length, the same text
    /// of several units once ("CR, SV, GT: …").
    /// </summary>
    public IEnumerable<(string Unit, string Text)> Observations(ActivityProgress activity) =>
        activity.Units
            .Where(u => !string.IsNullOrWhiteSpace(u.Observaciones))
            .Select(u => (u.UnitCode, Text: DigestFormat.Cut(u.Observaciones!.Trim(), 200)))
            .GroupBy(o => o.Text, StringComparer.Ordinal)
            .Select(g => (string.Join(", ", g.Select(o => o.UnitCode)), g.Key));

    /// <summary>The like-for-like change of an activity: "+12,5 puntos (5 unidades)"; "—" when there is none.</summary>
    public string Change(ActivityProgress activity) => activity.Change is { } c
        ? T($"{Signed(c.Points)} puntos ({c.Units} unid.)", $"{Signed(c.Points)} points ({c.Units} units)")
        : "—";

    public string TimelinessDetail(UnitSubmissionStatus unit) => unit.Timeliness switch
    {
        SubmissionTimeliness.Late => T($"primera planilla aceptada el {UnitTime(unit, unit.FirstAcceptedAt)} ({DeadlineText.LabelInSentence(Language)}: {DeadlineText.LastDayToSend(unit.Dates, Language)})",
            $"first accepted sheet on {UnitTime(unit, unit.FirstAcceptedAt)} ({DeadlineText.LabelInSentence(Language)}: {DeadlineText.LastDayToSend(unit.Dates, Language)})"),
        SubmissionTimeliness.RejectedOnly => T($"{Counted.Of(unit.RejectedUploads, "envío rechazado", "envíos rechazados")}, {(unit.RejectedUploads == 1 ? "el" : "el último el")} {Day(unit.LastUploadAt)}; nada suyo entra en las cifras",
            $"{Counted.Of(unit.RejectedUploads, "rejected upload", "rejected uploads")}, {(unit.RejectedUploads == 1 ? "on" : "the last on")} {Day(unit.LastUploadAt)}; nothing of theirs is in the figures"),
        _ => T($"sin envíos ({DeadlineText.LabelInSentence(Language)}: {DeadlineText.LastDayToSend(unit.Dates, Language)}); nada suyo entra en las cifras",
            $"no upload ({DeadlineText.LabelInSentence(Language)}: {DeadlineText.LastDayToSend(unit.Dates, Language)}); nothing of theirs is in the figures"),
    };

    public string TiesNote => T("«=»: empate en avance relativo; las actividades empatadas se ordenan por código.",
        "\"=\": tied on relative progress; tied activities are ordered by code.");

    public string Rules => RegionalProgressRules.Summary.In(Language);

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
