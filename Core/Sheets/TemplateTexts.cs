using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Sheets;

/// <summary>Every word the template shows, Spanish first. Data-validation titles stay under Excel's 32 characters.</summary>
public static class TemplateTexts
{
    public static readonly LocalizedText Title = new("Informe trimestral de avance — {0}", "Quarterly progress report — {0}");
    public static readonly LocalizedText PlanLabel = new("Plan", "Plan");
    public static readonly LocalizedText UnitLabel = new("Unidad que informa", "Reporting unit");
    public static readonly LocalizedText PeriodLabel = new("Trimestre", "Quarter");
    public static readonly LocalizedText FocalNameLabel = new("Punto focal (nombre)", "Focal point (name)");
    public static readonly LocalizedText FocalEmailLabel = new("Punto focal (correo)", "Focal point (e-mail)");
    public static readonly LocalizedText Hint = new(
        $"Complete solo las celdas amarillas. Lea la hoja «Instrucciones» antes de empezar. {DeadlineText.Label.Es}: {{0}}.",
        $"Fill in the yellow cells only. Read the \"Instructions\" sheet before you start. {DeadlineText.Label.En}: {{0}}.");

    public static readonly LocalizedText Code = new("Código", "Code");
    public static readonly LocalizedText Axis = new("Eje", "Axis");
    public static readonly LocalizedText Activity = new("Actividad", "Activity");
    public static readonly LocalizedText Meta = new("Meta", "Target (meta)");
    public static readonly LocalizedText Indicador = new("Indicador", "Indicator");
    public static readonly LocalizedText Responsable = new("Responsable", "Responsible");
    public static readonly LocalizedText Programado = new("Programado {0} (% de la actividad)", "Programmed {0} (% of the activity)");
    public static readonly LocalizedText Ejecutado = new("Ejecutado {0} a la fecha (% de la actividad, escala de Programado)",
        "Achieved {0} to date (% of the activity, on Programmed's scale)");
    public static readonly LocalizedText Status = new("Estado", "Status");
    public static readonly LocalizedText Quantity = new("Cantidad (número entero, si el indicador cuenta)", "Quantity (whole number, count indicators)");
    public static readonly LocalizedText Observations = new("Observaciones", "Observations");
    public static readonly LocalizedText Evidence = new("Enlace a evidencia", "Evidence link");

    public static readonly LocalizedText PercentErrorTitle = new("Porcentaje no válido", "Invalid percentage");
    public static readonly LocalizedText PercentError = new(
        "Escriba un número de 0 a 100 en la escala de Programado: si se programó 30 y se hizo todo lo del año, escriba 30 (no 100).",
        "Type a number from 0 to 100 on Programmed's scale: if 30 was programmed and the year's part is done, type 30 (not 100).");
    public static readonly LocalizedText StatusErrorTitle = new("Estado no válido", "Invalid status");
    public static readonly LocalizedText StatusError = new("Elija un estado de la lista.", "Pick a status from the list.");
    public static readonly LocalizedText QuantityErrorTitle = new("Cantidad no válida", "Invalid quantity");
    public static readonly LocalizedText QuantityError = new(
        "Escriba un número entero mayor o igual a 0 (0, 1, 2…): una cantidad se cuenta.", "Type a whole number of 0 or more (0, 1, 2…): a quantity is counted.");
    public static readonly LocalizedText TextTooLongTitle = new("Texto demasiado largo", "Text too long");
    public static readonly LocalizedText TextTooLong = new("Máximo {0} caracteres.", "At most {0} characters.");

    public static string Format(LocalizedText text, Language language, params object[] args) =>
        string.Format(language.Culture(), text.In(language), args);

    /// <summary>
    /// "Último día para enviar: {date}." — the deadline line of the instructions, also in reminders and late notices
    /// (the same words as <see cref="DeadlineText.Sentence"/>).
    /// </summary>
    public static readonly LocalizedText DeadlineLine = new($"{DeadlineText.Label.Es}: {{0}}.", $"{DeadlineText.Label.En}: {{0}}.");

    /// <summary>A date as every user-facing text writes it (<see cref="DeadlineText.Date(DateOnly, Language)"/>).</summary>
    public static string LongDate(DateOnly date, Language language) => DeadlineText.Date(date, language);

    /// <summary>The deadline line for a unit's last day to send, ending on its clock (<see cref="DeadlineText.LastDayToSend"/>).</summary>
    public static string Deadline(QuarterDates dates, Language language) =>
        string.Format(language.Culture(), DeadlineLine.In(language), DeadlineText.LastDayToSend(dates, language));

    /// <summary>Download name: <c>plantilla-GT-2021-Q3.xlsx</c> / <c>template-BZ-2021-Q3.xlsx</c>.</summary>
    public static string FileName(ReportingUnit unit, ReportingPeriod period, Language language) =>
        $"{(language == Language.En ? "template" : "plantilla")}-{unit.Code.ToUpperInvariant()}-{period}.xlsx";

    /// <summary>The instructions sheet: (heading, paragraphs) in order.</summary>
    /// <param name="activities">The unit's activities, for a worked example of ejecutado on programado's scale.</param>
    /// <param name="portalPage">The unit's quarter in the portal (<c>/units/{unit}/{period}</c>), given first as the way to send; null without a portal.</param>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Paragraphs)> Instructions(
        ReportingUnit unit, ReportingPeriod period, QuarterDates dueDate, Language language, IReadOnlyList<PlanActivity> activities,
        string? portalPage = null)
    {
        var en = language == Language.En;
        var label = period.Label(language);
        var report = TemplateLayout.ReportSheet(language);
        var upload = $"{StorageNames.UploadsContainer}/{unit.Code.ToUpperInvariant()}/{period}/{FileName(unit, period, language)}";
        var statuses = string.Join(", ", ActivityStatusLabels.All(language).Select(s => en ? $"\"{s}\"" : $"«{s}»"));
        var example = EjecutadoExample(period, language, activities);
        return en
            ? [
                ("How to fill in this report", [
                    $"This workbook is the report of {unit.Name.In(language)} for the {label}. Work on the \"{report}\" sheet and fill in the yellow cells only; the other cells are protected against accidental edits.",
                    "Write the focal point's name and e-mail at the top. Do not add, delete, reorder or rename rows, columns or sheets: the activity code in column A identifies each row.",
                ]),
                ("What each column means", [
                    "Code, Axis, Activity, Target (meta), Indicator, Responsible: the plan's activity, for reference.",
                    $"Programmed {period.Year} (% of the activity): the share of the activity the plan programs for {period.Year}; blank when nothing is programmed that year.",
                    $"Achieved {period.Year} to date (% of the activity): the share of the activity done in {period.Year} so far, on the same scale as Programmed, cumulative for the year (not just this quarter). When the year's part is done, Achieved equals Programmed.",
                    example,
                    $"Status: one of {statuses}. \"{ActivityStatus.NotApplicable.Label(language)}\" means the activity does not apply to {unit.Name.In(language)}: leave Achieved blank; it is then left out of the regional figures rather than counted as missing.",
                    "Quantity: a whole number (0, 1, 2…), only for activities whose indicator counts something (grey cells do not apply).",
                    $"Observations (up to {TemplateLayout.MaxObservationsLength} characters) and Evidence link (up to {TemplateLayout.MaxEvidenceLength}): what was done, difficulties, and where the evidence is.",
                ]),
                ("How to type percentages", [
                    "Type the number of percent points: 50 means 50 %. The cell shows \"50 %\" by itself.",
                    "Type the number alone: 50, not \"50%\" nor 0.5 (0.5 means half of one percent).",
                    "Leave a cell blank when there is nothing to report; blank is not the same as 0.",
                ]),
                ("How to send it", [
                    .. portalPage is null ? Array.Empty<string>() : [
                        $"Send it in the portal, on the page of {unit.Name.In(language)} for the {label}: {portalPage}. Sign in, choose the saved file and send it: the page says within seconds whether it was accepted, and the result also comes by e-mail.",
                        "Other ways to send it, for those who use them:"],
                    $"Upload the saved file to {upload} (any file name ending in .xlsx inside that folder).",
                    $"To check the file before sending, post it to /{PortalRoutes.ApiValidate}: you receive every problem, cell by cell, without submitting it.",
                    Deadline(dueDate, language),
                ]),
            ]
            : [
                ("Cómo completar este informe", [
                    $"Este libro es el informe de {unit.Name.In(language)} del {label}. Trabaje en la hoja «{report}» y complete solo las celdas amarillas; las demás están protegidas contra cambios accidentales.",
                    "Escriba el nombre y el correo del punto focal en la parte superior. No agregue, elimine, reordene ni renombre filas, columnas u hojas: el código de actividad de la columna A identifica cada fila.",
                ]),
                ("Qué significa cada columna", [
                    "Código, Eje, Actividad, Meta, Indicador, Responsable: la actividad del plan, como referencia.",
                    $"Programado {period.Year} (% de la actividad): la parte de la actividad que el plan programa para {period.Year}; en blanco cuando no hay nada programado ese año.",
                    $"Ejecutado {period.Year} a la fecha (% de la actividad): la parte de la actividad realizada en {period.Year} hasta ahora, en la misma escala que Programado, acumulada en el año (no solo este trimestre). Cuando se hizo todo lo previsto para el año, Ejecutado es igual a Programado.",
                    example,
                    $"Estado: uno de {statuses}. «no aplica» significa que la actividad no corresponde a {unit.Name.In(language)}: deje Ejecutado en blanco; la actividad queda fuera de las cifras regionales en lugar de contarse como faltante.",
                    "Cantidad: un número entero (0, 1, 2…), solo para actividades cuyo indicador cuenta algo (las celdas grises no aplican).",
                    $"Observaciones (hasta {TemplateLayout.MaxObservationsLength} caracteres) y Enlace a evidencia (hasta {TemplateLayout.MaxEvidenceLength}): lo realizado, las dificultades y dónde está la evidencia.",
                ]),
                ("Cómo escribir los porcentajes", [
                    "Escriba los puntos porcentuales: 50 significa 50 %. La celda muestra «50 %» sola.",
                    "Escriba solo el número: 50, no «50%» ni 0,5 (0,5 significa medio punto porcentual).",
                    "Deje la celda en blanco cuando no haya nada que informar; en blanco no es lo mismo que 0.",
                ]),
                ("Cómo enviarlo", [
                    .. portalPage is null ? Array.Empty<string>() : [
                        $"Envíelo en el portal, en la página de {unit.Name.In(language)} del {label}: {portalPage}. Inicie sesión, elija el archivo guardado y envíelo: la página dice en segundos si fue aceptado, y el resultado le llega también por correo.",
                        "Otras formas de enviarlo, para quien las use:"],
                    $"Suba el archivo guardado a {upload} (cualquier nombre terminado en .xlsx dentro de esa carpeta).",
                    $"Para revisar el archivo antes de enviarlo, envíelo a /{PortalRoutes.ApiValidate}: recibirá cada problema, celda por celda, sin que quede presentado.",
                    Deadline(dueDate, language),
                ]),
            ];
    }

    /// <summary>
    /// A worked example of ejecutado on programado's scale, from one of the unit's own activities whose programado for
    /// the year is below 100 (where reading ejecutado as "share of the year's target" would go wrong); a generic one
    /// when it has none.
    /// </summary>
    public static string EjecutadoExample(ReportingPeriod period, Language language, IReadOnlyList<PlanActivity> activities)
    {
        var culture = language.Culture();
        var sample = activities
            .Select(a => (Activity: a, Programado: a.ForYear(period.Year)?.Programado))
            .FirstOrDefault(x => x.Programado is > 0 and < 100);
        var programado = sample.Programado ?? 30m;
        var half = (programado / 2).ToString("0.##", culture);
        var p = programado.ToString("0.##", culture);
        var which = sample.Activity is { } activity
            ? (language == Language.En ? $"activity {activity.Label.TrimEnd('.')}" : $"la actividad {activity.Label.TrimEnd('.')}")
            : (language == Language.En ? "an activity" : "una actividad");
        return language == Language.En
            ? $"Example: {which} is programmed at {p} for {period.Year}. If everything planned for {period.Year} is done, type {p} (not 100); if half of it is done, type {half}. Do not type 100 to say \"the year's target was met\": that would read as the whole activity done."
            : $"Ejemplo: {which} tiene programado {p} para {period.Year}. Si se hizo todo lo previsto para {period.Year}, escriba {p} (no 100); si se hizo la mitad, escriba {half}. No escriba 100 para decir «se cumplió la meta del año»: se leería como la actividad entera hecha.";
    }
}
