using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The alerts infra/app/alerts.bicep deploys, read from the compiled template as ARM would deploy them: each log
/// alert's query and criteria, each metric alert's metric, and what a query reads of the app's telemetry (the metric
/// names and attention codes it filters on), so tests hold the queries to what the code emits.
/// </summary>
internal static partial class AlertRules
{
    public static ArmScope Module(JsonObject? overrides = null) => SampleDeployment.Deploy(overrides: overrides).Module("alerts");

    /// <summary>Every log alert (scheduled query rule) by its display name, evaluated.</summary>
    public static IReadOnlyDictionary<string, JsonObject> LogAlerts(ArmScope alerts) =>
        Evaluated(alerts, "Microsoft.Insights/scheduledQueryRules").ToDictionary(r => (string)r["properties"]!["displayName"]!, r => r);

    /// <summary>Every metric alert, evaluated.</summary>
    public static IReadOnlyList<JsonObject> MetricAlerts(ArmScope alerts) => [.. Evaluated(alerts, "Microsoft.Insights/metricAlerts")];

    /// <summary>The KQL of the log alert <paramref name="name"/> (the sample deployment's).</summary>
    public static string Query(string name) => Criterion(LogAlerts(Module())[name])["query"]!.GetValue<string>();

    public static JsonObject Criterion(JsonObject rule) => Assert.Single(rule["properties"]!["criteria"]!["allOf"]!.AsArray())!.AsObject();

    /// <summary>The metric names a query reads (<c>name == "…"</c>).</summary>
    public static IReadOnlyList<string> MetricNames(string query) => [.. MetricName().Matches(query).Select(m => m.Groups[1].Value)];

    /// <summary>The attention codes a query filters on (<c>customDimensions.code) == "…"</c> or <c>in ("…", "…")</c>).</summary>
    public static IReadOnlyList<string> AttentionCodes(string query)
    {
        var filter = CodeFilter().Match(query);
        return filter.Success ? [.. Quoted().Matches(filter.Groups[1].Value).Select(m => m.Groups[1].Value)] : [];
    }

    private static IEnumerable<JsonObject> Evaluated(ArmScope scope, string type)
    {
        foreach (var resource in scope.Resources(type).Where(scope.IsDeployed))
        {
            if (resource["copy"] is JsonObject copy)
            {
                var count = (int)scope.Evaluate(copy["count"])!.GetValue<long>();
                for (var i = 0; i < count; i++) yield return scope.WithCopyIndex(i).Evaluate(resource)!.AsObject();
            }
            else
            {
                yield return scope.Evaluate(resource)!.AsObject();
            }
        }
    }

    [GeneratedRegex(@"\bname == ""([^""]+)""")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"customDimensions\.code\)\s*(?:==|in)\s*(\(?""[^|]*)")]
    private static partial Regex CodeFilter();

    [GeneratedRegex(@"""([A-Z_]+)""")]
    private static partial Regex Quoted();
}
