using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>Who files a quarterly sheet: a member country (ISO code) or the Secretaría Técnica (<c>ST</c>).</summary>
public sealed record ReportingUnit(string Code, LocalizedText Name, Language Language, ReportingUnitKind Kind)
{
    /// <summary>The first quarter the unit is a member (a country joining in 2024 has <c>2024-Q1</c>); null: from the start.</summary>
    public ReportingPeriod? From { get; init; }

    /// <summary>The last quarter the unit is a member, inclusive; null: still a member.</summary>
    public ReportingPeriod? Until { get; init; }

    /// <summary>
    /// The unit's clock (the unit list's <c>timeZone</c>): its last day to send, its lock and a reopening's last day end
    /// at midnight here. The ST's is the coalition's (<see cref="ReportingUnits.Coalition"/>). UTC when built in code
    /// without one.
    /// </summary>
    public ReportingZone Zone { get; init; } = ReportingZone.Utc;

    /// <summary>True when the unit is a member in <paramref name="period"/>, so it reports that quarter and counts in its figures.</summary>
    public bool IsMemberIn(ReportingPeriod period) => (From is not { } from || period >= from) && (Until is not { } until || period <= until);

    /// <summary>The unit's membership in words, for messages ("miembro desde el 1.er trimestre de 2024"); "miembro" when it has no dates.</summary>
    public string Membership(Language language) => (From, Until, language) switch
    {
        ({ } from, { } until, Language.En) => $"a member from the {from.Label(language)} to the {until.Label(language)} inclusive",
        ({ } from, { } until, _) => $"miembro del {from.Label(language)} al {until.Label(language)}",
        ({ } from, null, Language.En) => $"a member from the {from.Label(language)}",
        ({ } from, null, _) => $"miembro desde el {from.Label(language)}",
        (null, { } until, Language.En) => $"a member until the {until.Label(language)} inclusive",
        (null, { } until, _) => $"miembro hasta el {until.Label(language)}",
        (_, _, Language.En) => "a member",
        _ => "miembro",
    };

    public bool Reports(PlanActivity activity) => activity.Reporting switch
    {
        ReportingLevel.National => Kind == ReportingUnitKind.Country,
        ReportingLevel.Regional => Kind == ReportingUnitKind.Secretariat,
        _ => true,
    };
}
