using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Plan.Publishing;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>plan list</c>: the plans in force (embedded, <c>Plan__File</c>, published), their years and where each comes
/// from — what the application's <see cref="PlanRegistry"/> serves, read by the same loader. Exit 0; 1 when a problem is
/// listed (a published blob that cannot be loaded, plans whose years overlap, no default plan): exactly the problems
/// that keep the application from starting (<see cref="PlanRegistry.ProblemsOf"/>); 2 when storage cannot be read.
/// </summary>
public sealed class PlanListCommand(PlansInForceLoader loader) : ICliCommand
{
    public string Name => "list";

    public string Usage => "plan list [--json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "json");
        var json = arguments.Switch("json");
        arguments.RejectUnknown(maxPositionals: 0);

        PlansInForce plans;
        try
        {
            plans = await loader.LoadAsync(cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            throw new IOException($"Storage error while reading the published plans: {ex.Status} {ex.ErrorCode}.", ex);
        }

        var problems = PlanRegistry.ProblemsOf(plans);
        if (json) await stdout.WriteLineAsync(JsonSerializer.Serialize(PlanListReport.From(plans, problems), ValidationReport.JsonOptions));
        else await PrintAsync(stdout, plans, problems);
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private static async Task PrintAsync(TextWriter stdout, PlansInForce plans, IReadOnlyList<string> problems)
    {
        await stdout.WriteLineAsync($"{Counted.Of(plans.Plans.Count, "plan", "plans")} in force:");
        foreach (var plan in plans.Plans)
        {
            var published = plan.Published is { } p ? $", published {p.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "";
            var replaces = plan.Replaces is { } r ? $", replaces the {r.ToString().ToLowerInvariant()} plan" : "";
            await stdout.WriteLineAsync(
                $"  {plan.Id,-12} {plan.Catalog.FirstYear}–{plan.Catalog.LastYear}  {plan.Origin.ToString().ToLowerInvariant(),-9} {(plan.IsDefault ? "default" : ""),-7}  "
                + $"{plan.Catalog.Activities.Count} activities  {plan.Location}{published}{replaces}  «{plan.Catalog.Title.Es}»");
        }
        foreach (var problem in problems) await stdout.WriteLineAsync($"  problem: {problem}");
        if (problems.Count > 0) await stdout.WriteLineAsync("  The application refuses to start until these problems are solved (docs/plan-catalog.md).");
    }

    /// <summary><c>plan list --json</c> (README "CLI"): add members, never rename them.</summary>
    private sealed record PlanListReport(
        [property: JsonPropertyName("plans")] IReadOnlyList<PlanListEntry> Plans,
        [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems)
    {
        public static PlanListReport From(PlansInForce plans, IReadOnlyList<string> problems) => new(plans.Plans.Select(PlanListEntry.From).ToList(), problems);
    }

    private sealed record PlanListEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] PlanTitle Title,
        [property: JsonPropertyName("firstYear")] int FirstYear,
        [property: JsonPropertyName("lastYear")] int LastYear,
        [property: JsonPropertyName("activities")] int Activities,
        [property: JsonPropertyName("origin")] string Origin,
        [property: JsonPropertyName("location")] string Location,
        [property: JsonPropertyName("default")] bool Default,
        [property: JsonPropertyName("replaces")] string? Replaces,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("publishedAt")] DateTimeOffset? PublishedAt,
        [property: JsonPropertyName("source")] string? Source)
    {
        public static PlanListEntry From(PlanInForce plan) => new(
            plan.Id, new PlanTitle(plan.Catalog.Title.Es, plan.Catalog.Title.En), plan.Catalog.FirstYear, plan.Catalog.LastYear,
            plan.Catalog.Activities.Count, plan.Origin.ToString().ToLowerInvariant(), plan.Location, plan.IsDefault,
            plan.Replaces?.ToString().ToLowerInvariant(), PlanDocumentWriter.Sha256(plan.Catalog), plan.Published?.PublishedAt, plan.Published?.Source);
    }
}
