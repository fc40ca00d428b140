namespace ServerlessPlan.Core.Plan;

public sealed record OperationalObjective(string Code, string Label, string Text, IReadOnlyList<PlanActivity> Activities);
