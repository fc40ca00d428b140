using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of a unit's quarter page.</summary>
public static class UnitPeriodTexts
{
    public static readonly LocalizedText Home = new("Inicio", "Home");
    public static readonly LocalizedText Status = new("Estado", "Status");
    public static readonly LocalizedText QuarterLock = new("Cierre del trimestre", "Quarter lock");
    public static readonly LocalizedText RemindersReceived = new("Recordatorios recibidos", "Reminders received");
    public static readonly LocalizedText Plan = new("Plan", "Plan");
    public static readonly LocalizedText CurrentReport = new("Informe vigente", "Current report");
    public static readonly LocalizedText NoneYet = new("ninguno todavía", "none yet");
    public static readonly LocalizedText SentOn = new("enviado el", "sent on");
    public static readonly LocalizedText Template = new("Plantilla", "Template");
    public static readonly LocalizedText YourSubmission = new("Su envío", "Your submission");
    public static readonly LocalizedText Refresh = new("Actualizar", "Refresh");
    public static readonly LocalizedText SendTheReport = new("Enviar el informe", "Send the report");
    public static readonly LocalizedText OnlyFocalPoints = new("Solo los puntos focales de la unidad pueden enviar su informe.", "Only the unit's focal points can send its report.");
    public static readonly LocalizedText Checking = new("Comprobando el archivo…", "Checking the file…");
    public static readonly LocalizedText ReportFile = new("Archivo del informe (.xlsx)", "Report file (.xlsx)");
    public static readonly LocalizedText DropHint = new("También puede arrastrar el archivo y soltarlo aquí.", "You can also drag the file and drop it here.");
    public static readonly LocalizedText SendAgain = new("Enviar otra vez", "Send again");
    public static readonly LocalizedText CheckAndSend = new("Comprobar y enviar", "Check and send");
    public static readonly LocalizedText UploadHistory = new("Historial de envíos", "Upload history");
    public static readonly LocalizedText NoUploadYet = new("Todavía no hay envíos para este trimestre.", "There are no uploads for this quarter yet.");
    public static readonly LocalizedText HistoryCaption = new("Cada archivo recibido para este trimestre, el más reciente primero", "Every file received for this quarter, newest first");
    public static readonly LocalizedText Received = new("Recibido", "Received");
    public static readonly LocalizedText File = new("Archivo", "File");
    public static readonly LocalizedText SentBy = new("Enviado por", "Sent by");
    public static readonly LocalizedText Result = new("Resultado", "Result");
    public static readonly LocalizedText Errors = new("Errores", "Errors");
    public static readonly LocalizedText Warnings = new("Advertencias", "Warnings");
    public static readonly LocalizedText Files = new("Archivos", "Files");
    public static readonly LocalizedText DeclaredByWriter = new(
        "declarado por quien escribió el archivo, no registrado por el portal", "declared by the file's writer, not recorded by the portal");
    public static readonly LocalizedText RefusedHeading = new("Archivos rechazados en el portal", "Files refused by the portal");
    public static readonly LocalizedText RefusedCaption = new("Cada archivo que el portal rechazó en este trimestre, el más reciente primero", "Every file the portal refused for this quarter, newest first");
    public static readonly LocalizedText Dates = new("Plazo y cierre", "Deadline and lock");
    public static readonly LocalizedText RefusedLead = new(
        "Estos archivos tenían errores y no se enviaron; sus resultados siguen disponibles.", "These files had errors and were not sent; their results are still available.");

    public static LocalizedText DownloadTemplate(ReportingPeriod period) =>
        new($"Descargar la plantilla del {period.Label(Language.Es)} (.xlsx)", $"Download the template of the {period.Label(Language.En)} (.xlsx)");

    public static LocalizedText OpensOn(LocalizedText day) => new(
        $"Este trimestre abre el {day.Es}: desde entonces se puede enviar su informe.",
        $"This quarter opens on {day.En}: its report can be sent from then on.");

    public static LocalizedText FormAppearsWhenReopened(string unit) => new(
        $"Cuando la Secretaría Técnica lo reabra para {unit}, el formulario para enviar aparece aquí.",
        $"When the Technical Secretariat reopens it for {unit}, the form to send appears here.");

    public static LocalizedText FileHint(ReportingPeriod period, LocalizedText size) => new(
        $"La plantilla del {period.Label(Language.Es)} llena. Tamaño máximo {size.Es}. Se comprueba al enviarla: verá el resultado en unos segundos.",
        $"The template of the {period.Label(Language.En)}, filled in. At most {size.En}. It is checked when you send it: you will see the result in a few seconds.");
}
