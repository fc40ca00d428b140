using System.Text;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>
/// The rules behind every regional figure, in one place: the workbook's <i>Resumen</i> prints <see cref="Lines"/>, the
/// digest prints <see cref="Summary"/>, and docs/regional-progress.md carries <see cref="Markdown"/> between its
/// <see cref="DocsStart"/> and <see cref="DocsEnd"/> markers (a test fails when the document says anything else).
/// <see cref="RegionalProgressCalculator"/> implements them.
/// </summary>
public static class RegionalProgressRules
{
    public const string DocsStart = "<!-- rules:start (generated from Core/Reports/Regional/RegionalProgressRules.cs) -->";
    public const string DocsEnd = "<!-- rules:end -->";

    public static IReadOnlyList<LocalizedText> Lines { get; } =
    [
        new("Ejecutado: la parte de la actividad realizada en el año, en la misma escala que programado. Ejemplo: la actividad 1.2 está programada 10 % en 2020 y 90 % en 2021; un ejecutado de 90 en 2021 significa que la parte del año está hecha, y 45 que va por la mitad. Es acumulado del año a la fecha, no solo del trimestre.",
            "Ejecutado: the share of the activity done in the year, on the same scale as programado. Example: activity 1.2 is programmed 10 % in 2020 and 90 % in 2021; an ejecutado of 90 in 2021 means the year's part is done, and 45 that it is half done. It is year to date, not just the quarter."),
        new("Ejecutado regional de una actividad = promedio del ejecutado de las unidades que informaron un número. Cobertura «k de n»: k unidades entran en el promedio, de n esperadas: las que la informan según su responsable (países, Secretaría Técnica o ambos), menos las que marcaron «no aplica». Sin ningún número se muestra «sin informe», nunca 0 («no programada» si no tiene programado para el año); si todas marcaron «no aplica», «no aplica (n de n)».",
            "Regional ejecutado of an activity = mean ejecutado of the units that reported a number. Coverage \"k of n\": k units enter the mean, out of n expected: the units that report it by its responsable (countries, the Technical Secretariat or both), less those that marked it \"not applicable\". With no number at all it reads \"no report\", never 0 (\"not programmed\" when it has no programado for the year); when every unit marked it \"not applicable\", \"not applicable (n of n)\"."),
        new("Cota inferior (actividades con programado > 0 para el año): el mismo promedio sobre las n unidades esperadas, contando como ejecutado 0 a cada una que no dio número (sin planilla aceptada, o la celda en blanco). Se muestra junto a la cifra siempre que falta algún valor, para que un cuadro parcial no se lea como completo.",
            "Lower bound (activities with a programado > 0 for the year): the same mean over the n expected units, counting each one that gave no number (no accepted sheet, or the cell left blank) as ejecutado 0. It is shown beside the figure whenever a value is missing, so that a partial picture is not read as complete."),
        new("Eje y total: sobre las actividades programadas (programado > 0 para el año y aplicables a alguna unidad). Ejecución = promedio del ejecutado regional ÷ promedio del programado × 100, sobre las que tienen valor («m de M actividades programadas con datos»; unidades que dieron algún número de las esperadas). Su cota inferior usa las M actividades, cada una con su cota inferior (0 si nadie informó).",
            "Axis and overall: over the programmed activities (programado > 0 for the year and applicable to some unit). Execution = mean regional ejecutado ÷ mean programado × 100, over those with a value (\"m of M programmed activities with data\"; units that gave any number of those expected). Its lower bound takes all M activities, each at its lower bound (0 when nobody reported)."),
        new("La ejecución compara el avance del año a la fecha con lo programado para todo el año: al cierre del 3.er trimestre han transcurrido 3 de 4 trimestres, de modo que una ejecución de 75 % va al ritmo previsto si el trabajo se reparte por igual en el año.",
            "Execution compares the year's progress to date with what is programmed for the whole year: at the end of the 3rd quarter, 3 of 4 quarters have passed, so an execution of 75 % is on pace if the work is spread evenly over the year."),
        new("Cambio: promedio de (ejecutado de este trimestre − ejecutado del trimestre anterior del mismo año) de las unidades que informaron la actividad en ambos trimestres, con cuántas son; vacío si ninguna, y en el primer trimestre (el ejecutado se reinicia cada año). Así, quién informó no pasa por avance.",
            "Change: mean of (this quarter's ejecutado − the previous quarter's of the same year) over the units that reported the activity in both quarters, with how many they are; empty when none did, and in the first quarter (ejecutado restarts each year). So who reported does not pass for progress."),
        new("Unidades: informó la unidad que tiene una planilla aceptada vigente; nada de las demás entra en las cifras. Actividades informadas por una unidad «k de n»: n = las de su parte programadas para el año, menos las que marcó «no aplica»; k = las que tienen un número.",
            "Units: a unit reported when it has a current accepted sheet; nothing of the others enters the figures. Activities a unit reported \"k of n\": n = those of its part programmed for the year, less those it marked \"not applicable\"; k = those with a number."),
        new("Actividades más atrasadas: las de programado > 0 con ejecutado regional por debajo de él, ordenadas por ejecutado regional ÷ programado (la menor primero); los empates se ordenan por código y se indican.",
            "Activities furthest behind: those with programado > 0 and a regional ejecutado below it, ordered by regional ejecutado ÷ programado (lowest first); ties are ordered by code and marked."),
        new("Puntualidad: a tiempo si la primera planilla aceptada se subió a más tardar el último día para enviar (fin del trimestre + días de plazo); tarde si después; «solo rechazadas» si hubo envíos pero ninguno fue aceptado; falta si no hubo envíos.",
            "Timeliness: on time when the first accepted sheet was uploaded by the last day to send (quarter end + deadline days); late when after; \"rejected only\" when there were uploads but none was accepted; missing when there were none."),
        new("Los valores se guardan con precisión completa; se muestran con un decimal. La hoja «Datos» tiene una fila por unidad esperada y actividad de cada trimestre con datos, incluidas las unidades que no informaron: todas las cifras se recalculan desde ella.",
            "Values are kept at full precision and displayed with one decimal. The \"Datos\" sheet has a row for every expected unit and activity of each quarter with data, the units that did not report included: every figure can be recomputed from it."),
    ];

    /// <summary>The rules in one paragraph, for the digest.</summary>
    public static LocalizedText Summary { get; } = new(
        "Reglas: el ejecutado es la parte de la actividad hecha en el año, en la escala de programado. El ejecutado regional de una actividad es el promedio de las unidades que informaron un número («no aplica» no cuenta ni en el promedio ni entre las esperadas); la cota inferior cuenta como 0 cada valor que falta; la ejecución es ejecutado medio ÷ programado medio × 100 sobre las actividades programadas con datos; el cambio compara solo las unidades que informaron en ambos trimestres. Todas las reglas están en la hoja «Resumen» del libro consolidado.",
        "Rules: ejecutado is the share of the activity done in the year, on programado's scale. An activity's regional ejecutado is the mean of the units that reported a number (\"not applicable\" counts neither in the mean nor among those expected); the lower bound counts each missing value as 0; execution is mean ejecutado ÷ mean programado × 100 over the programmed activities with data; the change compares only the units that reported in both quarters. Every rule is in the workbook's \"Resumen\" sheet.");

    /// <summary>The rules as docs/regional-progress.md carries them: each rule in Spanish, then in English.</summary>
    public static string Markdown()
    {
        var md = new StringBuilder();
        var n = 0;
        foreach (var line in Lines)
        {
            md.Append(++n).Append(". ").AppendLine(line.Es)
                .Append("   *").Append(line.En).AppendLine("*");
        }

        return md.ToString();
    }
}
