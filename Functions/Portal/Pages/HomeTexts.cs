using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the start page.</summary>
public static class HomeTexts
{
    public static readonly LocalizedText Title = new("Informes trimestrales del plan operativo regional", "Quarterly reports of the regional operational plan");
    public static readonly LocalizedText Lead = new(
        "Aquí los puntos focales envían el informe trimestral de su unidad y ven el resultado al instante; la Presidencia, la Secretaría Técnica y los analistas siguen el cumplimiento y el avance regional.",
        "Here focal points send their unit's quarterly report and see the result at once; the Presidency, the Technical Secretariat and analysts follow completeness and regional progress.");
    public static readonly LocalizedText SignInWith = new(
        "Entre con la cuenta de su institución que la Secretaría Técnica registró.",
        "Sign in with the account of your institution that the Technical Secretariat registered.");
    public static readonly LocalizedText SignIn = new("Iniciar sesión", "Sign in");
    public static readonly LocalizedText NoRole = new(
        "Su cuenta todavía no tiene un rol en el portal. Pida a la Secretaría Técnica que le asigne el rol de su unidad (por ejemplo Unit.GT) o el de lectura de la coalición.",
        "Your account has no role in the portal yet. Ask the Technical Secretariat to assign you your unit's role (for example Unit.GT) or the coalition's reader role.");
    public static readonly LocalizedText YourUnits = new("Sus unidades", "Your units");
    public static readonly LocalizedText WriteTo = new("Escriba a la Secretaría Técnica:", "Write to the Technical Secretariat:");

    /// <summary>"El 3.er trimestre de 2021 en la coalición": the reader's dashboard heading.</summary>
    public static LocalizedText Dashboard(LocalizedText quarter) => new($"Coalición: {quarter.Es}", $"Coalition: {quarter.En}");

    public static readonly LocalizedText Board = new("Cumplimiento de cada unidad", "Each unit's completeness");
    public static readonly LocalizedText Progress = new("Avance regional", "Regional progress");
    public static readonly LocalizedText Digest = new("Resumen para la Presidencia", "Presidency digest");
    public static readonly LocalizedText Workbook = new("Descargar el libro consolidado (.xlsx)", "Download the merged workbook (.xlsx)");
    public static readonly LocalizedText Trends = new("Tendencias", "Trends");
    public static readonly LocalizedText EachUnit = new("Páginas de cada unidad", "Each unit's pages");
}
