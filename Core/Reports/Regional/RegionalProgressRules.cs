using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// The rules behind every regional figure, as printed in the workbook's summary sheet. Keep in step with
/// <c>docs/regional-progress.md</c> and <see cref="RegionalProgressCalculator"/>.
/// </summary>
public static class RegionalProgressRules
{
    public static IReadOnlyList<LocalizedText> Lines { get; } =
    [
        new("Ejecutado regional de una actividad = promedio aritmético del ejecutado (0–100, acumulado del año) de las unidades que informaron un número; las marcadas «no aplica» y las que no enviaron no entran en el promedio.",
            "Regional ejecutado of an activity = arithmetic mean of the ejecutado (0–100, year to date) of the units that reported a number; units marking it \"not applicable\" and units that sent nothing are left out."),
        new("Cobertura «k de n»: k unidades entran en el promedio, de n unidades que deben informar la actividad (países, Secretaría Técnica o ambos, según su responsable).",
            "Coverage \"k of n\": k units enter the mean, out of n units expected to report the activity (countries, the Technical Secretariat or both, by its responsable)."),
        new("Eje y total: sobre las actividades con programado > 0 para el año que tienen valor regional: promedio del ejecutado regional, promedio del programado, y ejecución = promedio ejecutado ÷ promedio programado × 100. Cobertura: «m de M actividades planificadas informadas».",
            "Axis and overall: over the activities with a programado > 0 for the year that have a regional value: mean regional ejecutado, mean programado, and execution = mean ejecutado ÷ mean programado × 100. Coverage: \"m of M planned activities reported\"."),
        new("Puntualidad: a tiempo si la primera planilla aceptada se subió antes del plazo (fin del trimestre + días de plazo); tarde si después; «solo rechazadas» si hubo envíos pero ninguno fue aceptado; falta si no hubo envíos.",
            "Timeliness: on time when the first accepted sheet was uploaded before the deadline (quarter end + deadline days); late when after; \"rejected only\" when there were uploads but none was accepted; missing when there were none."),
        new("Cambio: diferencia del ejecutado regional con el trimestre anterior del mismo año; vacío en el primer trimestre, porque el ejecutado es acumulado del año.",
            "Change: difference of the regional ejecutado from the previous quarter of the same year; empty in the first quarter, because ejecutado is year to date."),
        new("Los valores se guardan con precisión completa; se muestran con un decimal.",
            "Values are kept at full precision and displayed with one decimal."),
    ];
}
