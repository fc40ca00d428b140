using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Functions.Portal.Pages.Trends;

/// <summary>The words of the trends page (<c>/coalition/trends</c>).</summary>
public static class TrendsTexts
{
    public static readonly LocalizedText Coalition = new("Coalición Regional", "Regional Coalition");
    public static readonly LocalizedText Crumb = new("Tendencias", "Trends");
    public static readonly LocalizedText SectionsNav = new("Secciones de la coalición", "Coalition sections");
    public static readonly LocalizedText ExecutionByAxis = new("Ejecución por eje", "Execution by axis");
    public static readonly LocalizedText ExecutionKey = new(
        "Línea continua y puntos llenos: la ejecución (ejecutado medio ÷ programado medio del año). Línea discontinua y franja gris: la cota inferior, que cuenta como 0 lo que falta. Punto hueco sobre columna rayada: cobertura baja. La línea se corta entre años: el ejecutado se reinicia cada año.",
        "Solid line and filled dots: execution (mean ejecutado ÷ the year's mean programado). Dashed line and grey band: the lower bound, counting what is missing as 0. Hollow dot on a hatched column: low coverage. The line breaks between years: ejecutado restarts each year.");
    public static readonly LocalizedText WholePlan = new("Total del plan", "Whole plan");
    public static readonly LocalizedText Rules = new("Reglas", "Rules");

    public static readonly LocalizedText Plan = new("Plan", "Plan");
    public static readonly LocalizedText From = new("Desde", "From");
    public static readonly LocalizedText To = new("Hasta", "To");
    public static readonly LocalizedText Show = new("Ver", "Show");
    public static readonly LocalizedText PlanChangeHint = new(
        "Al cambiar de plan, los trimestres se ajustan a los del plan elegido.", "When the plan changes, the quarters are kept within the chosen plan's.");

    public static readonly LocalizedText Quarter = new("Trimestre", "Quarter");
    public static readonly LocalizedText Execution = new("Ejecución", "Execution");
    public static readonly LocalizedText LowerBound = new("Cota inferior", "Lower bound");
    public static readonly LocalizedText UnitsWithData = new("Unidades con datos", "Units with data");
    public static readonly LocalizedText ProgrammedActivitiesWithData = new("Actividades programadas con datos", "Programmed activities with data");
    public static readonly LocalizedText Note = new("Nota", "Note");
    public static readonly LocalizedText LowCoverage = new("cobertura baja", "low coverage");

    public static readonly LocalizedText ReportingRate = new("Tasa de informe", "Reporting rate");
    public static readonly LocalizedText ReportingRateChart = new("Tasa de informe por trimestre", "Reporting rate by quarter");
    public static readonly LocalizedText ReportingRateCaption = new("Unidades por trimestre según su envío", "Units by quarter by what they sent");
    public static readonly LocalizedText ReportedOfExpected = new("Informaron / esperadas", "Reported / expected");

    public static readonly LocalizedText UnitsHeading = new("Ejecución de cada unidad por trimestre", "Each unit's execution by quarter");
    public static readonly LocalizedText UnitsHint = new(
        "La ejecución de la unidad sobre su parte del plan, con las mismas reglas que la regional, y cómo llegó su planilla.",
        "The unit's execution over its part of the plan, by the same rules as the region's, and how its sheet arrived.");
    public static readonly LocalizedText UnitsCaption = new("Ejecución y puntualidad de cada unidad por trimestre", "Each unit's execution and timeliness by quarter");
    public static readonly LocalizedText Unit = new("Unidad", "Unit");

    public static readonly LocalizedText StalledCaption = new("Actividades sin movimiento, la más larga primero", "Activities that have not moved, longest first");
    public static readonly LocalizedText Activity = new("Actividad", "Activity");
    public static readonly LocalizedText QuartersWithoutMoving = new("Trimestres sin moverse", "Quarters without moving");
    public static readonly LocalizedText Coverage = new("Cobertura", "Coverage");

    public static readonly LocalizedText MoversHint = new(
        "Cambio comparable: solo las unidades que informaron la actividad en ambos trimestres.",
        "Like-for-like change: only the units that reported the activity in both quarters.");
    public static readonly LocalizedText NoMovers = new(
        "Sin cambios comparables en el último trimestre (en un 1.er trimestre no los hay: el ejecutado se reinicia cada año).",
        "No like-for-like changes in the last quarter (a 1st quarter has none: ejecutado restarts each year).");
    public static readonly LocalizedText MoversCaption = new(
        "Actividades con los mayores cambios comparables del último trimestre", "Activities with the largest like-for-like changes of the last quarter");
    public static readonly LocalizedText Change = new("Cambio", "Change");
    public static readonly LocalizedText UnitsCompared = new("Unidades comparadas", "Units compared");
    public static readonly LocalizedText EjecutadoOverProgramado = new("Ejecutado / programado", "Ejecutado / programado");

    public static readonly LocalizedText ActivitiesHeading = new("Historia de cada actividad", "Each activity's history");
    public static readonly LocalizedText ActivitiesHint = new(
        "Ejecutado regional por trimestre y, debajo, cuántas de las unidades esperadas dieron un número.",
        "Regional ejecutado by quarter and, under it, how many of the expected units gave a number.");
    public static readonly LocalizedText ActivitiesCaption = new(
        "Ejecutado regional de cada actividad por trimestre, con su cobertura", "Each activity's regional ejecutado by quarter, with its coverage");
    public static readonly LocalizedText NotProgrammed = new("no prog.", "not prog.");
    public static readonly LocalizedText NotApplicable = new("no aplica", "n/a");

    public static LocalizedText Title(string planId) => new($"Tendencias del plan {planId}", $"Trends of the {planId} plan");

    public static LocalizedText DownloadPlanMatrix(string plan) => new(
        $"Descargar la matriz del plan {plan} con lo programado y lo ejecutado de cada año (Excel)",
        $"Download the {plan} plan matrix with each year's programmed and executed (Excel)");

    public static LocalizedText Span(ReportingPeriod from, ReportingPeriod to) => new(
        $"Del {from.Label(Language.Es)} al {to.Label(Language.Es)}, ambos incluidos: cada punto es la cifra de su trimestre tal como la muestra el avance regional.",
        $"From the {from.Label(Language.En)} to the {to.Label(Language.En)}, inclusive: each point is its quarter's figure as regional progress shows it.");

    public static LocalizedText CompletenessOf(ReportingPeriod period) => new($"Cumplimiento del {period.Label(Language.Es)}", $"Completeness, {period.Label(Language.En)}");

    public static LocalizedText ProgressOf(ReportingPeriod period) => new($"Avance regional del {period.Label(Language.Es)}", $"Regional progress, {period.Label(Language.En)}");

    public static LocalizedText ExecutionChart(string name) => new($"Ejecución: {name}", $"Execution: {name}");

    public static LocalizedText ExecutionCaption(string name) => new($"Ejecución por trimestre: {name}", $"Execution by quarter: {name}");

    public static LocalizedText UnitsOf(int reporting, int expected) => new($"{reporting} de {expected} unidades", $"{reporting} of {expected} units");

    public static LocalizedText CountOf(int reporting, int expected) => new($"{reporting} de {expected}", $"{reporting} of {expected}");

    public static LocalizedText StalledHeading => new(
        $"Actividades sin movimiento ({TrendRules.StalledQuarters} o más trimestres seguidos)",
        $"Activities that have not moved ({TrendRules.StalledQuarters} or more quarters in a row)");

    public static LocalizedText NoneStalled(ReportingPeriod to) => new(
        $"Ninguna actividad por debajo de lo programado lleva {TrendRules.StalledQuarters} trimestres seguidos sin moverse hasta el {to.Label(Language.Es)}.",
        $"No activity below its programado has gone {TrendRules.StalledQuarters} quarters in a row without moving up to the {to.Label(Language.En)}.");

    public static LocalizedText EjecutadoOverProgramadoIn(ReportingPeriod to) => new($"Ejecutado / programado ({to.Label(Language.Es)})", $"Ejecutado / programado ({to.Label(Language.En)})");

    public static LocalizedText MoversHeading(ReportingPeriod to) => new($"Mayores cambios del {to.Label(Language.Es)}", $"Biggest movers of the {to.Label(Language.En)}");

    public static LocalizedText Points(string signed) => new($"{signed} puntos", $"{signed} points");

    public static readonly LocalizedText Previous = new("Anteriores", "Previous");
    public static readonly LocalizedText Next = new("Siguientes", "Next");

    public static LocalizedText PagesOf(string table) => new($"Páginas de la tabla «{table}»", $"Pages of the table \"{table}\"");

    public static LocalizedText PageNumber(int page) => new($"Página {page}", $"Page {page}");

    public static LocalizedText RowsShown(int first, int last, int total) => new(
        $"Filas {first} a {last} de {total}; las demás, en las otras páginas de la tabla.",
        $"Rows {first} to {last} of {total}; the rest are on the table's other pages.");
}
