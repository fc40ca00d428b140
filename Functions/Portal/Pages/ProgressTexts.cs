using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the regional progress page.</summary>
public static class ProgressTexts
{
    public static LocalizedText Title(LocalizedText quarter) => new($"Avance regional del {quarter.Es}", $"Regional progress, {quarter.En}");

    public static readonly LocalizedText WhoReported = new("Quién informó", "Who reported");
    public static readonly LocalizedText EachUnitsStatus = new("Ver el estado de cada unidad", "See each unit's status");
    public static readonly LocalizedText HeadlineFigures = new("Cifras principales", "Headline figures");
    public static readonly LocalizedText ByAxis = new("Por eje", "By axis");
    public static readonly LocalizedText AxesCaption = new(
        "Ejecución de cada eje frente a lo programado para el año, con su cota inferior y su cobertura",
        "Each axis's execution against the year's programado, with its lower bound and coverage");
    public static readonly LocalizedText Axis = new("Eje", "Axis");
    public static readonly LocalizedText Bar = new("Barra", "Bar");
    public static readonly LocalizedText Execution = new("Ejecución", "Execution");
    public static readonly LocalizedText LowerBound = new("Cota inferior", "Lower bound");
    public static readonly LocalizedText Coverage = new("Cobertura", "Coverage");
    public static readonly LocalizedText AxesHint = new(
        "Cada barra es la ejecución del eje (ejecutado medio ÷ programado medio del año, 0–100 %); la cota inferior cuenta como 0 cada valor que falta.",
        "Each bar is the axis's execution (mean ejecutado ÷ the year's mean programado, 0–100 %); the lower bound counts each missing value as 0.");
    public static readonly LocalizedText MostBehind = new("Actividades más atrasadas (ejecutado regional ÷ programado)", "Activities furthest behind (regional ejecutado ÷ programado)");
    public static readonly LocalizedText NoneBehind = new("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado.");
    public static readonly LocalizedText Ties = new(
        "«=»: empate en avance relativo; las actividades empatadas se ordenan por código.", "\"=\": tied on relative progress; tied activities are ordered by code.");

    public static LocalizedText Shown(int shown, int ranked) => new(
        $"Se muestran {shown} de las {ranked} actividades por debajo de lo programado; la tabla de abajo las tiene todas.",
        $"{shown} of the {ranked} activities below their programado are shown; the table below has them all.");

    public static readonly LocalizedText BehindCaption = new("Actividades por debajo de lo programado, la más atrasada primero", "Activities below their programado, furthest behind first");
    public static readonly LocalizedText Activity = new("Actividad", "Activity");
    public static readonly LocalizedText RelativeProgress = new("Avance relativo", "Relative progress");
    public static readonly LocalizedText EjecutadoProgramado = new("Ejecutado / programado", "Ejecutado / programado");
    public static readonly LocalizedText Change = new("Cambio comparable", "Like-for-like change");
    public static readonly LocalizedText ByActivity = new("Por actividad", "By activity");

    public static LocalizedText ComparedWith(LocalizedText previous) => new(
        $"El cambio comparable es frente al {previous.Es}, solo sobre las unidades que informaron la actividad en ambos trimestres.",
        $"The like-for-like change is against {previous.En}, over the units that reported the activity in both quarters only.");

    public static readonly LocalizedText NoComparison = new(
        "Sin cambio comparable: el ejecutado es del año a la fecha y este es el primer trimestre del año.",
        "No like-for-like change: ejecutado is year to date and this is the year's first quarter.");

    public static readonly LocalizedText ActivitiesCaption = new(
        "Ejecutado regional de cada actividad con su cobertura, su cota inferior y su cambio comparable",
        "Regional ejecutado of each activity with its coverage, lower bound and like-for-like change");
    public static readonly LocalizedText Code = new("Código", "Code");

    public static LocalizedText Programado(int year) => new($"Programado {year}", $"Programado {year}");

    public static readonly LocalizedText RegionalEjecutado = new("Ejecutado regional", "Regional ejecutado");
    public static readonly LocalizedText CoverageUnits = new("Cobertura (unidades)", "Coverage (units)");
    public static readonly LocalizedText Rules = new("Reglas", "Rules");

    public static LocalizedText NotApplicableToAll(int count) => new($"no aplica ({count} de {count})", $"not applicable ({count} of {count})");

    public static readonly LocalizedText NothingProgrammed = new("nada programado en el año", "nothing programmed for the year");

    public static LocalizedText UnitsOf(int reporting, int expected) => new($"{reporting} de {expected} unidades", $"{reporting} of {expected} units");

    public static LocalizedText NotApplicable(int count) => new($"; {count} no aplica", $"; {count} not applicable");

    public static LocalizedText AxisCoverage(int activities, int planned, int units, int expected) => new(
        $"{activities} de {planned} actividades programadas con datos; {units} de {expected} unidades",
        $"{activities} of {planned} programmed activities with data; {units} of {expected} units");

    public static LocalizedText ChangePoints(LocalizedText points, int units) => new($"{points.Es} puntos ({units} unid.)", $"{points.En} points ({units} units)");
}
