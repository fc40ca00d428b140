using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Sheets;

/// <summary>A checked request for a template: the one place the CLI and the HTTP function turn raw words into one.</summary>
public sealed record TemplateRequest(ReportingUnit Unit, ReportingPeriod Period, Language Language)
{
    /// <param name="language">Null or blank for the unit's own language.</param>
    /// <exception cref="TemplateRequestException">A word is unknown or malformed, or the year is outside the plan.</exception>
    public static TemplateRequest Resolve(ReportingUnits units, PlanCatalog catalog, string? unit, string? period, string? language)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(catalog);

        var found = units.Find(unit) ?? throw new TemplateRequestException(new(
            $"Unidad desconocida '{unit}'. Unidades válidas: {Codes(units)}.",
            $"Unknown unit '{unit}'. Valid units: {Codes(units)}."));

        if (!ReportingPeriod.TryParse(period, out var parsed))
            throw new TemplateRequestException(new(
                $"Trimestre no válido '{period}': use la forma AAAA-Qn, p. ej. 2021-Q3.",
                $"Invalid period '{period}': use the form YYYY-Qn, e.g. 2021-Q3."));

        EnsureInPlan(catalog, parsed);

        var lang = found.Language;
        if (!string.IsNullOrWhiteSpace(language) && !LanguageCodes.TryParse(language, out lang))
            throw new TemplateRequestException(new(
                $"Idioma no válido '{language}': use es o en.", $"Invalid language '{language}': use es or en."));

        return new TemplateRequest(found, parsed, lang);
    }

    /// <exception cref="TemplateRequestException">The period's year is outside the plan.</exception>
    public static void EnsureInPlan(PlanCatalog catalog, ReportingPeriod period)
    {
        if (!catalog.ContainsYear(period.Year))
            throw new TemplateRequestException(new(
                $"El año {period.Year} está fuera del plan {catalog.Id} ({catalog.FirstYear}–{catalog.LastYear}).",
                $"Year {period.Year} is outside plan {catalog.Id} ({catalog.FirstYear}–{catalog.LastYear})."));
    }

    private static string Codes(ReportingUnits units) => string.Join(", ", units.All.Select(u => u.Code));
}
