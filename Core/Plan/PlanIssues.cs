using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Everything <c>serverlessplan plan import</c> and <c>plan publish</c> can tell the Secretaría Técnica about a plan,
/// Spanish first. Codes are stable (scripts read them from <c>--json</c>); each message says what to do.
/// Findings on a cell are created with <see cref="IssueLocation.At"/>, which prefixes the sheet, cell and activity.
/// </summary>
public static class PlanIssues
{
    /// <summary>{0}: the headers looked for; {1}: rows searched.</summary>
    public static readonly IssueType SheetNotFound = new("PLAN_SHEET_NOT_FOUND", IssueSeverity.Error,
        "Ninguna hoja del libro tiene la fila de encabezados de la matriz (se buscaron {0} en las primeras {1} filas de cada hoja). Use el libro que genera «serverlessplan plan export» o escriba esos encabezados sobre las actividades.",
        "No sheet of the workbook has the matrix's header row (looked for {0} in the first {1} rows of each sheet). Use the workbook written by \"serverlessplan plan export\" or write those headers above the activities.");

    /// <summary>{0}: the workbook could not be opened, why.</summary>
    public static readonly IssueType WorkbookUnreadable = new("PLAN_WORKBOOK_UNREADABLE", IssueSeverity.Error,
        "No se pudo leer el libro ({0}). Ábralo en Excel o LibreOffice, guárdelo como «Libro de Excel (.xlsx)» y vuelva a importarlo.",
        "The workbook could not be read ({0}). Open it in Excel or LibreOffice, save it as \"Excel Workbook (.xlsx)\" and import it again.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType ColumnMissing = new("PLAN_COLUMN_MISSING", IssueSeverity.Error,
        "Falta la columna {0} en la fila de encabezados.",
        "Column {0} is missing from the header row.");

    /// <summary>{0}: the column's headers; {1}: the other cell.</summary>
    public static readonly IssueType ColumnDuplicate = new("PLAN_COLUMN_DUPLICATE", IssueSeverity.Error,
        "La columna {0} ya está en la celda {1}: deje una sola.",
        "Column {0} is already in cell {1}: keep only one.");

    /// <summary>{0}: the header as written.</summary>
    public static readonly IssueType ColumnIgnored = new("PLAN_COLUMN_IGNORED", IssueSeverity.Warning,
        "El encabezado «{0}» no es una columna de la matriz y la columna no se lee. Si debía serlo, corrija el encabezado (vea la hoja «Instrucciones»).",
        "Header \"{0}\" is not a column of the matrix and the column is not read. If it should be one, correct the header (see the \"Instrucciones\" sheet).");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType YearColumnMissing = new("PLAN_YEAR_COLUMN_MISSING", IssueSeverity.Error,
        "Falta la columna {0}: cada año del plan necesita su columna de programado (déjela en blanco donde no haya nada programado).",
        "Column {0} is missing: every year of the plan needs its programado column (leave it blank where nothing is programmed).");

    /// <summary>{0}: the column's year; {1}, {2}: the plan's years.</summary>
    public static readonly IssueType YearOutsidePlan = new("PLAN_YEAR_OUTSIDE_PLAN", IssueSeverity.Error,
        "La columna es del año {0}, fuera de los años del plan ({1}–{2}). Corrija el año del encabezado o los años del plan.",
        "The column is for {0}, outside the plan's years ({1}–{2}). Correct the year in the header or the plan's years.");

    /// <summary>{0}: the last row read.</summary>
    public static readonly IssueType TooManyRows = new("PLAN_TOO_MANY_ROWS", IssueSeverity.Error,
        "La hoja tiene datos debajo de la fila {0}, la última que se lee. Una matriz no necesita tantas filas: quite lo que sobra debajo de las actividades.",
        "The sheet has data below row {0}, the last one read. A matrix needs far fewer rows: remove what is below the activities.");

    /// <summary>{0}: the limit.</summary>
    public static readonly IssueType TooManyActivities = new("PLAN_TOO_MANY_ACTIVITIES", IssueSeverity.Error,
        "La matriz tiene más de {0} actividades, el máximo de un plan.",
        "The matrix has more than {0} activities, the most a plan may have.");

    /// <summary>{0}: how many more were found.</summary>
    public static readonly IssueType TooManyProblems = new("PLAN_TOO_MANY_PROBLEMS", IssueSeverity.Error,
        "Hay {0} problemas más que no se listan: corrija los anteriores y vuelva a importar.",
        "There are {0} more problems not listed: fix the ones above and import again.");

    /// <summary>{0}: the field's labels.</summary>
    public static readonly IssueType PlanFieldMissing = new("PLAN_FIELD_MISSING", IssueSeverity.Error,
        "Falta el dato del plan {0}: escríbalo en la hoja «Instrucciones», en la celda a la derecha de su etiqueta.",
        "The plan's {0} is missing: write it on the \"Instrucciones\" sheet, in the cell to the right of its label.");

    /// <summary>{0}: the field's labels; {1}: the other value; {2}: its cell; {3}: this value.</summary>
    public static readonly IssueType PlanFieldConflict = new("PLAN_FIELD_CONFLICT", IssueSeverity.Error,
        "El dato del plan {0} aparece dos veces con valores distintos: «{1}» en {2} y «{3}» aquí. Deje uno solo.",
        "The plan's {0} is given twice with different values: \"{1}\" in {2} and \"{3}\" here. Keep only one.");

    /// <summary>{0}: the id as written.</summary>
    public static readonly IssueType IdMalformed = new("PLAN_ID_MALFORMED", IssueSeverity.Error,
        "El código del plan «{0}» no es válido: use de 1 a 40 letras sin tilde, dígitos, '-' o '_', empezando por una letra o un dígito (por ejemplo 2023-2025).",
        "Plan id \"{0}\" is not valid: use 1 to 40 unaccented letters, digits, '-' or '_', starting with a letter or a digit (e.g. 2023-2025).");

    /// <summary>{0}: the field's labels; {1}: the value; {2}, {3}: the bounds.</summary>
    public static readonly IssueType YearInvalid = new("PLAN_YEAR_INVALID", IssueSeverity.Error,
        "{0} debe ser un año entre {2} y {3}; se encontró «{1}».",
        "{0} must be a year between {2} and {3}; found \"{1}\".");

    /// <summary>{0}: first year; {1}: last year; {2}: most years a plan covers.</summary>
    public static readonly IssueType YearsInconsistent = new("PLAN_YEARS_INCONSISTENT", IssueSeverity.Error,
        "Los años del plan no son válidos: del {0} al {1}. El primer año no puede ser posterior al último y un plan cubre como máximo {2} años.",
        "The plan's years are not valid: {0} to {1}. The first year cannot be after the last, and a plan covers at most {2} years.");

    /// <summary>{0}: the id; {1}, {2}: the plan's years.</summary>
    public static readonly IssueType IdContradictsYears = new("PLAN_ID_YEARS_MISMATCH", IssueSeverity.Error,
        "El código del plan «{0}» nombra otros años que los del plan ({1}–{2}). Corrija el código o los años.",
        "Plan id \"{0}\" names other years than the plan's ({1}–{2}). Correct the id or the years.");

    /// <summary>{0}: the activity-code column's headers.</summary>
    public static readonly IssueType CodeMissing = new("PLAN_CODE_MISSING", IssueSeverity.Error,
        "La fila tiene datos pero no tiene código de actividad (columna {0}). Escriba el código, por ejemplo 1.1.1.2, o vacíe la fila.",
        "The row has data but no activity code (column {0}). Write the code, e.g. 1.1.1.2, or empty the row.");

    /// <summary>{0}: the code as written; {1}: what it should look like.</summary>
    public static readonly IssueType CodeMalformed = new("PLAN_CODE_MALFORMED", IssueSeverity.Error,
        "El código «{0}» no es válido: se espera {1}. Escriba los códigos como texto (con un apóstrofo delante si la hoja los convierte en números).",
        "Code \"{0}\" is not valid: expected {1}. Type codes as text (with an apostrophe in front if the sheet turns them into numbers).");

    /// <summary>{0}: the code; {1}: the cell where it first appears.</summary>
    public static readonly IssueType CodeDuplicate = new("PLAN_CODE_DUPLICATE", IssueSeverity.Error,
        "La actividad {0} ya aparece en {1}: cada actividad va en una sola fila, con un código propio.",
        "Activity {0} already appears in {1}: each activity goes in one row, with a code of its own.");

    /// <summary>{0}: the parent code written; {1}: what it is (axis, objective); {2}: the activity; {3}: the code it should be.</summary>
    public static readonly IssueType ParentCodeMismatch = new("PLAN_PARENT_CODE_MISMATCH", IssueSeverity.Error,
        "El código {1} «{0}» no corresponde a la actividad {2}, que por su código pertenece a {3}. Corrija uno de los dos.",
        "The {1} code \"{0}\" does not match activity {2}, which by its code belongs to {3}. Correct one of them.");

    /// <summary>{0}: the parent (e.g. "objetivo operativo 1.1.1"); {1}: the column's headers; {2}: the cell that has the other text.</summary>
    public static readonly IssueType ParentTextConflict = new("PLAN_PARENT_TEXT_CONFLICT", IssueSeverity.Error,
        "El {0} ya tiene otro texto en la columna {1} (celda {2}). Un mismo eje u objetivo lleva el mismo texto en todas sus filas; basta con escribirlo en la primera.",
        "The {0} already has a different text in column {1} (cell {2}). An axis or objective has the same text on all its rows; writing it on the first is enough.");

    /// <summary>{0}: the parent; {1}: the column's headers.</summary>
    public static readonly IssueType ParentTextMissing = new("PLAN_PARENT_TEXT_MISSING", IssueSeverity.Error,
        "El {0} no tiene texto en la columna {1}: escríbalo en la primera fila de sus actividades.",
        "The {0} has no text in column {1}: write it on the first row of its activities.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType ActivityFieldMissing = new("PLAN_ACTIVITY_FIELD_MISSING", IssueSeverity.Error,
        "Falta el texto de la columna {0}: toda actividad necesita su actividad, meta, indicador y responsable.",
        "Column {0} is empty: every activity needs its activity text, meta, indicador and responsable.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType EnglishMissing = new("PLAN_ENGLISH_MISSING", IssueSeverity.Error,
        "Falta el texto en inglés de la columna {0}: Belice recibe sus planillas en inglés.",
        "The English text of column {0} is missing: Belize receives its sheets in English.");

    /// <summary>{0}: the column's headers.</summary>
    public static readonly IssueType EnglishSameAsSpanish = new("PLAN_ENGLISH_SAME_AS_SPANISH", IssueSeverity.Warning,
        "El texto en inglés de la columna {0} es igual al texto en español: ¿falta traducirlo?",
        "The English text of column {0} is the same as the Spanish one: is the translation missing?");

    public static readonly IssueType LevelMissing = new("PLAN_LEVEL_MISSING", IssueSeverity.Error,
        "Falta el nivel de reporte: escriba nacional (lo informa cada país), regional (lo informa la Secretaría Técnica) o ambos.",
        "The reporting level is missing: write national (each country reports it), regional (the Technical Secretariat reports it) or both.");

    /// <summary>{0}: the value as written.</summary>
    public static readonly IssueType LevelUnknown = new("PLAN_LEVEL_UNKNOWN", IssueSeverity.Error,
        "El nivel de reporte «{0}» no es válido: escriba nacional (lo informa cada país), regional (lo informa la Secretaría Técnica) o ambos.",
        "Reporting level \"{0}\" is not valid: write national (each country reports it), regional (the Technical Secretariat reports it) or both.");

    /// <summary>{0}: the value as written.</summary>
    public static readonly IssueType CountUnreadable = new("PLAN_COUNT_UNREADABLE", IssueSeverity.Error,
        "«{0}» no es sí ni no: escriba sí cuando el indicador cuenta algo (las planillas pedirán la cantidad) y no en otro caso.",
        "\"{0}\" is neither yes nor no: write yes when the indicator counts something (sheets will ask for the quantity) and no otherwise.");

    /// <summary>{0}: the column's headers; {1}: the value as written.</summary>
    public static readonly IssueType PercentNotANumber = new("PLAN_PERCENT_NOT_A_NUMBER", IssueSeverity.Error,
        "La columna {0} lleva un porcentaje de 0 a 100; se encontró «{1}». Escriba solo el número (50 para 50 %) o deje la celda en blanco.",
        "Column {0} holds a percentage from 0 to 100; found \"{1}\". Type the number alone (50 for 50 %) or leave the cell blank.");

    /// <summary>{0}: the column's headers; {1}: the value.</summary>
    public static readonly IssueType PercentOutOfRange = new("PLAN_PERCENT_OUT_OF_RANGE", IssueSeverity.Error,
        "La columna {0} lleva un porcentaje de 0 a 100; se encontró {1}.",
        "Column {0} holds a percentage from 0 to 100; found {1}.");

    /// <summary>{0}: the column's headers; {1}: the value.</summary>
    public static readonly IssueType PercentLooksLikeFraction = new("PLAN_PERCENT_LOOKS_LIKE_FRACTION", IssueSeverity.Warning,
        "La columna {0} tiene {1}, que se lee como {1} % (no como {1} × 100). Si quería decir otra cosa, escriba los puntos porcentuales (50 para 50 %).",
        "Column {0} has {1}, read as {1} % (not {1} × 100). If you meant otherwise, type the percent points (50 for 50 %).");

    /// <summary>{0}: the text's length; {1}: the limit.</summary>
    public static readonly IssueType TextTooLong = new("PLAN_TEXT_TOO_LONG", IssueSeverity.Error,
        "El texto tiene {0} caracteres; el máximo es {1}.",
        "The text has {0} characters; the maximum is {1}.");

    /// <summary>{0}: the value used.</summary>
    public static readonly IssueType CellFormula = new("PLAN_CELL_FORMULA", IssueSeverity.Warning,
        "La celda tiene una fórmula: se usa el valor guardado, «{0}», sin recalcularlo. Escriba el valor para que no dependa de otras celdas.",
        "The cell holds a formula: its saved value, \"{0}\", is used without recalculating it. Type the value so it does not depend on other cells.");

    /// <summary>{0}: the axis or objective.</summary>
    public static readonly IssueType ParentWithoutActivities = new("PLAN_PARENT_WITHOUT_ACTIVITIES", IssueSeverity.Error,
        "El {0} no tiene ninguna actividad: agregue sus actividades o quite su fila.",
        "The {0} has no activity: add its activities or remove its row.");

    public static readonly IssueType NoActivities = new("PLAN_NO_ACTIVITIES", IssueSeverity.Error,
        "La matriz no tiene ninguna actividad debajo de la fila de encabezados.",
        "The matrix has no activity below the header row.");

    /// <summary>{0}: the loader's own description (in English: it names fields of the plan file).</summary>
    public static readonly IssueType Invalid = new("PLAN_INVALID", IssueSeverity.Error,
        "El plan no es válido: {0}",
        "The plan is not valid: {0}");

    /// <summary>{0}: the plan id; {1}: when the published version was published; {2}: the flag.</summary>
    public static readonly IssueType AlreadyPublished = new("PLAN_ALREADY_PUBLISHED", IssueSeverity.Error,
        "El plan {0} ya está publicado ({1}) con otro contenido. Para publicar esta versión en su lugar, repita con {2}: la versión anterior se conserva.",
        "Plan {0} is already published ({1}) with other content. To publish this version in its place, run again with {2}: the previous version is kept.");

    /// <summary>{0}: this plan and its years; {1}: the other plan and its years; {2}: where the other comes from.</summary>
    public static readonly IssueType YearsOverlap = new("PLAN_YEARS_OVERLAP", IssueSeverity.Error,
        "Los años del plan {0} se superponen con los del plan {1} ({2}): cada año pertenece a un solo plan. Corrija los años de uno de los dos.",
        "The years of plan {0} overlap those of plan {1} ({2}): each year belongs to one plan only. Correct the years of one of them.");
}
