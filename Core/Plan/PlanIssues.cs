using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Everything <c>serverlessplan plan import</c> and <c>plan publish</c> can tell the Secretaría Técnica about a plan,
/// Spanish first. Codes are stable (scripts read them from <c>--json</c>); each message says what to do first, then what was found.
/// Findings on a cell are created with <see cref="IssueLocation.At"/>, which prefixes the sheet, cell and activity.
/// </summary>
public static class PlanIssues
{
    /// <summary>{0}: the headers looked for; {1}: rows searched.</summary>
    public static readonly IssueType SheetNotFound = new("PLAN_SHEET_NOT_FOUND", IssueSeverity.Error,
        "Use el libro que genera «serverlessplan plan export» o escriba la fila de encabezados de la matriz sobre las actividades: ninguna hoja la tiene (se buscaron {0} en las primeras {1} filas de cada hoja).",
        "Use the workbook written by \"serverlessplan plan export\" or write the matrix's header row above the activities: no sheet has it (looked for {0} in the first {1} rows of each sheet).");

    /// <summary>{0}: the workbook could not be opened, why.</summary>
    public static readonly IssueType WorkbookUnreadable = new("PLAN_WORKBOOK_UNREADABLE", IssueSeverity.Error,
        "Abra el libro en Excel o LibreOffice, guárdelo como «Libro de Excel (.xlsx)» y vuelva a importarlo: no se pudo leer ({0}).",
        "Open the workbook in Excel or LibreOffice, save it as \"Excel Workbook (.xlsx)\" and import it again: it could not be read ({0}).");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType ColumnMissing = new("PLAN_COLUMN_MISSING", IssueSeverity.Error,
        "Agregue la columna {0} a la fila de encabezados: falta.",
        "Add column {0} to the header row: it is missing.");

    /// <summary>{0}: the column's headers; {1}: the other cell.</summary>
    public static readonly IssueType ColumnDuplicate = new("PLAN_COLUMN_DUPLICATE", IssueSeverity.Error,
        "Deje una sola columna {0}: ya está en la celda {1}.",
        "Keep only one column {0}: it is already in cell {1}.");

    /// <summary>{0}: the header as written.</summary>
    public static readonly IssueType ColumnIgnored = new("PLAN_COLUMN_IGNORED", IssueSeverity.Warning,
        "Si el encabezado «{0}» debía ser una columna de la matriz, corríjalo (vea la hoja «Instrucciones»): tal como está, la columna no se lee.",
        "If header \"{0}\" should be a column of the matrix, correct it (see the \"Instrucciones\" sheet): as it is, the column is not read.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType YearColumnMissing = new("PLAN_YEAR_COLUMN_MISSING", IssueSeverity.Error,
        "Agregue la columna {0}, en blanco donde no haya nada programado: cada año del plan necesita su columna de programado.",
        "Add column {0}, blank where nothing is programmed: every year of the plan needs its programado column.");

    /// <summary>{0}: the column's year; {1}, {2}: the plan's years.</summary>
    public static readonly IssueType YearOutsidePlan = new("PLAN_YEAR_OUTSIDE_PLAN", IssueSeverity.Error,
        "Corrija el año del encabezado o los años del plan: la columna es del año {0}, fuera de los años del plan ({1}–{2}).",
        "Correct the year in the header or the plan's years: the column is for {0}, outside the plan's years ({1}–{2}).");

    /// <summary>{0}: the last row read.</summary>
    public static readonly IssueType TooManyRows = new("PLAN_TOO_MANY_ROWS", IssueSeverity.Error,
        "Quite lo que sobra debajo de las actividades: la hoja tiene datos debajo de la fila {0}, la última que se lee, y una matriz necesita muchas menos filas.",
        "Remove what is below the activities: the sheet has data below row {0}, the last one read, and a matrix needs far fewer rows.");

    /// <summary>{0}: the limit.</summary>
    public static readonly IssueType TooManyActivities = new("PLAN_TOO_MANY_ACTIVITIES", IssueSeverity.Error,
        "Deje como máximo {0} actividades en la matriz, el máximo de un plan: tiene más.",
        "Keep at most {0} activities in the matrix, the most a plan may have: it has more.");

    /// <summary>{0}: how many more were found.</summary>
    public static readonly IssueType TooManyProblems = new("PLAN_TOO_MANY_PROBLEMS", IssueSeverity.Error,
        "Corrija lo indicado arriba y vuelva a importar para ver lo que quede: hay {0} problemas más que no se listan.",
        "Fix what is listed above and import again to see what remains: there are {0} more problems, not listed.");

    /// <summary>{0}: the field's labels.</summary>
    public static readonly IssueType PlanFieldMissing = new("PLAN_FIELD_MISSING", IssueSeverity.Error,
        "Escriba el dato del plan {0} en la hoja «Instrucciones», en la celda a la derecha de su etiqueta: falta.",
        "Write the plan's {0} on the \"Instrucciones\" sheet, in the cell to the right of its label: it is missing.");

    /// <summary>{0}: the field's labels; {1}: the other value; {2}: its cell; {3}: this value.</summary>
    public static readonly IssueType PlanFieldConflict = new("PLAN_FIELD_CONFLICT", IssueSeverity.Error,
        "Deje un solo valor para el dato del plan {0}: aparece dos veces con valores distintos, «{1}» en {2} y «{3}» aquí.",
        "Keep a single value for the plan's {0}: it is given twice with different values, \"{1}\" in {2} and \"{3}\" here.");

    /// <summary>{0}: the id as written.</summary>
    public static readonly IssueType IdMalformed = new("PLAN_ID_MALFORMED", IssueSeverity.Error,
        "Escriba el código del plan con 1 a 40 letras sin tilde, dígitos, '-' o '_', empezando por una letra o un dígito (por ejemplo 2023-2025): «{0}» no es válido.",
        "Write the plan id with 1 to 40 unaccented letters, digits, '-' or '_', starting with a letter or a digit (for example 2023-2025): \"{0}\" is not valid.");

    /// <summary>{0}: the field's labels; {1}: the value; {2}, {3}: the bounds.</summary>
    public static readonly IssueType YearInvalid = new("PLAN_YEAR_INVALID", IssueSeverity.Error,
        "Escriba en {0} un año entre {2} y {3}: se encontró «{1}».",
        "Write a year between {2} and {3} in {0}: found \"{1}\".");

    /// <summary>{0}: first year; {1}: last year; {2}: most years a plan covers.</summary>
    public static readonly IssueType YearsInconsistent = new("PLAN_YEARS_INCONSISTENT", IssueSeverity.Error,
        "Corrija los años del plan, del {0} al {1}: el primer año no puede ser posterior al último, y un plan cubre como máximo {2} años.",
        "Correct the plan's years, {0} to {1}: the first year cannot be after the last, and a plan covers at most {2} years.");

    /// <summary>{0}: the id; {1}, {2}: the plan's years.</summary>
    public static readonly IssueType IdContradictsYears = new("PLAN_ID_YEARS_MISMATCH", IssueSeverity.Error,
        "Corrija el código del plan o sus años: «{0}» nombra otros años que los del plan ({1}–{2}).",
        "Correct the plan id or its years: \"{0}\" names other years than the plan's ({1}–{2}).");

    /// <summary>{0}: the activity-code column's headers.</summary>
    public static readonly IssueType CodeMissing = new("PLAN_CODE_MISSING", IssueSeverity.Error,
        "Escriba el código de actividad de la fila (columna {0}), por ejemplo 1.1.1.2, o vacíe la fila: tiene datos pero no código.",
        "Write the row's activity code (column {0}), for example 1.1.1.2, or empty the row: it has data but no code.");

    /// <summary>{0}: the code as written; {1}: what it should look like.</summary>
    public static readonly IssueType CodeMalformed = new("PLAN_CODE_MALFORMED", IssueSeverity.Error,
        "Escriba el código como {1}, como texto (con un apóstrofo delante si la hoja lo convierte en número): «{0}» no es válido.",
        "Write the code as {1}, as text (with an apostrophe in front if the sheet turns it into a number): \"{0}\" is not valid.");

    /// <summary>{0}: the code; {1}: the cell where it first appears.</summary>
    public static readonly IssueType CodeDuplicate = new("PLAN_CODE_DUPLICATE", IssueSeverity.Error,
        "Deje la actividad {0} en una sola fila, con un código propio: ya aparece en {1}.",
        "Keep activity {0} in one row only, with a code of its own: it already appears in {1}.");

    /// <summary>{0}: the parent code written; {1}: what it is (axis, objective); {2}: the activity; {3}: the code it should be.</summary>
    public static readonly IssueType ParentCodeMismatch = new("PLAN_PARENT_CODE_MISMATCH", IssueSeverity.Error,
        "Corrija el código {1} «{0}» o el de la actividad {2}: por su código, la actividad pertenece a {3}.",
        "Correct the {1} code \"{0}\" or the code of activity {2}: by its code, the activity belongs to {3}.");

    /// <summary>{0}: the parent (e.g. "objetivo operativo 1.1.1"); {1}: the column's headers; {2}: the cell that has the other text.</summary>
    public static readonly IssueType ParentTextConflict = new("PLAN_PARENT_TEXT_CONFLICT", IssueSeverity.Error,
        "Escriba el mismo texto del {0} en todas sus filas, o solo en la primera: la columna {1} ya tiene otro texto para él (celda {2}).",
        "Write the same text for the {0} on all its rows, or on the first one only: column {1} already has a different text for it (cell {2}).");

    /// <summary>{0}: the parent; {1}: the column's headers.</summary>
    public static readonly IssueType ParentTextMissing = new("PLAN_PARENT_TEXT_MISSING", IssueSeverity.Error,
        "Escriba el texto del {0} en la columna {1}, en la primera fila de sus actividades: no tiene.",
        "Write the text of the {0} in column {1}, on the first row of its activities: it has none.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType ActivityFieldMissing = new("PLAN_ACTIVITY_FIELD_MISSING", IssueSeverity.Error,
        "Complete la columna {0}: toda actividad necesita su actividad, meta, indicador y responsable.",
        "Fill in column {0}: every activity needs its activity text, meta, indicador and responsable.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType EnglishMissing = new("PLAN_ENGLISH_MISSING", IssueSeverity.Error,
        "Escriba el texto en inglés de la columna {0}: Belice recibe sus planillas en inglés.",
        "Write the English text of column {0}: Belize receives its sheets in English.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType EnglishSameAsSpanish = new("PLAN_ENGLISH_SAME_AS_SPANISH", IssueSeverity.Warning,
        "Traduzca al inglés el texto de la columna {0}, si falta: es igual al texto en español.",
        "Translate the text of column {0} into English if that is missing: it is the same as the Spanish one.");

    public static readonly IssueType LevelMissing = new("PLAN_LEVEL_MISSING", IssueSeverity.Error,
        "Escriba el nivel de reporte: nacional (lo informa cada país), regional (lo informa la Secretaría Técnica) o ambos.",
        "Write the reporting level: national (each country reports it), regional (the Technical Secretariat reports it) or both.");

    /// <summary>{0}: the value as written.</summary>
    public static readonly IssueType LevelUnknown = new("PLAN_LEVEL_UNKNOWN", IssueSeverity.Error,
        "Escriba como nivel de reporte nacional (lo informa cada país), regional (lo informa la Secretaría Técnica) o ambos: «{0}» no es válido.",
        "Write national (each country reports it), regional (the Technical Secretariat reports it) or both as the reporting level: \"{0}\" is not valid.");

    /// <summary>{0}: the value as written.</summary>
    public static readonly IssueType CountUnreadable = new("PLAN_COUNT_UNREADABLE", IssueSeverity.Error,
        "Escriba sí cuando el indicador cuenta algo (las planillas pedirán la cantidad) y no en otro caso: «{0}» no es sí ni no.",
        "Write yes when the indicator counts something (sheets will ask for the quantity) and no otherwise: \"{0}\" is neither yes nor no.");

    /// <summary>{0}: the column's headers; {1}: the value as written.</summary>
    public static readonly IssueType PercentNotANumber = new("PLAN_PERCENT_NOT_A_NUMBER", IssueSeverity.Error,
        "Escriba en la columna {0} solo el número, de 0 a 100 (50 para 50 %), o deje la celda en blanco: se encontró «{1}».",
        "Type the number alone in column {0}, from 0 to 100 (50 for 50 %), or leave the cell blank: found \"{1}\".");

    /// <summary>{0}: the column's headers; {1}: the value.</summary>
    public static readonly IssueType PercentOutOfRange = new("PLAN_PERCENT_OUT_OF_RANGE", IssueSeverity.Error,
        "Escriba en la columna {0} un porcentaje de 0 a 100: se encontró {1}.",
        "Type a percentage from 0 to 100 in column {0}: found {1}.");

    /// <summary>{0}: the column's headers; {1}: the value.</summary>
    public static readonly IssueType PercentLooksLikeFraction = new("PLAN_PERCENT_LOOKS_LIKE_FRACTION", IssueSeverity.Warning,
        "Si en la columna {0} quería decir otra cosa que {1} %, escriba los puntos porcentuales (50 para 50 %): {1} se lee como {1} %, no como {1} × 100.",
        "If you meant something other than {1} % in column {0}, type the percent points (50 for 50 %): {1} reads as {1} %, not {1} × 100.");

    /// <summary>{0}: the text's length; {1}: the limit.</summary>
    public static readonly IssueType TextTooLong = new("PLAN_TEXT_TOO_LONG", IssueSeverity.Error,
        "Acorte el texto a {1} caracteres como máximo: tiene {0}.",
        "Shorten the text to {1} characters at most: it has {0}.");

    /// <summary>{0}: the value used.</summary>
    public static readonly IssueType CellFormula = new("PLAN_CELL_FORMULA", IssueSeverity.Warning,
        "Escriba el valor en lugar de la fórmula, para que no dependa de otras celdas: se usa su valor guardado, «{0}», sin recalcularlo.",
        "Type the value instead of the formula, so it does not depend on other cells: its saved value, \"{0}\", is used without recalculating it.");

    /// <summary>{0}: the axis or objective.</summary>
    public static readonly IssueType ParentWithoutActivities = new("PLAN_PARENT_WITHOUT_ACTIVITIES", IssueSeverity.Error,
        "Agregue las actividades del {0} o quite su fila: no tiene ninguna.",
        "Add the activities of the {0} or remove its row: it has none.");

    public static readonly IssueType NoActivities = new("PLAN_NO_ACTIVITIES", IssueSeverity.Error,
        "Escriba las actividades debajo de la fila de encabezados: la matriz no tiene ninguna.",
        "Write the activities below the header row: the matrix has none.");

    /// <summary>{0}: the loader's own description (in English: it names fields of the plan file).</summary>
    public static readonly IssueType Invalid = new("PLAN_INVALID", IssueSeverity.Error,
        "Corrija el archivo del plan: {0}",
        "Correct the plan file: {0}");

    /// <summary>{0}: the plan id; {1}: when the published version was published; {2}: the flag.</summary>
    public static readonly IssueType AlreadyPublished = new("PLAN_ALREADY_PUBLISHED", IssueSeverity.Error,
        "Para publicar esta versión en lugar de la publicada, repita con {2} (la anterior se conserva): el plan {0} ya está publicado ({1}) con otro contenido.",
        "To publish this version in place of the published one, run again with {2} (the previous one is kept): plan {0} is already published ({1}) with other content.");

    /// <summary>{0}: this plan and its years; {1}: the other plan and its years; {2}: where the other comes from.</summary>
    public static readonly IssueType YearsOverlap = new("PLAN_YEARS_OVERLAP", IssueSeverity.Error,
        "Corrija los años de uno de los dos planes, porque cada año pertenece a un solo plan: los del plan {0} se superponen con los del plan {1} ({2}).",
        "Correct the years of one of the two plans, as each year belongs to one plan only: those of plan {0} overlap those of plan {1} ({2}).");
}
