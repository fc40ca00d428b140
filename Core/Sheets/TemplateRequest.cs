using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Requests;

namespace ServerlessPlan.Core.Sheets;

/// <summary>A checked request for a template: the one place the CLI and the HTTP function turn raw words into one.</summary>
public sealed record TemplateRequest(ReportingUnit Unit, ReportingPeriod Period, Language Language)
{
    /// <param name="language">Null or blank for the unit's own language.</param>
    /// <exception cref="TemplateRequestException">
    /// A word is unknown or malformed, no plan in force covers the period, or the unit is not a member then.
    /// </exception>
    public static TemplateRequest Resolve(ReportingUnits units, PlanRegistry plans, string? unit, string? period, string? language)
    {
        ArgumentNullException.ThrowIfNull(plans);

        if (!RequestWords.TryUnit(units, unit, out var found, out var error)
            || !RequestWords.TryPeriod(period, out var parsed, out error))
        {
            throw new TemplateRequestException(error);
        }

        PlanFor(plans, found, parsed);

        Language? asked = null;
        if (!string.IsNullOrWhiteSpace(language))
        {
            if (!RequestWords.TryLanguage(language, out var parsedLanguage, out error)) throw new TemplateRequestException(error);
            asked = parsedLanguage;
        }

        return new TemplateRequest(found, parsed, LanguageChoice.For(asked, found.Language));
    }

    /// <summary>The plan a template of <paramref name="unit"/> for <paramref name="period"/> is written from.</summary>
    /// <exception cref="TemplateRequestException">No plan in force covers the period, or the unit is not a member then.</exception>
    public static PlanCatalog PlanFor(PlanRegistry plans, ReportingUnit unit, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (RequestWords.OutsidePlan(plans, period) is { } outside) throw new TemplateRequestException(outside);
        if (RequestWords.NotMember(unit, period) is { } notMember) throw new TemplateRequestException(notMember);
        return plans.For(period);
    }
}
