using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>
/// Every finding the sheet validator can report, with its stable code and its message for a country's focal point.
/// Each message is an instruction: what to do first, then what was found. The code is never in the sentence (pages
/// and mails show it beside it). Placeholders are documented per field; periods are passed as their label
/// (<see cref="Plan.PeriodLabel"/>), activities by code.
/// </summary>
public static class SheetIssues
{
    // ---- Is it our template, for this unit and period? ------------------------------------------------------------

    /// <summary>{0} unit (or "su unidad"), {1} period label (or "el trimestre que corresponda").</summary>
    public static readonly IssueType ReportSheetMissing = new("REPORT_SHEET_MISSING", IssueSeverity.Error,
        "Use la plantilla de {0} para el {1} sin renombrar ni borrar sus hojas: este archivo no tiene la hoja «Informe».",
        "Use the template of {0} for the {1} without renaming or deleting its sheets: this file has no \"Report\" sheet.");

    /// <summary>{0} unit, {1} period label.</summary>
    public static readonly IssueType WorkbookUnreadable = new("WORKBOOK_UNREADABLE", IssueSeverity.Error,
        "Abra el archivo en Excel o LibreOffice, guárdelo como «Libro de Excel (.xlsx)» y vuelva a subirlo ({0}, {1}): no se pudo abrir como libro de Excel.",
        "Open the file in Excel or LibreOffice, save it as \"Excel Workbook (.xlsx)\" and upload it again ({0}, {1}): it could not be opened as an Excel workbook.");

    /// <summary>{0} unit, {1} period label.</summary>
    public static readonly IssueType MetadataMissing = new("TEMPLATE_NOT_RECOGNIZED", IssueSeverity.Error,
        "Descargue la plantilla de {0} para el {1} y copie sus datos en ella: este archivo no es la plantilla oficial (le falta su hoja de control oculta).",
        "Download the template of {0} for the {1} and copy your data into it: this file is not the official template (its hidden control sheet is missing).");

    /// <summary>{0} version found, {1} version expected.</summary>
    public static readonly IssueType TemplateVersionUnknown = new("TEMPLATE_VERSION_UNKNOWN", IssueSeverity.Error,
        "Descargue la plantilla vigente y copie sus datos en ella: la versión de plantilla «{0}» no es reconocida (se espera «{1}»).",
        "Download the current template and copy your data into it: template version \"{0}\" is not recognised (expected \"{1}\").");

    /// <summary>{0} plan in the sheet, {1} plan in force for the period, {2} period label.</summary>
    public static readonly IssueType PlanMismatch = new("PLAN_MISMATCH", IssueSeverity.Error,
        "Descargue la plantilla del {2} y copie sus datos en ella: esta es del plan «{0}», pero ese trimestre se informa con el plan «{1}».",
        "Download the template for the {2} and copy your data into it: this one is for plan \"{0}\", but that quarter is reported under plan \"{1}\".");

    /// <summary>{0} unit in the sheet, {1} unit of the upload folder.</summary>
    public static readonly IssueType UnitMismatch = new("UNIT_MISMATCH", IssueSeverity.Error,
        "Suba el archivo en la carpeta de {0} o use la plantilla de {1}: esta plantilla es de la unidad «{0}», pero se subió a la carpeta de «{1}», y cada unidad solo presenta su propio informe.",
        "Upload the file to the folder of {0} or use the template of {1}: this template belongs to unit \"{0}\", but it was uploaded to the folder of \"{1}\", and each unit files only its own report.");

    /// <summary>{0} period label in the sheet, {1} period label of the upload folder.</summary>
    public static readonly IssueType PeriodMismatch = new("PERIOD_MISMATCH", IssueSeverity.Error,
        "Use la plantilla del {1}: esta es del {0}, pero se subió al {1}.",
        "Use the template for the {1}: this one is for the {0}, but it was uploaded to the {1}.");

    /// <summary>{0} the header cell's text, {1} what the control sheet says ("la unidad GT (Guatemala)"), {2} what the cell must read.</summary>
    public static readonly IssueType HeaderMismatch = new("HEADER_MISMATCH", IssueSeverity.Error,
        "Escriba «{2}» en esta celda del encabezado, como venía en la plantilla: dice «{0}», pero la hoja de control indica {1}. Si el informe es de otra unidad o trimestre, descargue esa plantilla y copie sus datos en ella.",
        "Write \"{2}\" in this header cell, as the template had it: it says \"{0}\", but the control sheet says {1}. If the report is for another unit or quarter, download that template and copy your data into it.");

    /// <summary>{0} unit code.</summary>
    public static readonly IssueType UnitUnknown = new("UNIT_UNKNOWN", IssueSeverity.Error,
        "Use la plantilla de su unidad: «{0}» no es una unidad informante de la Coalición Regional.",
        "Use your unit's template: \"{0}\" is not a reporting unit of the Coalición Regional.");

    /// <summary>{0} period label, {1} the plans in force and their years ("2020-2022 (2020–2022), 2023-2025 (2023–2025)").</summary>
    public static readonly IssueType PeriodOutsidePlan = new("PERIOD_OUTSIDE_PLAN", IssueSeverity.Error,
        "Use la plantilla de un trimestre de un plan vigente ({1}): ningún plan vigente cubre el {0}.",
        "Use the template of a quarter of a plan in force ({1}): no plan in force covers the {0}.");

    /// <summary>{0} unit code, {1} unit name, {2} period label, {3} the unit's membership ("miembro desde el 1.er trimestre de 2024").</summary>
    public static readonly IssueType UnitNotMember = new("UNIT_NOT_MEMBER", IssueSeverity.Error,
        "Si el informe es de otro trimestre, descargue la plantilla de ese trimestre: {1} ({0}) no es miembro de la Coalición Regional en el {2} ({3}), así que no lo informa.",
        "If the report is for another quarter, download that quarter's template: {1} ({0}) is not a member of the Coalición Regional in the {2} ({3}), so it does not report it.");

    // ---- The activity list ----------------------------------------------------------------------------------------

    /// <summary>{0} activity code, {1} activity label and start of its text.</summary>
    public static readonly IssueType ActivityMissing = new("ACTIVITY_MISSING", IssueSeverity.Error,
        "Vuelva a poner la fila de la actividad {0} ({1}), que falta: no borre filas de la plantilla y deje en blanco lo que no tenga que informar.",
        "Put back the row for activity {0} ({1}), which is missing: do not delete template rows, and leave blank what you have nothing to report on.");

    /// <summary>{0} activity code, {1} the rows where it appears.</summary>
    public static readonly IssueType ActivityDuplicated = new("ACTIVITY_DUPLICATED", IssueSeverity.Error,
        "Deje una sola fila para la actividad {0}: aparece más de una vez (filas {1}).",
        "Keep a single row for activity {0}: it appears more than once (rows {1}).");

    /// <summary>{0} row number, {1} code found, {2} unit.</summary>
    public static readonly IssueType ActivityUnknown = new("ACTIVITY_UNKNOWN", IssueSeverity.Error,
        "Deje en la fila {0} el código de actividad que traía la plantilla, o borre la fila si la agregó: «{1}» no es una actividad que {2} informa.",
        "Restore the template's activity code in row {0}, or delete the row if you added it: \"{1}\" is not an activity {2} reports.");

    public static readonly IssueType EmptySubmission = new("EMPTY_SUBMISSION", IssueSeverity.Error,
        "Complete al menos el ejecutado o el estado de una actividad: el informe no contiene ningún dato.",
        "Fill in at least the achieved value or the status of one activity: the report contains no data.");

    /// <summary>{0} the row where data was found, {1} first and {2} last activity row of the template.</summary>
    public static readonly IssueType TooManyRows = new("TOO_MANY_ROWS", IssueSeverity.Error,
        "Borre lo que haya debajo de la tabla de actividades (filas {1} a {2}) y vuelva a subir el archivo: hay datos en la fila {0}, muy por debajo de ella, y la lectura de la hoja se detuvo ahí.",
        "Delete whatever is below the activity table (rows {1} to {2}) and upload the file again: there is data in row {0}, far below it, and reading the sheet stopped there.");

    // ---- Values -----------------------------------------------------------------------------------------------------

    /// <summary>{0} activity code, {1} text found.</summary>
    public static readonly IssueType EjecutadoNotANumber = new("EJECUTADO_NOT_A_NUMBER", IssueSeverity.Error,
        "Escriba el ejecutado de {0} como un número de 0 a 100, por ejemplo 45 (se encontró «{1}»).",
        "Enter the achieved value for {0} as a number from 0 to 100, for example 45 (found \"{1}\").");

    /// <summary>{0} activity code, {1} value found.</summary>
    public static readonly IssueType EjecutadoOutOfRange = new("EJECUTADO_OUT_OF_RANGE", IssueSeverity.Error,
        "Escriba el ejecutado de {0} como un número de 0 a 100, por ejemplo 45: se encontró {1}, fuera de ese rango.",
        "Enter the achieved value for {0} as a number from 0 to 100, for example 45: {1} was found, outside that range.");

    /// <summary>{0} activity code, {1} text found.</summary>
    public static readonly IssueType QuantityInvalid = new("QUANTITY_INVALID", IssueSeverity.Error,
        "Escriba la cantidad de {0} como un número entero de 0 o más, por ejemplo 3 (se encontró «{1}»).",
        "Enter the quantity for {0} as a whole number of 0 or more, for example 3 (found \"{1}\").");

    /// <summary>{0} activity code, {1} value found.</summary>
    public static readonly IssueType QuantityNotWhole = new("QUANTITY_NOT_WHOLE", IssueSeverity.Error,
        "Escriba la cantidad de {0} sin decimales (0, 1, 2…): cuenta algo, y se encontró {1}.",
        "Enter the quantity for {0} without decimals (0, 1, 2…): it counts something, and {1} was found.");

    /// <summary>{0} activity code, {1} text found, {2} the allowed values.</summary>
    public static readonly IssueType StatusInvalid = new("STATUS_INVALID", IssueSeverity.Error,
        "Elija el estado de {0} de la lista: {2} (se encontró «{1}»).",
        "Choose the status for {0} from the list: {2} (found \"{1}\").");

    /// <summary>{0} length found, {1} maximum. The activity, when there is one, is in the location.</summary>
    public static readonly IssueType TextTooLong = new("TEXT_TOO_LONG", IssueSeverity.Error,
        "Acorte el texto a {1} caracteres como máximo (tiene {0}); para documentos largos, use el enlace de evidencia.",
        "Shorten the text to {1} characters at most (it has {0}); for long documents, use the evidence link.");

    public static readonly IssueType FormulaWithoutValue = new("FORMULA_WITHOUT_VALUE", IssueSeverity.Error,
        "Escriba el valor en lugar de la fórmula: la celda tiene una fórmula sin valor calculado, y las fórmulas no se calculan al recibir el archivo.",
        "Type the value itself instead of the formula: the cell holds a formula with no calculated value, and formulas are not calculated on receipt.");

    // ---- Warnings: accepted, but the focal point is told ------------------------------------------------------------

    /// <summary>{0} activity code, {1} ejecutado, {2} year, {3} programado.</summary>
    public static readonly IssueType EjecutadoAboveProgramado = new("EJECUTADO_ABOVE_PROGRAMADO", IssueSeverity.Warning,
        "Compruebe el ejecutado de {0}: {1} % supera lo programado para {2} ({3} %). El ejecutado es la parte de la actividad hecha en el año, en la escala de Programado.",
        "Check the achieved value for {0}: {1} % is above what was programmed for {2} ({3} %). Achieved is the share of the activity done in the year, on Programmed's scale.");

    /// <summary>{0} activity code, {1} ejecutado, {2} year, {3} programado. Raised instead of EJECUTADO_ABOVE_PROGRAMADO when the excess is large (<see cref="RowChecker.IsFarAbove"/>).</summary>
    public static readonly IssueType EjecutadoFarAboveProgramado = new("EJECUTADO_FAR_ABOVE_PROGRAMADO", IssueSeverity.Warning,
        "Escriba el ejecutado de {0} en la escala de Programado: si se hizo todo lo previsto para {2}, escriba {3}; si se hizo la mitad, la mitad de {3}. Se leyó {1} %, mucho más que lo programado ({3} %): ¿escribió el avance sobre la meta del año?",
        "Enter the achieved value for {0} on Programmed's scale: if everything planned for {2} is done, enter {3}; if half of it is done, half of {3}. It reads {1} %, far above what was programmed ({3} %): did you write progress against the year's target?");

    /// <summary>{0} activity code, {1} ejecutado now, {2} previous period label, {3} ejecutado then.</summary>
    public static readonly IssueType EjecutadoDecreased = new("EJECUTADO_DECREASED", IssueSeverity.Warning,
        "Compruebe el ejecutado de {0}: {1} % es menos que lo informado en el {2} ({3} %), y el ejecutado es el acumulado del año.",
        "Check the achieved value for {0}: {1} % is less than reported in the {2} ({3} %), and achieved is the year-to-date value.");

    /// <summary>{0} activity code, {1} status label, {2} the ejecutado as words ("de 45 %" / "en blanco").</summary>
    public static readonly IssueType StatusInconsistent = new("STATUS_INCONSISTENT", IssueSeverity.Warning,
        "Compruebe el estado y el ejecutado de {0}: el estado «{1}» no concuerda con un ejecutado {2}.",
        "Check the status and the achieved value for {0}: status \"{1}\" does not match an achieved value {2}.");

    /// <summary>{0} activity code, {1} ejecutado, {2} programado.</summary>
    public static readonly IssueType ObservationMissing = new("OBSERVATION_MISSING", IssueSeverity.Warning,
        "Agregue a {0} una observación que explique el avance: el ejecutado ({1} %) está por debajo de lo programado ({2} %).",
        "Add an observation to {0} explaining the progress: achieved ({1} %) is below what was programmed ({2} %).");

    /// <summary>{0} activity code, {1} value as read, {2} value if it was meant as a fraction.</summary>
    public static readonly IssueType EjecutadoLooksLikeFraction = new("EJECUTADO_LOOKS_LIKE_FRACTION", IssueSeverity.Warning,
        "Si en {0} quiso decir {2} %, escriba {2}: se leyó {1} %.",
        "If you meant {2} % for {0}, enter {2}: it was read as {1} %.");

    /// <summary>{0} the cached value used.</summary>
    public static readonly IssueType FormulaValueUsed = new("FORMULA_VALUE_USED", IssueSeverity.Warning,
        "Escriba el valor en lugar de la fórmula, para que no dependa de otras celdas: se usó su último valor calculado («{0}»), y las fórmulas no se vuelven a calcular.",
        "Type the value instead of the formula, so it does not depend on other cells: its last calculated value (\"{0}\") was used, and formulas are not recalculated.");

    /// <summary>{0} activity code.</summary>
    public static readonly IssueType QuantityIgnored = new("QUANTITY_IGNORED", IssueSeverity.Warning,
        "Deje en blanco la cantidad de {0}: su indicador no cuenta nada, y la cantidad escrita no se registra.",
        "Leave the quantity for {0} blank: its indicator counts nothing, and the quantity entered is not recorded.");

    public static readonly IssueType FocalPointMissing = new("FOCAL_POINT_MISSING", IssueSeverity.Warning,
        "Escriba el nombre y el correo del punto focal en el encabezado: falta uno de los dos. El resultado de la revisión se envía a los contactos registrados de la unidad.",
        "Write the focal point's name and e-mail in the header: one of them is missing. The review result goes to the contacts registered for your unit.");

    /// <summary>{0} text found.</summary>
    public static readonly IssueType FocalEmailInvalid = new("FOCAL_EMAIL_INVALID", IssueSeverity.Warning,
        "Escriba el correo del punto focal como nombre@dominio, por ejemplo ana.perez@ministerio.gob: «{0}» no parece una dirección de correo válida.",
        "Write the focal point's e-mail as name@domain, for example ana.perez@ministry.gov: \"{0}\" does not look like a valid e-mail address.");
}
