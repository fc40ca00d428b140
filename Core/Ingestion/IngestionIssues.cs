using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>Findings about where and when an upload was put, and who is told about it. Each says what to do first.</summary>
public static class IngestionIssues
{
    /// <summary>{0} the blob path found.</summary>
    public static readonly IssueType UploadPathInvalid = new("UPLOAD_PATH_INVALID", IssueSeverity.Error,
        "Suba el archivo como uploads/{{unidad}}/{{período}}/{{archivo}}.xlsx, por ejemplo uploads/GT/2021-Q3/informe.xlsx: «{0}» no está en una carpeta válida.",
        "Upload the file as uploads/{{unit}}/{{period}}/{{file}}.xlsx, for example uploads/GT/2021-Q3/report.xlsx: \"{0}\" is not in a valid folder.");

    /// <summary>{0} the period's label, {1} the day it opens (worded).</summary>
    public static readonly IssueType QuarterNotStarted = new("QUARTER_NOT_STARTED", IssueSeverity.Error,
        "Suba el informe del {0} a partir del {1}, cuando se abre: ese trimestre todavía no ha comenzado.",
        "Upload the report for the {0} from {1} on, when it opens: that quarter has not started yet.");

    /// <summary>{0} the period's label, {1} the unit code, {2} the day it locked (worded), {3} whom to ask (the ST and its addresses).</summary>
    public static readonly IssueType PeriodLocked = new("PERIOD_LOCKED", IssueSeverity.Error,
        "Si necesita enviar este informe, pida a {3} que reabra el {0} para {1}: está cerrado para los informes de {1} desde el {2}, así que ya no se aceptan y las cifras enviadas no cambian.",
        "If you need to send this report, ask {3} to reopen the {0} for {1}: it has been locked for reports of {1} since {2}, so they are no longer accepted and the figures already sent do not change.");

    /// <summary>{0} the e-mail in the sheet, {1} the unit code, {2} who was informed instead.</summary>
    public static readonly IssueType FocalEmailNotRegistered = new("FOCAL_EMAIL_NOT_REGISTERED", IssueSeverity.Warning,
        "Para que «{0}» reciba los resultados, pida a la Secretaría Técnica que lo registre como contacto de {1}: no lo está, así que el resultado se envió a {2}.",
        "For \"{0}\" to receive the results, ask the Technical Secretariat to register it as a contact of {1}: it is not one, so the result was sent to {2}.");
}
