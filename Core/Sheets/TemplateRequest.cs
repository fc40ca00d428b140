using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Requests;

namespace ServerlessPlan.Core.Sheets;

/// <summary>A checked request for a template: the one place the CLI and the HTTP function turn raw words into one.</summary>
public sealed record TemplateRequest(ReportingUnit Unit, ReportingPeriod Period, Language Language)
{
    /// <param name="language">Null or blank for the unit's own language.</param>
    /// <exception cref="TemplateRequestException">A word is unknown or malformed, or the year is outside the plan.</exception>
    public static TemplateRequest Resolve(ReportingUnits units, PlanCatalog catalog, string? unit, string? period, string? language)
    {
        ArgumentNullException.ThrowIfNull(catalog);

        if (!RequestWords.TryUnit(units, unit, out var found, out var error)
            || !RequestWords.TryPeriod(period, out var parsed, out error))
        {
            throw new TemplateRequestException(error);
        }

        EnsureInPlan(catalog, parsed);

        var lang = found.Language;
        if (!string.IsNullOrWhiteSpace(language) && !RequestWords.TryLanguage(language, out lang, out error))
            throw new TemplateRequestException(error);

        return new TemplateRequest(found, parsed, lang);
    }

    /// <exception cref="TemplateRequestException">The period's year is outside the plan.</exception>
    public static void EnsureInPlan(PlanCatalog catalog, ReportingPeriod period)
    {
        if (RequestWords.OutsidePlan(catalog, period) is { } error)
            throw new TemplateRequestException(error);
    }
}
