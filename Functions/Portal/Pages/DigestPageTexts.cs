using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the page that shows the Presidency's digest as it would be sent now.</summary>
public static class DigestPageTexts
{
    public static LocalizedText Title(LocalizedText quarter) => new($"Resumen para la Presidencia del {quarter.Es}", $"Presidency digest, {quarter.En}");

    public static readonly LocalizedText Nothing = new(
        "No hay informes aceptados de este trimestre: no habría resumen que enviar.",
        "There are no accepted reports for this quarter: there would be no digest to send.");
    public static readonly LocalizedText AsItWouldLook = new(
        "Así se vería el correo si se enviara ahora. Esta página no lo envía.",
        "This is how the e-mail would look if it were sent now. This page does not send it.");
    public static readonly LocalizedText Subject = new("Asunto", "Subject");
    public static readonly LocalizedText Frame = new("Contenido del correo de resumen", "Content of the digest e-mail");
    public static readonly LocalizedText TextVersion = new("Versión de texto del correo", "Text version of the e-mail");
}
