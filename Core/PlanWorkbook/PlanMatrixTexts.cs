using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.PlanWorkbook;

/// <summary>Every word of the plan workbook besides the headers (<see cref="MatrixHeaders"/>) and field labels (<see cref="PlanFields"/>).</summary>
public static class PlanMatrixTexts
{
    public static readonly LocalizedText Hint = new(
        "Una fila por actividad. Los datos del plan (código, título, años) y las instrucciones están en la hoja «Instrucciones».",
        "One row per activity. The plan's own data (id, title, years) and the instructions are on the \"Instrucciones\" sheet.");

    public static readonly LocalizedText InstructionsTitle = new("Matriz del plan operativo: instrucciones", "Operational plan matrix: instructions");
    public static readonly LocalizedText PlanSection = new("Datos del plan", "The plan");
    public static readonly LocalizedText Yes = new("sí", "yes");
    public static readonly LocalizedText No = new("no", "no");

    public static readonly LocalizedText PercentErrorTitle = new("Porcentaje no válido", "Invalid percentage");
    public static readonly LocalizedText PercentError = new(
        "Escriba un número de 0 a 100 (50 para 50 %) o deje la celda en blanco.", "Type a number from 0 to 100 (50 for 50 %) or leave the cell blank.");
    public static readonly LocalizedText ListErrorTitle = new("Valor no válido", "Invalid value");
    public static readonly LocalizedText LevelError = new(
        "Elija nacional, regional o ambos.", "Pick national, regional or both (nacional, regional, ambos).");
    public static readonly LocalizedText CountError = new("Elija sí o no.", "Pick yes (sí) or no.");
    public static readonly LocalizedText YearErrorTitle = new("Año no válido", "Invalid year");
    public static readonly LocalizedText YearError = new("Escriba un año entre 2000 y 2100.", "Type a year between 2000 and 2100.");
    public static readonly LocalizedText TextErrorTitle = new("Texto demasiado largo", "Text too long");
    public static readonly LocalizedText TextError = new("Máximo {0} caracteres.", "At most {0} characters.");

    /// <summary>The instructions: (heading, paragraphs) in order, for one language.</summary>
    public static IReadOnlyList<(string Heading, IReadOnlyList<string> Paragraphs)> Instructions(Language language) => language == Language.En
        ? [
            ("What this workbook is", [
                "The operational plan matrix as ServerlessPlan uses it. The \"Matriz\" sheet has one row per activity; the block above on this sheet holds the plan's own data.",
            ]),
            ("The plan's data", [
                "To the right of each label above: the plan id (e.g. 2023-2025: letters, digits and hyphens; when it is two years, they must be the plan's years), its title in Spanish and in English, and the first and last year it covers (at most 10 years). The years of two plans in force may not overlap.",
            ]),
            ("Editing the matrix", [
                "One row per activity. The activity code has four numbers separated by dots, e.g. 1.2.1.3: the first is the axis, the first two the strategic objective, the first three the operational objective. Never change the code of an activity that already has reports: add a new activity with a new code instead.",
                "The axis and objectives are repeated on every row of their activities, so rows can be sorted, filtered or deleted. To change one, change it on all its rows (Find and Replace), or leave it only on the first row and blank on the others: repeated texts must be identical. \"Printed number\" is the number as the plan document prints it (it may stay blank).",
                "Activity, Target (meta), Indicator (indicador) and Responsible (responsable) are required in Spanish and in English (the \"(English)\" columns: Belize receives its sheets in English).",
                "Reporting level: nacional (each country reports it), regional (the Technical Secretariat reports it for the region) or ambos (both). Is the indicator a count: sí (yes) when it counts something, so the quarterly sheets ask for the quantity.",
                "Programado YYYY: the share of the activity programmed for that year, 0 to 100 (50 means 50 %); blank when nothing is programmed, which is not the same as 0. Ejecutado YYYY: the ejecutado the plan records for that year, on the same scale; usually blank in a new plan.",
                "To add an activity, insert a row; to remove one, delete its row. To change the plan's years, unprotect the sheet (Review › Unprotect Sheet; there is no password) and change the year in the Programado and Ejecutado headers, adding or removing columns.",
            ]),
            ("Checking and publishing it", [
                "serverlessplan plan import FILE.xlsx lists every problem by sheet and cell without publishing anything (exit code 1 when there are errors).",
                "serverlessplan plan publish FILE.xlsx stores it as a plan in force; a published plan is only replaced with --replace, and the previous version is kept. Details: docs/plan-catalog.md.",
            ]),
        ]
        : [
            ("Qué es este libro", [
                "La matriz del plan operativo tal como la usa ServerlessPlan. La hoja «Matriz» tiene una fila por actividad; el bloque de arriba, en esta hoja, tiene los datos del plan.",
            ]),
            ("Datos del plan", [
                "A la derecha de cada etiqueta de arriba: el código del plan (p. ej. 2023-2025: letras, dígitos y guiones; si son dos años, deben ser los del plan), su título en español y en inglés, y el primer y el último año que cubre (como máximo 10 años). Los años de dos planes en vigor no pueden superponerse.",
            ]),
            ("Cómo editar la matriz", [
                "Una fila por actividad. El código de la actividad tiene cuatro números separados por puntos, p. ej. 1.2.1.3: el primero es el eje, los dos primeros el objetivo estratégico y los tres primeros el objetivo operativo. Nunca cambie el código de una actividad que ya tiene informes: agregue una actividad nueva con otro código.",
                "El eje y los objetivos se repiten en cada fila de sus actividades, para poder ordenar, filtrar o eliminar filas. Para cambiar uno, cámbielo en todas sus filas (Buscar y reemplazar), o déjelo solo en la primera fila y en blanco en las demás: los textos repetidos deben ser iguales. «Número impreso» es el número tal como figura en el documento del plan (puede quedar en blanco).",
                "Actividad, Meta, Indicador y Responsable son obligatorios en español y en inglés (las columnas «(inglés)»: Belice recibe sus planillas en inglés).",
                "Nivel de reporte: nacional (lo informa cada país), regional (lo informa la Secretaría Técnica para la región) o ambos. ¿El indicador cuenta?: sí cuando el indicador cuenta algo, y las planillas trimestrales pedirán la cantidad.",
                "Programado AAAA: el porcentaje de la actividad programado para ese año, de 0 a 100 (50 significa 50 %); en blanco si no hay nada programado, que no es lo mismo que 0. Ejecutado AAAA: el ejecutado que el plan registra para ese año, en la misma escala; normalmente en blanco en un plan nuevo.",
                "Para agregar una actividad, inserte una fila; para quitarla, elimine su fila. Para cambiar los años del plan, desproteja la hoja (Revisar › Desproteger hoja; no tiene contraseña) y cambie el año de los encabezados Programado y Ejecutado, agregando o quitando columnas.",
            ]),
            ("Cómo comprobarlo y publicarlo", [
                "serverlessplan plan import ARCHIVO.xlsx lista cada problema por hoja y celda, sin publicar nada (código de salida 1 si hay errores).",
                "serverlessplan plan publish ARCHIVO.xlsx lo guarda como plan en vigor; un plan ya publicado solo se reemplaza con --replace y la versión anterior se conserva. Detalles: docs/plan-catalog.md.",
            ]),
        ];
}
