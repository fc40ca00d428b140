using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>Every word of the filled plan matrix, in Spanish and English (one language per file, as the templates).</summary>
public static class FilledPlanMatrixTexts
{
    public static string SheetName(Language l) => l == Language.En ? "Matrix" : "Matriz";

    public static string Title(PlanCatalog plan, Language l) =>
        T(l, $"{plan.Title.Es}: programado y ejecutado por año", $"{plan.Title.En}: programmed and executed by year");

    public static string Explanation(FilledPlanMatrix m, Language l)
    {
        var at = m.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return T(l,
            "Programado: lo que el plan programa para el año. Ejecutado: el ejecutado regional del último trimestre informado del año " +
            "(el ejecutado es acumulado del año; promedio de las unidades que informaron un número, en la escala de programado), " +
            "seguido de «(k de n)»: k unidades dieron un número de las n esperadas. Son las cifras del avance regional de ese trimestre. " +
            $"Datos al {at} UTC, hasta el {m.Through}. Los años «en curso» (fondo gris, cursiva) aún no están completos: su cifra es la del año hasta la fecha.",
            "Programado: what the plan programs for the year. Ejecutado: the regional ejecutado of the year's last reported quarter " +
            "(ejecutado is year to date; the mean of the units that reported a number, on programado's scale), " +
            "followed by \"(k of n)\": k units gave a number out of the n expected. They are that quarter's regional progress figures. " +
            $"Data as of {at} UTC, up to {m.Through}. Years \"in progress\" (grey, italic) are not complete yet: their figure is the year so far.");
    }

    public static string Code(Language l) => T(l, "Código", "Code");
    public static string Operational(Language l) => T(l, "Objetivo operativo", "Operational objective");
    public static string Activity(Language l) => T(l, "Actividad", "Activity");
    public static string Meta(Language l) => T(l, "Meta", "Target (meta)");
    public static string Indicador(Language l) => T(l, "Indicador", "Indicator (indicador)");
    public static string Responsable(Language l) => T(l, "Responsable", "Responsible (responsable)");
    public static string Programado(Language l) => T(l, "Programado", "Programmed");
    public static string Ejecutado(Language l) => T(l, "Ejecutado", "Executed");

    /// <summary>"Año 2021 (al 2021-Q4)", "Año 2022: en curso (al 2022-Q2)", "Año 2022: sin informes".</summary>
    public static string Year(PlanMatrixYear y, Language l) => y.Basis switch
    {
        null => T(l, $"Año {y.Year}: sin informes", $"Year {y.Year}: no reports"),
        { } q when y.IsComplete => T(l, $"Año {y.Year} (al {q.Period})", $"Year {y.Year} (to {q.Period})"),
        { } q => T(l, $"Año {y.Year}: en curso (al {q.Period})", $"Year {y.Year}: in progress (to {q.Period})"),
    };

    public static string Axis(Axis axis, Language l) => T(l, $"Eje {axis.Code}: {axis.Name.Es}", $"Axis {axis.Code}: {axis.Name.En}");

    public static string Strategic(StrategicObjective s, Language l) =>
        $"{T(l, "Objetivo estratégico", "Strategic objective")} {s.Label} {s.TextIn(l)}".Trim();

    /// <summary>The number format of an ejecutado cell: the value, then its coverage as literal text ("57.0 % (7 de 9)").</summary>
    public static string CoverageFormat(int reporting, int expected, Language l) =>
        string.Create(CultureInfo.InvariantCulture, $"0.0\" % ({reporting} {T(l, "de", "of")} {expected})\"");

    public static string NoReport(int expected, Language l) => T(l, $"sin informe (0 de {expected})", $"no report (0 of {expected})");

    public static string NotApplicable(int units, Language l) => T(l, $"no aplica ({units} de {units})", $"not applicable ({units} of {units})");

    private static string T(Language l, string es, string en) => l == Language.En ? en : es;
}
