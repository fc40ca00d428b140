using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The words of a stored report's verdict page and of the links to it on a unit's quarter page: the name a file was
/// sent under, its counts written for their number, and the links, each named after its file.
/// </summary>
public static class StoredVerdictTexts
{
    public static readonly LocalizedText NoSuchUpload = new("No hay un envío con ese identificador en este trimestre.", "There is no upload with that id in this quarter.");
    public static readonly LocalizedText NoSuchCheck = new("No hay una comprobación con ese nombre en este trimestre.", "There is no check with that name in this quarter.");
    public static readonly LocalizedText SentName = new("Nombre con que se envió", "Name it was sent under");
    public static readonly LocalizedText StoredName = new("Guardado como", "Stored as");
    public static readonly LocalizedText Received = new("Recibido", "Received");
    public static readonly LocalizedText Checked = new("Comprobado", "Checked");
    public static readonly LocalizedText Result = new("Resultado", "Result");
    public static readonly LocalizedText Findings = new("Hallazgos", "Findings");
    public static readonly LocalizedText Files = new("Archivos", "Files");
    public static readonly LocalizedText RefusedByThePortal = new("Rechazado en el portal (no se envió)", "Refused by the portal (not sent)");
    public static readonly LocalizedText NoFindings = new("La comprobación no encontró nada que corregir.", "The check found nothing to fix.");
    public static readonly LocalizedText StillChecking = new(
        "Este archivo todavía se está comprobando: vuelva a cargar la página en unos segundos.", "This file is still being checked: reload the page in a few seconds.");
    public static readonly LocalizedText NothingLeft = new(
        "El informe de esta comprobación ya no se guarda; quedan sus cuentas.", "This check's report is no longer kept; its counts remain.");
    public static readonly LocalizedText ReplacedByLater = new(
        "El informe completo de este archivo ya no está: lo reemplazó el de un archivo posterior guardado con el mismo nombre. Abajo, lo que se guardó con este envío (sus errores si fue rechazado, sus advertencias si fue aceptado).",
        "This file's full report is gone: a later file stored under the same name replaced it. Below, what was kept with this upload (its errors if it was rejected, its warnings if it was accepted).");
    public static readonly LocalizedText JsonHint = new(
        "El informe en JSON es el mismo que devuelve la API de validación, para programas.", "The JSON report is the one the validation API returns, for programs.");
    public static readonly LocalizedText BackToQuarter = new("Volver al trimestre", "Back to the quarter");

    /// <summary>Said beside a stored name shown because the sent one is unknown: an entry kept before it was recorded.</summary>
    public static readonly LocalizedText StoredNameOnly = new(
        "nombre con que se guardó: el nombre enviado no se registraba entonces", "the name it was stored under: the name it was sent under was not recorded then");

    /// <summary>The page's title and heading: "Resultado de «informe GT.xlsx»".</summary>
    public static LocalizedText Title(string name) => new($"Resultado de «{name}»", $"Result of \"{name}\"");

    /// <summary>"1 error" / "3 errores": a count written for its number.</summary>
    public static LocalizedText Errors(int count) => new(Counted.Of(count, "error", "errores"), Counted.Of(count, "error", "errors"));

    /// <summary>"1 advertencia" / "3 advertencias".</summary>
    public static LocalizedText Warnings(int count) => new(Counted.Of(count, "advertencia", "advertencias"), Counted.Of(count, "warning", "warnings"));

    // The links, each named after its file and when it came ("… de «informe.xlsx», recibido el …"), so no two on a page
    // share a name: the visible words first, the file after them (visually hidden where the row already shows it).

    public static readonly LocalizedText SeeResult = new("Ver el resultado", "See the result");
    public static readonly LocalizedText Original = new("original", "original");
    public static readonly LocalizedText ReviewedCopy = new("copia revisada", "reviewed copy");
    public static readonly LocalizedText Json = new("JSON", "JSON");
    public static readonly LocalizedText DownloadOriginal = new("Descargar el original", "Download the original");
    public static readonly LocalizedText DownloadReviewedCopy = new("Descargar la copia revisada", "Download the reviewed copy");
    public static readonly LocalizedText DownloadJson = new("Descargar el informe en JSON", "Download the JSON report");

    /// <summary>What follows a link's visible words: " de «informe.xlsx», recibido el 20 de octubre de 2021, 06:00 (hora de Guatemala, UTC−6)".</summary>
    public static LocalizedText OfFile(string name, LocalizedText when) =>
        new($" de «{name}», recibido el {when.Es}", $" of \"{name}\", received on {when.En}");

    /// <summary>What follows a link's visible words on the verdict page itself, where one file is shown: " de «informe.xlsx»".</summary>
    public static LocalizedText OfFile(string name) => new($" de «{name}»", $" of \"{name}\"");
}
