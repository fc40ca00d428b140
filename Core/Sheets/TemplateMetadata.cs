using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// What a template was generated for, stored as key/value rows in the very hidden
/// <see cref="TemplateLayout.MetadataSheet"/> so an upload can be matched to its plan, unit, period and row set.
/// </summary>
/// <param name="ActivityFingerprint">
/// <see cref="Sheets.ActivityFingerprint.Compute"/> of the unit's activities when the template was made: a different
/// value on upload means the plan's rows changed since (an old template).
/// </param>
public sealed record TemplateMetadata(
    string TemplateVersion,
    string PlanId,
    string UnitCode,
    ReportingPeriod Period,
    Language Language,
    string ActivityFingerprint)
{
    /// <summary>The rows of the metadata sheet, keyed by <see cref="TemplateLayout.MetadataKeys"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToPairs() =>
    [
        new(TemplateLayout.MetaTemplateVersion, TemplateVersion),
        new(TemplateLayout.MetaPlanId, PlanId),
        new(TemplateLayout.MetaUnitCode, UnitCode),
        new(TemplateLayout.MetaPeriod, Period.ToString()),
        new(TemplateLayout.MetaLanguage, Language.ToCode()),
        new(TemplateLayout.MetaActivityFingerprint, ActivityFingerprint),
    ];

    /// <summary>Null when a key is missing or a value does not parse; the caller keeps the raw pairs to explain why.</summary>
    public static TemplateMetadata? TryFrom(IReadOnlyDictionary<string, string> pairs)
    {
        string? Get(string key) => pairs.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        if (Get(TemplateLayout.MetaTemplateVersion) is not { } version
            || Get(TemplateLayout.MetaPlanId) is not { } plan
            || Get(TemplateLayout.MetaUnitCode) is not { } unit
            || !ReportingPeriod.TryParse(Get(TemplateLayout.MetaPeriod), out var period)
            || !LanguageCodes.TryParse(Get(TemplateLayout.MetaLanguage), out var language)
            || Get(TemplateLayout.MetaActivityFingerprint) is not { } fingerprint)
        {
            return null;
        }

        return new TemplateMetadata(version, plan, unit, period, language, fingerprint);
    }
}
