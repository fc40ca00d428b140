using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// What the trend adds to the progress rules (docs/regional-progress.md, "Over time"): every point is a quarter's own
/// figure under those rules; these only say which quarters are read with care, what "stalled" and "mover" mean.
/// </summary>
public static class TrendRules
{
    /// <summary>Quarters in a row without movement for an activity to be listed as stalled.</summary>
    public const int StalledQuarters = 2;

    /// <summary>How many of the last quarter's movers are listed.</summary>
    public const int MoversCount = 10;

    /// <summary>A like-for-like change smaller than this (in points) is no movement: values are typed with at most a few decimals.</summary>
    public const double NoMovement = 1e-9;

    /// <summary>
    /// Low coverage: fewer than three in four of the expected units gave a number. Such a quarter's figure is over few
    /// reporters; charts draw it hollow and shaded, with its lower bound, so a fall in coverage is not read as a fall
    /// in progress.
    /// </summary>
    public static bool IsLowCoverage(ProgressFigures figures) =>
        figures.UnitsExpected > 0 && figures.UnitsReporting * 4 < figures.UnitsExpected * 3;

    /// <summary>The change counts as movement (either way).</summary>
    public static bool Moved(ActivityChange change) => Math.Abs(change.Points) >= NoMovement;

    public static LocalizedText Summary { get; } = new(
        "Cada punto es la cifra de su trimestre con las reglas del avance regional (ejecución, cota inferior, cobertura). " +
        "El ejecutado es del año a la fecha: se reinicia cada año, y la ejecución de un 1.er trimestre no se compara con la del 4.º trimestre anterior. " +
        "Un trimestre con cobertura baja (menos de 3 de cada 4 unidades esperadas dieron algún número) se dibuja hueco y sombreado, con su cota inferior: " +
        "una caída de la cobertura no es una caída del avance. " +
        $"Actividad estancada: {StalledQuarters} o más trimestres seguidos, hasta el último, con cambio comparable de 0 puntos y por debajo de lo programado. " +
        "Mayores cambios: los cambios comparables del último trimestre de mayor tamaño, en uno u otro sentido.",
        "Each point is its quarter's figure under the regional progress rules (execution, lower bound, coverage). " +
        "Ejecutado is year to date: it restarts each year, and a 1st quarter's execution is not compared with the 4th quarter before it. " +
        "A quarter with low coverage (fewer than 3 in 4 expected units gave any number) is drawn hollow and shaded, with its lower bound: " +
        "a fall in coverage is not a fall in progress. " +
        $"Stalled activity: {StalledQuarters} or more quarters in a row, up to the last, with a like-for-like change of 0 points and below its programado. " +
        "Biggest movers: the last quarter's largest like-for-like changes, either way.");
}
