using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>
/// Every finding the sheet validator can report, with its stable code and its message for a country's focal point.
/// Placeholders are documented per field; cell addresses are written like <c>Informe!H12</c>.
/// </summary>
public static class SheetIssues
{
    // ---- Is it our template, for this unit and period? ------------------------------------------------------------

    /// <summary>{0} unit, {1} period.</summary>
    public static readonly IssueType ReportSheetMissing = new("REPORT_SHEET_MISSING", IssueSeverity.Error,
        "No se encontró la hoja «Informe». Use la plantilla descargada para {0} {1}, sin renombrar ni borrar hojas.",
        "The «Report» sheet was not found. Use the template downloaded for {0} {1}, without renaming or deleting sheets.");

    /// <summary>{0} unit, {1} period.</summary>
    public static readonly IssueType WorkbookUnreadable = new("WORKBOOK_UNREADABLE", IssueSeverity.Error,
        "El archivo no se pudo abrir como libro de Excel. Ábralo en Excel o LibreOffice, guárdelo como «Libro de Excel (.xlsx)» y vuelva a subirlo ({0} {1}).",
        "The file could not be opened as an Excel workbook. Open it in Excel or LibreOffice, save it as «Excel Workbook (.xlsx)» and upload it again ({0} {1}).");

    /// <summary>{0} unit, {1} period.</summary>
    public static readonly IssueType MetadataMissing = new("TEMPLATE_NOT_RECOGNIZED", IssueSeverity.Error,
        "Este archivo no es la plantilla oficial (falta su hoja de control oculta). Descargue la plantilla de {0} para {1} y copie sus datos en ella.",
        "This file is not the official template (its hidden control sheet is missing). Download the template for {0} {1} and copy your data into it.");

    /// <summary>{0} version found, {1} version expected.</summary>
    public static readonly IssueType TemplateVersionUnknown = new("TEMPLATE_VERSION_UNKNOWN", IssueSeverity.Error,
        "La versión de plantilla «{0}» no es reconocida (se espera «{1}»). Descargue la plantilla vigente y copie sus datos en ella.",
        "Template version «{0}» is not recognised (expected «{1}»). Download the current template and copy your data into it.");

    /// <summary>{0} plan in the sheet, {1} plan in force for the period, {2} period.</summary>
    public static readonly IssueType PlanMismatch = new("PLAN_MISMATCH", IssueSeverity.Error,
        "La plantilla corresponde al plan «{0}», pero el período {2} se informa con el plan «{1}». Descargue la plantilla de {2} y copie sus datos en ella.",
        "The template is for plan «{0}», but period {2} is reported under plan «{1}». Download the template for {2} and copy your data into it.");

    /// <summary>{0} unit in the sheet, {1} unit of the upload folder.</summary>
    public static readonly IssueType UnitMismatch = new("UNIT_MISMATCH", IssueSeverity.Error,
        "La plantilla es de la unidad «{0}», pero se subió a la carpeta de «{1}». Cada unidad solo puede presentar su propio informe: suba el archivo en la carpeta de {0} o use la plantilla de {1}.",
        "The template belongs to unit «{0}», but it was uploaded to the folder of «{1}». Each unit may only file its own report: upload it to {0}'s folder or use {1}'s template.");

    /// <summary>{0} period in the sheet, {1} period of the upload folder.</summary>
    public static readonly IssueType PeriodMismatch = new("PERIOD_MISMATCH", IssueSeverity.Error,
        "La plantilla es del período {0}, pero se subió a la carpeta del período {1}. Use la plantilla del período {1}.",
        "The template is for period {0}, but it was uploaded to the folder of period {1}. Use the template for period {1}.");

    /// <summary>{0} the header cell's text, {1} what the control sheet says ("la unidad GT (Guatemala)"), {2} what the cell must read.</summary>
    public static readonly IssueType HeaderMismatch = new("HEADER_MISMATCH", IssueSeverity.Error,
        "El encabezado dice «{0}», pero la hoja de control de esta plantilla indica {1}. No modifique el encabezado: debe decir «{2}». Si el informe es de otra unidad o período, descargue esa plantilla y copie sus datos en ella.",
        "The header says «{0}», but this template's control sheet says {1}. Do not change the header: it must read «{2}». If the report is for another unit or period, download that template and copy your data into it.");

    /// <summary>{0} unit code.</summary>
    public static readonly IssueType UnitUnknown = new("UNIT_UNKNOWN", IssueSeverity.Error,
        "«{0}» no es una unidad informante de la Coalición Regional.",
        "«{0}» is not a reporting unit of the Coalición Regional.");

    /// <summary>{0} period, {1} the plans in force and their years ("2020-2022 (2020–2022), 2023-2025 (2023–2025)").</summary>
    public static readonly IssueType PeriodOutsidePlan = new("PERIOD_OUTSIDE_PLAN", IssueSeverity.Error,
        "Ningún plan vigente cubre el período «{0}» (planes vigentes: {1}). Los períodos se escriben AAAA-Qn, por ejemplo 2021-Q3.",
        "No plan in force covers period «{0}» (plans in force: {1}). Periods are written YYYY-Qn, e.g. 2021-Q3.");

    /// <summary>{0} unit code, {1} unit name, {2} period, {3} the unit's membership ("miembro desde 2024-Q1").</summary>
    public static readonly IssueType UnitNotMember = new("UNIT_NOT_MEMBER", IssueSeverity.Error,
        "La unidad {0} ({1}) no es miembro de la Coalición Regional en {2} ({3}), así que no informa ese trimestre. Si el informe es de otro período, descargue la plantilla de ese período.",
        "Unit {0} ({1}) is not a member of the Coalición Regional in {2} ({3}), so it does not report that quarter. If the report is for another period, download that period's template.");

    // ---- The activity list ----------------------------------------------------------------------------------------

    /// <summary>{0} activity code, {1} activity label and start of its text.</summary>
    public static readonly IssueType ActivityMissing = new("ACTIVITY_MISSING", IssueSeverity.Error,
        "Falta la fila de la actividad {0} ({1}). No borre filas de la plantilla; deje en blanco lo que no tenga que informar.",
        "The row for activity {0} ({1}) is missing. Do not delete template rows; leave blank what you have nothing to report on.");

    /// <summary>{0} activity code, {1} the rows where it appears.</summary>
    public static readonly IssueType ActivityDuplicated = new("ACTIVITY_DUPLICATED", IssueSeverity.Error,
        "La actividad {0} aparece más de una vez (filas {1}). Deje una sola fila por actividad.",
        "Activity {0} appears more than once (rows {1}). Keep a single row per activity.");

    /// <summary>{0} row number, {1} code found, {2} unit.</summary>
    public static readonly IssueType ActivityUnknown = new("ACTIVITY_UNKNOWN", IssueSeverity.Error,
        "La fila {0} tiene el código «{1}», que no es una actividad que {2} informa. No agregue filas ni cambie los códigos de la columna A.",
        "Row {0} has code «{1}», which is not an activity {2} reports. Do not add rows or change the codes in column A.");

    public static readonly IssueType EmptySubmission = new("EMPTY_SUBMISSION", IssueSeverity.Error,
        "El informe no contiene ningún dato: complete al menos el ejecutado o el estado de una actividad.",
        "The report contains no data: fill in at least the Achieved or the Status of one activity.");

    /// <summary>{0} the row where data was found, {1} first and {2} last activity row of the template.</summary>
    public static readonly IssueType TooManyRows = new("TOO_MANY_ROWS", IssueSeverity.Error,
        "Hay datos en la fila {0}, muy por debajo de la tabla de actividades (filas {1} a {2}), y la lectura de la hoja se detuvo ahí. No agregue filas a la plantilla: borre lo que haya debajo de la tabla y vuelva a subir el archivo.",
        "There is data in row {0}, far below the activity table (rows {1} to {2}), and reading the sheet stopped there. Do not add rows to the template: delete whatever is below the table and upload the file again.");

    // ---- Values -----------------------------------------------------------------------------------------------------

    /// <summary>{0} text found.</summary>
    public static readonly IssueType EjecutadoNotANumber = new("EJECUTADO_NOT_A_NUMBER", IssueSeverity.Error,
        "Se esperaba un porcentaje entre 0 y 100 (por ejemplo 50 o 50 %), pero se encontró «{0}».",
        "A percentage between 0 and 100 was expected (e.g. 50 or 50 %), but «{0}» was found.");

    /// <summary>{0} value found.</summary>
    public static readonly IssueType EjecutadoOutOfRange = new("EJECUTADO_OUT_OF_RANGE", IssueSeverity.Error,
        "El porcentaje ejecutado debe estar entre 0 y 100; se encontró {0}.",
        "The Achieved percentage must be between 0 and 100; {0} was found.");

    /// <summary>{0} text found.</summary>
    public static readonly IssueType QuantityInvalid = new("QUANTITY_INVALID", IssueSeverity.Error,
        "La cantidad debe ser un número entero mayor o igual a 0; se encontró «{0}».",
        "The quantity must be a whole number greater than or equal to 0; «{0}» was found.");

    /// <summary>{0} value found.</summary>
    public static readonly IssueType QuantityNotWhole = new("QUANTITY_NOT_WHOLE", IssueSeverity.Error,
        "La cantidad cuenta algo, así que debe ser un número entero (0, 1, 2…); se encontró {0}. Escriba cuántos hay, sin decimales.",
        "The quantity counts something, so it must be a whole number (0, 1, 2…); {0} was found. Type how many there are, without decimals.");

    /// <summary>{0} text found, {1} the allowed values.</summary>
    public static readonly IssueType StatusInvalid = new("STATUS_INVALID", IssueSeverity.Error,
        "El estado «{0}» no es válido. Elija uno de la lista: {1}.",
        "Status «{0}» is not valid. Choose one from the list: {1}.");

    /// <summary>{0} length found, {1} maximum.</summary>
    public static readonly IssueType TextTooLong = new("TEXT_TOO_LONG", IssueSeverity.Error,
        "El texto tiene {0} caracteres; el máximo es {1}. Resúmalo o use el enlace de evidencia para documentos largos.",
        "The text has {0} characters; the maximum is {1}. Shorten it, or use the evidence link for long documents.");

    public static readonly IssueType FormulaWithoutValue = new("FORMULA_WITHOUT_VALUE", IssueSeverity.Error,
        "La celda contiene una fórmula sin valor calculado. Escriba el valor directamente (las fórmulas no se calculan al recibir el archivo).",
        "The cell holds a formula with no calculated value. Type the value itself (formulas are not calculated on receipt).");

    // ---- Warnings: accepted, but the focal point is told ------------------------------------------------------------

    /// <summary>{0} ejecutado, {1} year, {2} programado.</summary>
    public static readonly IssueType EjecutadoAboveProgramado = new("EJECUTADO_ABOVE_PROGRAMADO", IssueSeverity.Warning,
        "El ejecutado ({0} %) supera lo programado para {1} ({2} %). El ejecutado es la parte de la actividad hecha en el año, en la escala de Programado: verifique el dato.",
        "Achieved ({0} %) is above what was programmed for {1} ({2} %). Achieved is the share of the activity done in the year, on Programmed's scale: please check the figure.");

    /// <summary>{0} ejecutado, {1} year, {2} programado. Raised instead of EJECUTADO_ABOVE_PROGRAMADO when the excess is large (<see cref="RowChecker.IsFarAbove"/>).</summary>
    public static readonly IssueType EjecutadoFarAboveProgramado = new("EJECUTADO_FAR_ABOVE_PROGRAMADO", IssueSeverity.Warning,
        "El ejecutado ({0} %) es mucho mayor que lo programado para {1} ({2} %). ¿Escribió el avance sobre la meta del año? El ejecutado va en la escala de Programado: si se cumplió la meta del año, escriba {2}; si se hizo la mitad, la mitad de {2}.",
        "Achieved ({0} %) is far above what was programmed for {1} ({2} %). Did you write progress against the year's target? Achieved is on Programmed's scale: if the year's target was met, write {2}; if half of it was done, half of {2}.");

    /// <summary>{0} ejecutado now, {1} previous period, {2} ejecutado then.</summary>
    public static readonly IssueType EjecutadoDecreased = new("EJECUTADO_DECREASED", IssueSeverity.Warning,
        "El ejecutado ({0} %) es menor que el informado en {1} ({2} %). El ejecutado es el acumulado del año: verifique el dato.",
        "Achieved ({0} %) is lower than reported in {1} ({2} %). Achieved is the year-to-date value: please check the figure.");

    /// <summary>{0} status label, {1} ejecutado.</summary>
    public static readonly IssueType StatusInconsistent = new("STATUS_INCONSISTENT", IssueSeverity.Warning,
        "El estado «{0}» no concuerda con un ejecutado de {1} %.",
        "Status «{0}» does not match an Achieved of {1} %.");

    /// <summary>{0} ejecutado, {1} programado.</summary>
    public static readonly IssueType ObservationMissing = new("OBSERVATION_MISSING", IssueSeverity.Warning,
        "El ejecutado ({0} %) está por debajo de lo programado ({1} %): agregue una observación que explique el avance.",
        "Achieved ({0} %) is below what was programmed ({1} %): add an observation explaining the progress.");

    /// <summary>{0} value as read, {1} value if it was meant as a fraction.</summary>
    public static readonly IssueType EjecutadoLooksLikeFraction = new("EJECUTADO_LOOKS_LIKE_FRACTION", IssueSeverity.Warning,
        "Se leyó {0} %. Si quiso decir {1} %, escriba {1}.",
        "Read as {0} %. If you meant {1} %, type {1}.");

    /// <summary>{0} the cached value used.</summary>
    public static readonly IssueType FormulaValueUsed = new("FORMULA_VALUE_USED", IssueSeverity.Warning,
        "La celda contiene una fórmula: se usó su último valor calculado («{0}»). Las fórmulas no se vuelven a calcular.",
        "The cell holds a formula: its last calculated value («{0}») was used. Formulas are not recalculated.");

    public static readonly IssueType QuantityIgnored = new("QUANTITY_IGNORED", IssueSeverity.Warning,
        "Esta actividad no tiene un indicador de cantidad: la cantidad escrita no se registra.",
        "This activity has no count indicator: the quantity entered is not recorded.");

    public static readonly IssueType FocalPointMissing = new("FOCAL_POINT_MISSING", IssueSeverity.Warning,
        "Falta el nombre o el correo del punto focal. Complételos: el resultado de la revisión se envía a los contactos que la unidad tiene registrados.",
        "The focal point's name or e-mail is missing. Please fill them in: the review result goes to the contacts registered for your unit.");

    /// <summary>{0} text found.</summary>
    public static readonly IssueType FocalEmailInvalid = new("FOCAL_EMAIL_INVALID", IssueSeverity.Warning,
        "«{0}» no parece una dirección de correo válida.",
        "«{0}» does not look like a valid e-mail address.");
}
