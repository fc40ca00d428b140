using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// The open-data package's tables and columns (docs/data.md), written to <c>datapackage.json</c> and followed by every
/// writer. Column names are stable: renaming or removing one, or changing its type, is a new major
/// <see cref="Version"/> and a note in docs/data.md; adding a column or a table is a minor one.
/// </summary>
public static class OpenDataSchema
{
    /// <summary>The package's schema version (semantic versioning), in <c>datapackage.json</c> as <c>schemaVersion</c>.</summary>
    public const string Version = "1.0.0";

    public const string PackageName = "serverlessplan-progress";

    private static readonly string[] ActivityStatuses = Enum.GetNames<ActivityStatus>();
    private static readonly string[] Timeliness = Enum.GetNames<SubmissionTimeliness>();
    private static readonly string[] SubmissionStatuses = Enum.GetNames<SubmissionStatus>();

    private static DatasetField F(string name, DatasetFieldType type, bool required, string es, string en, string description,
        IReadOnlyList<string>? values = null) => new(name, type, required, new LocalizedText(es, en), description, values);

    private static readonly DatasetField PlanId = F("plan_id", DatasetFieldType.String, true, "Plan", "Plan", "The operational plan's id (e.g. 2020-2022).");
    private static readonly DatasetField Period = F("period", DatasetFieldType.String, true, "Periodo", "Period", "The reporting quarter, YYYY-Qn.");
    private static readonly DatasetField Year = F("year", DatasetFieldType.Integer, true, "Año", "Year", "The quarter's year.");
    private static readonly DatasetField Quarter = F("quarter", DatasetFieldType.Integer, true, "Trimestre", "Quarter", "The quarter's number, 1 to 4.");
    private static readonly DatasetField UnitCode = F("unit_code", DatasetFieldType.String, true, "Unidad", "Unit", "The reporting unit's code (a country, or ST for the Technical Secretariat).");
    private static readonly DatasetField AxisCode = F("axis_code", DatasetFieldType.String, true, "Eje", "Axis", "The plan axis the activity belongs to.");
    private static readonly DatasetField StrategicCode = F("strategic_objective_code", DatasetFieldType.String, true, "Objetivo estratégico", "Strategic objective", "The strategic objective the activity belongs to.");
    private static readonly DatasetField OperationalCode = F("operational_objective_code", DatasetFieldType.String, true, "Objetivo operativo", "Operational objective", "The operational objective the activity belongs to.");
    private static readonly DatasetField ActivityCode = F("activity_code", DatasetFieldType.String, true, "Actividad", "Activity", "The activity's code in the plan (e.g. 1.1.1.2).");
    private static readonly DatasetField Programado = F("programado", DatasetFieldType.Number, false, "Programado (%)", "Programmed (%)",
        "The share of the activity the plan programmes for the year, 0–100; empty when the plan gives none.");

    public static DatasetTable Progress { get; } = new("progress", new("Avance por unidad, actividad y trimestre", "Progress by unit, activity and quarter"),
        "One row per expected unit and activity of each quarter in which some unit has an accepted sheet — the workbook's Datos sheet, "
        + "the units that did not report included. Every regional figure is recomputed from these rows (docs/regional-progress.md).",
        [
            PlanId, Period, Year, Quarter, UnitCode, AxisCode, StrategicCode, OperationalCode, ActivityCode, Programado,
            F("ejecutado_recorded", DatasetFieldType.Number, false, "Ejecutado registrado (%)", "Ejecutado as recorded (%)",
                "The ejecutado the unit's current sheet gives, year to date, on programado's scale; empty when not given."),
            F("ejecutado_counted", DatasetFieldType.Number, false, "Ejecutado contado (%)", "Ejecutado as counted (%)",
                "The value that enters the regional mean: ejecutado_recorded unless the activity is marked \"no aplica\"; empty when it does not count."),
            F("status", DatasetFieldType.String, false, "Estado", "Status", "The status the sheet gives; empty when none.", ActivityStatuses),
            F("not_applicable", DatasetFieldType.Boolean, true, "No aplica", "Not applicable",
                "True when the unit marked the activity \"no aplica\": it leaves both the mean and the units expected."),
            F("quantity", DatasetFieldType.Number, false, "Cantidad", "Quantity", "The count the sheet gives, for activities measured by a count."),
            F("observations", DatasetFieldType.String, false, "Observaciones", "Observations", "The unit's observations, as written."),
            F("evidence", DatasetFieldType.String, false, "Evidencia", "Evidence", "The unit's evidence (links, references), as written."),
            F("submission_id", DatasetFieldType.String, false, "Id del envío", "Submission id",
                "The unit's current accepted submission for the quarter (see submissions); empty when it has none."),
            F("received_at", DatasetFieldType.DateTime, false, "Recibido (UTC)", "Received at (UTC)", "When that submission arrived, UTC."),
            F("timeliness", DatasetFieldType.String, true, "Puntualidad", "Timeliness",
                "The unit's timeliness for the quarter: OnTime when its first accepted sheet arrived before the deadline, Late after it, RejectedOnly, Missing.",
                Timeliness),
            F("after_reopening", DatasetFieldType.Boolean, true, "Tras reapertura", "After a reopening",
                "True when the sheet in the figures arrived after the quarter locked, let in by a reopening."),
        ],
        ["period", "unit_code", "activity_code"],
        [
            new(["unit_code"], "units", ["unit_code"]),
            new(["plan_id", "activity_code", "year"], "activities", ["plan_id", "activity_code", "year"]),
            new(["plan_id", "period"], "coverage", ["plan_id", "period"]),
        ]);

    public static DatasetTable Submissions { get; } = new("submissions", new("Envíos", "Submissions"),
        "Every distinct upload (by content) of each unit and quarter, with its outcome, issue codes and times. No e-mail addresses or people's names.",
        [
            Period, UnitCode,
            F("submission_id", DatasetFieldType.String, true, "Id del envío", "Submission id", "The upload's id (derived from its content)."),
            F("status", DatasetFieldType.String, true, "Resultado", "Outcome",
                "Current: the unit's values; Superseded: accepted, replaced by a later upload; Rejected: failed validation; Pending: being processed.",
                SubmissionStatuses),
            F("file_name", DatasetFieldType.String, false, "Archivo", "File name", "The uploaded file's name."),
            F("size_bytes", DatasetFieldType.Integer, true, "Tamaño (bytes)", "Size (bytes)", "The uploaded file's size."),
            F("uploaded_at", DatasetFieldType.DateTime, true, "Subido (UTC)", "Uploaded at (UTC)", "When this content first arrived: what timeliness is judged on."),
            F("last_uploaded_at", DatasetFieldType.DateTime, false, "Último envío (UTC)", "Last uploaded at (UTC)", "When this content last arrived, if it was sent again."),
            F("processed_at", DatasetFieldType.DateTime, false, "Procesado (UTC)", "Processed at (UTC)", "When it was validated."),
            F("row_count", DatasetFieldType.Integer, true, "Filas", "Rows", "Activity rows read from the sheet."),
            F("error_count", DatasetFieldType.Integer, true, "Errores", "Errors", "Errors found (a sheet with any is rejected)."),
            F("warning_count", DatasetFieldType.Integer, true, "Advertencias", "Warnings", "Warnings found."),
            F("issue_codes", DatasetFieldType.String, false, "Códigos", "Issue codes", "The distinct codes of the findings kept with the upload, ';'-separated."),
            F("supersedes", DatasetFieldType.String, false, "Reemplaza a", "Supersedes", "The submission this one replaced as current."),
            F("superseded_by", DatasetFieldType.String, false, "Reemplazado por", "Superseded by", "The submission that replaced this one."),
        ],
        ["period", "unit_code", "submission_id"],
        [new(["unit_code"], "units", ["unit_code"])]);

    public static DatasetTable Units { get; } = new("units", new("Unidades", "Units"),
        "The reporting units: the member countries and the Technical Secretariat, with their membership.",
        [
            F("unit_code", DatasetFieldType.String, true, "Unidad", "Unit", "The unit's code."),
            F("name_es", DatasetFieldType.String, true, "Nombre (español)", "Name (Spanish)", "The unit's name in Spanish."),
            F("name_en", DatasetFieldType.String, true, "Nombre (inglés)", "Name (English)", "The unit's name in English."),
            F("kind", DatasetFieldType.String, true, "Tipo", "Kind", "Country or Secretariat.", Enum.GetNames<ReportingUnitKind>()),
            F("language", DatasetFieldType.String, true, "Idioma", "Language", "The language the unit reports in.", ["es", "en"]),
            F("member_from", DatasetFieldType.String, false, "Miembro desde", "Member from", "The first quarter it is a member in (YYYY-Qn); empty: always."),
            F("member_until", DatasetFieldType.String, false, "Miembro hasta", "Member until", "The last quarter it is a member in (YYYY-Qn); empty: still."),
        ],
        ["unit_code"],
        []);

    public static DatasetTable Activities { get; } = new("activities", new("Actividades del plan", "Plan activities"),
        "The plan catalog: one row per plan, activity and year of the plan, with its place in the plan and what is programmed.",
        [
            PlanId, ActivityCode, Year, AxisCode, StrategicCode, OperationalCode,
            F("label", DatasetFieldType.String, true, "Etiqueta", "Label", "The activity's short label."),
            F("text_es", DatasetFieldType.String, true, "Actividad (español)", "Activity (Spanish)", "What the activity is, in Spanish."),
            F("text_en", DatasetFieldType.String, false, "Actividad (inglés)", "Activity (English)", "What the activity is, in English."),
            F("responsable", DatasetFieldType.String, false, "Responsable", "Responsible", "Who is responsible, as the plan says."),
            F("reporting_level", DatasetFieldType.String, true, "Informa", "Reported by",
                "National: every country; Regional: the Technical Secretariat; Both.", Enum.GetNames<ReportingLevel>()),
            F("indicator_is_count", DatasetFieldType.Boolean, true, "Indicador es un conteo", "Indicator is a count", "True when the indicator is a count (quantity)."),
            Programado,
        ],
        ["plan_id", "activity_code", "year"],
        []);

    public static DatasetTable Coverage { get; } = new("coverage", new("Cobertura por trimestre", "Coverage by quarter"),
        "Per quarter of a plan that has opened: the units expected, those that reported (have an accepted sheet) and those missing — what every figure covers.",
        [
            PlanId, Period, Year, Quarter,
            F("deadline", DatasetFieldType.DateTime, true, "Plazo en la hora de la coalición (UTC)", "Deadline on the coalition's clock (UTC)", "The end of the last day to send on the coalition's clock; each unit's own deadline ends at midnight on its clock (the unit list's time zone)."),
            F("locks_at", DatasetFieldType.DateTime, false, "Cierre (UTC)", "Locks at (UTC)", "When the quarter locks for uploads; empty when quarters never lock."),
            F("units_expected", DatasetFieldType.Integer, true, "Unidades esperadas", "Units expected", "Members that report some activity of the plan."),
            F("units_reported", DatasetFieldType.Integer, true, "Unidades que informaron", "Units reported", "Expected units with a current accepted sheet."),
            F("units_missing", DatasetFieldType.Integer, true, "Unidades que faltan", "Units missing", "Expected units without one: nothing of theirs is in the figures."),
            F("missing_units", DatasetFieldType.String, false, "Faltan", "Missing units", "The missing units' codes, ';'-separated."),
            F("units_on_time", DatasetFieldType.Integer, true, "A tiempo", "On time", "Units whose first accepted sheet arrived before the deadline."),
            F("units_late", DatasetFieldType.Integer, true, "Tarde", "Late", "Units whose first accepted sheet arrived at or after it."),
            F("units_rejected_only", DatasetFieldType.Integer, true, "Solo rechazadas", "Rejected only", "Units whose every upload was rejected."),
            F("units_after_reopening", DatasetFieldType.Integer, true, "Tras reapertura", "After a reopening", "Reported units whose sheet came in after the quarter locked."),
        ],
        ["plan_id", "period"],
        []);

    /// <summary>The tables in the order they are written and described.</summary>
    public static IReadOnlyList<DatasetTable> Tables { get; } = [Progress, Submissions, Units, Activities, Coverage];

    public static DatasetTable? Find(string name) => Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
