using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>Findings about where and when an upload was put, and who is told about it.</summary>
public static class IngestionIssues
{
    /// <summary>{0} the blob path found.</summary>
    public static readonly IssueType UploadPathInvalid = new("UPLOAD_PATH_INVALID", IssueSeverity.Error,
        "El archivo «{0}» no está en una carpeta válida. Súbalo como uploads/{{unidad}}/{{período}}/{{archivo}}.xlsx, por ejemplo uploads/GT/2021-Q3/informe.xlsx.",
        "File «{0}» is not in a valid folder. Upload it as uploads/{{unit}}/{{period}}/{{file}}.xlsx, e.g. uploads/GT/2021-Q3/report.xlsx.");

    /// <summary>{0} the period, {1} the date it opens (yyyy-MM-dd, UTC).</summary>
    public static readonly IssueType QuarterNotStarted = new("QUARTER_NOT_STARTED", IssueSeverity.Error,
        "El período {0} todavía no ha comenzado: se abre el {1}. Suba el informe de {0} a partir de esa fecha.",
        "Period {0} has not started yet: it opens on {1}. Upload the report for {0} from that date on.");

    /// <summary>{0} the period, {1} the unit code, {2} the day it locked (worded), {3} whom to ask (the ST and its addresses).</summary>
    public static readonly IssueType PeriodLocked = new("PERIOD_LOCKED", IssueSeverity.Error,
        "El período {0} está cerrado para los informes de {1} desde el {2}: ya no se aceptan y las cifras enviadas no cambian. Si necesita enviar este informe, pida a {3} que reabra el período para {1}.",
        "Period {0} is locked for reports of {1} since {2}: they are no longer accepted and the figures already sent do not change. If you need to send this report, ask {3} to reopen the period for {1}.");

    /// <summary>{0} the e-mail in the sheet, {1} the unit code, {2} who was informed instead.</summary>
    public static readonly IssueType FocalEmailNotRegistered = new("FOCAL_EMAIL_NOT_REGISTERED", IssueSeverity.Warning,
        "El correo «{0}» no está registrado como contacto de {1}, así que no recibe nada: el resultado se envió a {2}. Para registrar un contacto, escriba a la Secretaría Técnica.",
        "The e-mail «{0}» is not registered as a contact of {1}, so it receives nothing: the result was sent to {2}. To register a contact, write to the Technical Secretariat.");
}
