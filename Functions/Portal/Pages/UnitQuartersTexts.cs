using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of a unit's list of quarters.</summary>
public static class UnitQuartersTexts
{
    public static readonly LocalizedText Title = new("Sus informes trimestrales", "Your quarterly reports");
    public static readonly LocalizedText Home = new("Inicio", "Home");
    public static readonly LocalizedText NoQuarter = new("Todavía no hay trimestres abiertos para su unidad.", "No quarter is open for your unit yet.");

    /// <param name="plans">The plans in force for the quarters listed, by title.</param>
    public static LocalizedText Lead(LocalizedText plans) => new(
        $"Cada trimestre se informa con la plantilla de ese trimestre, del plan vigente para él ({plans.Es}). Abra un trimestre para descargar su plantilla, enviar el informe y ver el resultado.",
        $"Each quarter is reported with that quarter's template, from the plan in force for it ({plans.En}). Open a quarter to download its template, send the report and see the result.");

    public static LocalizedText OpensOn(LocalizedText day) => new($"Abre el {day.Es}", $"Opens on {day.En}");

    public static LocalizedText CurrentSentOn(LocalizedText at) => new($"Informe vigente enviado el {at.Es}", $"Current report sent on {at.En}");
}
