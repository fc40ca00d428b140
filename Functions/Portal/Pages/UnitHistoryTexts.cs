using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of a unit's own history on its quarters page.</summary>
public static class UnitHistoryTexts
{
    public static readonly LocalizedText Heading = new("Su historia", "Your history");
    public static readonly LocalizedText Caption = new("Ejecución y puntualidad de su unidad por trimestre", "Your unit's execution and timeliness by quarter");
    public static readonly LocalizedText Quarter = new("Trimestre", "Quarter");
    public static readonly LocalizedText Execution = new("Ejecución", "Execution");
    public static readonly LocalizedText LowerBound = new("Cota inferior", "Lower bound");
    public static readonly LocalizedText WithANumber = new("Actividades con número", "Activities with a number");
    public static readonly LocalizedText Sheet = new("Envío", "Sheet");

    public static LocalizedText Lead(string planId) => new(
        $"Ejecución de su unidad sobre su parte del plan {planId}, con las mismas reglas que el avance regional, y cómo llegó cada planilla.",
        $"Your unit's execution over its part of the {planId} plan, by the same rules as regional progress, and how each sheet arrived.");

    /// <summary>The subject of the chart's reading: "La ejecución de Guatemala".</summary>
    public static LocalizedText ExecutionOf(LocalizedText unit) => new($"La ejecución de {unit.Es}", $"{unit.En}'s execution");

    public static LocalizedText ChartTitle(LocalizedText unit) => new($"Ejecución de {unit.Es} por trimestre", $"{unit.En}'s execution by quarter");

    public static LocalizedText Reported(int reported, int expected) => new($"{reported} de {expected}", $"{reported} of {expected}");
}
