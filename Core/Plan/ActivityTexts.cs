namespace ServerlessPlan.Core.Plan;

/// <summary>The four descriptive texts of an activity in one language, as the plan states them.</summary>
public sealed record ActivityTexts(string Text, string Meta, string Indicador, string Responsable);
