using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the verdict on an upload (the quarter page without script, the script's live answer).</summary>
public static class VerdictTexts
{
    public static readonly LocalizedText CouldNotCheck = new("No se pudo comprobar el archivo", "The file could not be checked");
    public static readonly LocalizedText ThereIsAProblem = new("Hay un problema", "There is a problem");
    public static readonly LocalizedText ChooseTheFile = new("Elija el archivo del informe (.xlsx) antes de enviarlo.", "Choose the report file (.xlsx) before sending it.");
    public static readonly LocalizedText DownloadReviewedCopy = new("Descargar la copia revisada (.xlsx)", "Download the reviewed copy (.xlsx)");
    public static readonly LocalizedText ReviewedCopyHint = new(
        "Es su archivo con cada problema marcado en su celda y explicado en un comentario.",
        "It is your file with each problem marked on its cell and explained in a comment.");
    public static readonly LocalizedText FixAndSendAgain = new(
        "Corrija cada problema en su archivo y vuelva a enviarlo. Nada de este archivo se registró.",
        "Fix each problem in your file and send it again. Nothing from this file was recorded.");
    public static readonly LocalizedText SameAsCurrent = new("Es igual a su informe vigente: no cambió nada.", "It is the same as your current report: nothing changed.");
    public static readonly LocalizedText BeingRecorded = new("Enviado. Se está registrando; esta página dirá cuando quede registrado.", "Sent. It is being recorded; this page will say when it is.");
    public static readonly LocalizedText SeeStatus = new("Ver el estado del envío", "See the submission's status");
    public static readonly LocalizedText Accepted = new("Informe aceptado", "Report accepted");

    public static LocalizedText TooLarge(LocalizedText size) => new(
        $"El archivo pesa más de {size.Es}. Envíe la plantilla del trimestre sin imágenes ni hojas añadidas.",
        $"The file is larger than {size.En}. Send the quarter's template without pictures or added sheets.");

    public static LocalizedText MoreInTheTable(int count) => new($"y {count} más en la tabla", $"and {count} more in the table");

    public static LocalizedText Errors(int count) => count == 1 ? new("1 error", "1 error") : new($"{count} errores", $"{count} errors");

    public static LocalizedText Warnings(int count) => count == 1 ? new("1 advertencia", "1 warning") : new($"{count} advertencias", $"{count} warnings");

    public static LocalizedText NotAccepted(int errors) =>
        new($"No se aceptó el informe: {Errors(errors).Es}", $"The report was not accepted: {Errors(errors).En}");

    public static LocalizedText FixTheErrors(int errors) => errors == 1
        ? new("El archivo tiene 1 error: corríjalo y envíelo otra vez.", "The file has 1 error: fix it and send it again.")
        : new($"El archivo tiene {errors} errores: corríjalos y envíelo otra vez.", $"The file has {errors} errors: fix them and send it again.");

    public static LocalizedText ErrorTitle(string title) => new($"Error: {title}", $"Error: {title}");

    public static readonly LocalizedText ErrorPrefix = new("Error:", "Error:");

    public static LocalizedText CheckWarnings(int warnings) => new(
        $"Tiene {Warnings(warnings).Es}: revíselas; no impiden el registro.",
        $"It has {Warnings(warnings).En}: check them; they do not stop it being recorded.");
}
