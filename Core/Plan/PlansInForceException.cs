namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The plans in force cannot be served (<see cref="PlanRegistry.ProblemsOf"/>): plans whose years overlap, a published
/// plan that cannot be read, no default plan. Every problem is listed; <c>serverlessplan plan list</c> shows the same.
/// </summary>
public sealed class PlansInForceException(IReadOnlyList<string> problems)
    : Exception($"The plans in force cannot be served ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
                + string.Concat(problems.Select(p => Environment.NewLine + "- " + p))
                + Environment.NewLine + "Run 'serverlessplan plan list' to see the plans in force (docs/plan-catalog.md).")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
