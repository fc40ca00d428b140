namespace ServerlessPlan.Core.Plan;

public sealed record StrategicObjective(string Code, string Label, string Text, IReadOnlyList<OperationalObjective> OperationalObjectives);
