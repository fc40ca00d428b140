using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <param name="Text">The objective in Spanish; <see cref="EnglishText"/> in English.</param>
public sealed record StrategicObjective(string Code, string Label, string Text, IReadOnlyList<OperationalObjective> OperationalObjectives)
{
    /// <summary>Always set by the loader; only a catalog built in code may lack it (see <see cref="PlanActivity.English"/>).</summary>
    public string? EnglishText { get; init; }

    public string TextIn(Language language) => ObjectiveText.In(Code, Text, EnglishText, language);
}
