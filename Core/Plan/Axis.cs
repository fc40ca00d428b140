using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>An axis (<i>eje</i>) of the plan: Prevención, Atención Integral, Persecución, Fortalecimiento Institucional.</summary>
public sealed record Axis(string Code, LocalizedText Name, IReadOnlyList<StrategicObjective> StrategicObjectives);
