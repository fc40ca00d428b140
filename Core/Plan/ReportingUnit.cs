using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>Who files a quarterly sheet: a member country (ISO code) or the Secretaría Técnica (<c>ST</c>).</summary>
public sealed record ReportingUnit(string Code, LocalizedText Name, Language Language, ReportingUnitKind Kind)
{
    public bool Reports(PlanActivity activity) => activity.Reporting switch
    {
        ReportingLevel.National => Kind == ReportingUnitKind.Country,
        ReportingLevel.Regional => Kind == ReportingUnitKind.Secretariat,
        _ => true,
    };
}
