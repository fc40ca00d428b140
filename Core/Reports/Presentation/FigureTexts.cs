using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Presentation;

/// <summary>The words of the components shared by the pages and the mails (<c>FigureWithCoverage</c>).</summary>
public static class FigureTexts
{
    public static readonly LocalizedText Execution = new("Ejecución", "Execution");
    public static readonly LocalizedText LowerBound = new("cota inferior", "lower bound");

    /// <summary>"7 de 9 unidades; faltan Nicaragua y Panamá" / "9 de 9 unidades".</summary>
    /// <param name="missing">The missing units' names as a list ("Nicaragua y Panamá"); empty when none is missing.</param>
    public static LocalizedText Coverage(int reported, int expected, LocalizedText missing) => missing.Es.Length == 0
        ? new($"{reported} de {expected} unidades", $"{reported} of {expected} units")
        : new($"{reported} de {expected} unidades; {(expected - reported == 1 ? "falta" : "faltan")} {missing.Es}",
            $"{reported} of {expected} units; missing: {missing.En}");
}
