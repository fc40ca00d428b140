using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>The words of the digest's HTML part (<c>DigestMail</c>); its text part (<see cref="DigestText"/>) says the same.</summary>
public static class DigestTexts
{
    public static readonly LocalizedText Title = new("Resumen del plan regional ", "Regional plan digest ");
    public static readonly LocalizedText Heading = new("Resumen del plan regional — ", "Regional plan digest — ");
    public static readonly LocalizedText WhoReported = new("Quién informó", "Who reported");
    public static readonly LocalizedText HeadlineFigures = new("Cifras principales", "Headline figures");
    public static readonly LocalizedText ByAxis = new("Avance por eje", "Progress by axis");
    public static readonly LocalizedText Axis = new("Eje", "Axis");
    public static readonly LocalizedText Execution = new("Ejecución", "Execution");
    public static readonly LocalizedText LowerBound = new("Cota inferior", "Lower bound");
    public static readonly LocalizedText Coverage = new("Cobertura", "Coverage");
    public static readonly LocalizedText MostBehind = new("Actividades más atrasadas (ejecutado regional ÷ programado)", "Activities furthest behind (regional ejecutado ÷ programado)");
    public static readonly LocalizedText NoneBehind = new("Ninguna actividad con datos está por debajo de lo programado.", "No activity with data is below its programado.");
    public static readonly LocalizedText Activity = new("Actividad", "Activity");
    public static readonly LocalizedText RelativeProgress = new("Avance relativo", "Relative progress");
    public static readonly LocalizedText Change = new("Cambio comparable", "Like-for-like change");
    public static readonly LocalizedText Changes = new("Cambios desde el último resumen", "Changes since the last digest");
    public static readonly LocalizedText ReportingRate = new("Tasa de informe", "Reporting rate");
    public static readonly LocalizedText LowCoverageNote = new(
        "Barra gris: cobertura baja (menos de 3 de cada 4 unidades con datos); una caída de la cobertura no es una caída del avance.",
        "Grey bar: low coverage (fewer than 3 in 4 units with data); a fall in coverage is not a fall in progress.");

    /// <summary>"5 de 5 actividades; 7 de 8 unidades; ejecutado 40,0 % / programado 77,0 %".</summary>
    public static LocalizedText AxisCoverage(int activities, int planned, int units, int expected, string ejecutado, string programado) => new(
        $"{activities} de {planned} actividades; {units} de {expected} unidades; ejecutado {ejecutado} / programado {programado}",
        $"{activities} of {planned} activities; {units} of {expected} units; ejecutado {ejecutado} / programado {programado}");

    /// <summary>"6 de 8 unidades; cota inferior 30,4 %" (the bound only when something is missing).</summary>
    public static LocalizedText ActivityCoverage(int reporting, int expected, string? lowerBound) => lowerBound is null
        ? new($"{reporting} de {expected} unidades", $"{reporting} of {expected} units")
        : new($"{reporting} de {expected} unidades; cota inferior {lowerBound}", $"{reporting} of {expected} units; lower bound {lowerBound}");

    public static LocalizedText PlannedWithoutData(int count) => new(
        $"{Counted.Of(count, "actividad programada", "actividades programadas")} sin ningún dato este trimestre.",
        $"{Counted.Of(count, "programmed activity", "programmed activities")} without any data this quarter.");
}
