using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <param name="Text">The objective in Spanish; <see cref="EnglishText"/> in English.</param>
public sealed record OperationalObjective(string Code, string Label, string Text, IReadOnlyList<PlanActivity> Activities)
{
    /// <summary>Always set by the loader; only a catalog built in code may lack it (see <see cref="PlanActivity.English"/>).</summary>
    public string? EnglishText { get; init; }

    public string TextIn(Language language) => ObjectiveText.In(Code, Text, EnglishText, language);
}

internal static class ObjectiveText
{
    public static string In(string code, string spanish, string? english, Language language) => language == Language.Es
        ? spanish
        : english ?? throw new InvalidOperationException($"Objective {code} has no English text: the plan was built without it.");
}
