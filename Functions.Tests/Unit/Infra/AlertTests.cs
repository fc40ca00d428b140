using ServerlessPlan.Core.Telemetry;
using System.Reflection;
using System.Text.Json.Nodes;
using ServerlessPlan.Core.Operations;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// infra/app/alerts.bicep, diagnostics.bicep and budget.bicep as the compiled template deploys them: every alert the
/// runbook documents exists, reads exactly the metrics and codes the app emits (<see cref="PlanTelemetry"/>,
/// <see cref="AttentionCodes"/>), has its threshold and window, and tells the operators' action group.
/// </summary>
[Trait(Needs.Trait, Needs.Bicep)]
public sealed class AlertTests
{
    private const string OpsEmail = "operaciones@coalicion.example.org";

    /// <summary>Every log alert: what its query judges, against what, how often over what window.</summary>
    public static TheoryData<string, string, double, string, string> LogAlertCriteria() => new()
    {
        { "ingestion-failures", "GreaterThan", 3, "PT5M", "PT15M" },
        { "poison-or-dead-letter", "GreaterThan", 0, "PT30M", "PT1H" },
        { "uploads-without-verdict", "GreaterThan", 0, "PT30M", "PT1H" },
        { "digest-missed", "GreaterThan", 0, "PT30M", "PT1H" },
        { "reminders-not-run", "LessThan", 1, "PT1H", "P1D" },
        { "mail-failures", "GreaterThan", 0, "PT15M", "PT1H" },
        { "operations-check-silent", "LessThan", 1, "PT30M", "PT2H" },
        { "keyvault-secret-expiry", "GreaterThan", 0, "PT6H", "P1D" },
    };

    /// <summary>What each alert on the app's telemetry reads: one metric, and the attention codes it filters on.</summary>
    public static TheoryData<string, string, string[]> AlertReads() => new()
    {
        { "ingestion-failures", PlanTelemetry.IngestionFailures, [] },
        { "poison-or-dead-letter", PlanTelemetry.OperationsAttention, [AttentionCodes.PoisonMessage, AttentionCodes.DeadLetter] },
        { "uploads-without-verdict", PlanTelemetry.OperationsAttention, [AttentionCodes.UploadWithoutVerdict, AttentionCodes.MailOwed] },
        { "digest-missed", PlanTelemetry.OperationsAttention, [AttentionCodes.DigestMissed, AttentionCodes.DigestFailed] },
        { "reminders-not-run", PlanTelemetry.ReminderRuns, [] },
        { "mail-failures", PlanTelemetry.MailFailures, [] },
        { "operations-check-silent", PlanTelemetry.OperationsChecks, [] },
    };

    [Theory]
    [MemberData(nameof(LogAlertCriteria))]
    public void Each_log_alert_exists_with_its_threshold_and_window_and_tells_the_action_group(string name, string op, double threshold, string frequency, string window)
    {
        var alerts = AlertRules.Module(new JsonObject { ["opsEmail"] = OpsEmail });
        var rule = AlertRules.LogAlerts(alerts)[name];
        var properties = rule["properties"]!;
        var criterion = AlertRules.Criterion(rule);

        Assert.Equal((op, threshold, "value"), ((string)criterion["operator"]!, (double)criterion["threshold"]!, (string)criterion["metricMeasureColumn"]!));
        Assert.Equal((frequency, window), ((string)properties["evaluationFrequency"]!, (string)properties["windowSize"]!));
        Assert.True((bool)properties["enabled"]!);
        Assert.Contains($"docs/operations.md, \"{name}\"", (string)properties["description"]!, StringComparison.Ordinal);
        var group = Assert.Single(properties["actions"]!["actionGroups"]!.AsArray());
        Assert.Contains("Microsoft.Insights/actionGroups", group!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AlertReads))]
    public void Each_query_reads_exactly_a_metric_and_codes_the_app_emits(string name, string metric, string[] codes)
    {
        var query = AlertRules.Query(name);
        var emitted = typeof(PlanTelemetry).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("serverlessplan.", StringComparison.Ordinal)).ToList();
        var knownCodes = typeof(AttentionCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal([metric], AlertRules.MetricNames(query));
        Assert.Contains(metric, emitted);
        Assert.Equal(codes, AlertRules.AttentionCodes(query));
        Assert.All(codes, code => Assert.Contains(code, knownCodes));
        Assert.StartsWith("customMetrics | where name == ", query, StringComparison.Ordinal);
        // The tag the code writes each measurement under; the number is the counter's sum, 0 when nothing was recorded.
        if (codes.Length > 0) Assert.Contains("tostring(customDimensions.code)", query, StringComparison.Ordinal);
        Assert.EndsWith("| summarize value = sum(valueSum) | project value = coalesce(value, 0.0)", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_log_alert_on_the_apps_telemetry_is_one_the_tests_hold_to_the_code()
    {
        var covered = AlertReads().Select(row => (string)row[0]).ToHashSet();
        var onTelemetry = AlertRules.LogAlerts(AlertRules.Module()).Where(a => AlertRules.Criterion(a.Value)["query"]!.GetValue<string>().StartsWith("customMetrics", StringComparison.Ordinal));

        Assert.All(onTelemetry, a => Assert.Contains(a.Key, covered));
        Assert.Equal(LogAlertCriteria().Count, AlertRules.LogAlerts(AlertRules.Module()).Count);
    }

    [Fact]
    public void Key_Vault_expiry_is_read_from_the_vaults_audit_log_in_the_workspace()
    {
        var rule = AlertRules.LogAlerts(AlertRules.Module())["keyvault-secret-expiry"];
        var query = AlertRules.Criterion(rule)["query"]!.GetValue<string>();

        Assert.Contains("ResourceProvider == \"MICROSOFT.KEYVAULT\"", query, StringComparison.Ordinal);
        Assert.Contains("SecretNearExpiryEventGridNotification", query, StringComparison.Ordinal);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", Assert.Single(rule["properties"]!["scopes"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DeliveryAttemptFailCount")]
    [InlineData("DeadLetteredCount")]
    public void Event_Grid_delivery_failures_and_dead_letters_alert_on_the_system_topics_metrics(string metric)
    {
        var rule = Assert.Single(AlertRules.MetricAlerts(AlertRules.Module()), r => (string?)r["properties"]!["criteria"]!["allOf"]![0]!["metricName"] == metric);
        var properties = rule["properties"]!;
        var criterion = properties["criteria"]!["allOf"]![0]!;

        Assert.Equal(("Microsoft.EventGrid/systemTopics", "Total", "GreaterThan", 0.0),
            ((string)criterion["metricNamespace"]!, (string)criterion["timeAggregation"]!, (string)criterion["operator"]!, (double)criterion["threshold"]!));
        Assert.Contains("Microsoft.EventGrid/systemTopics", Assert.Single(properties["scopes"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/actionGroups", (string)Assert.Single(properties["actions"]!.AsArray())!["actionGroupId"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_group_mails_opsEmail_and_has_no_receiver_without_one()
    {
        static JsonArray Receivers(JsonObject? overrides)
        {
            var alerts = AlertRules.Module(overrides);
            var group = Assert.Single(alerts.Resources("Microsoft.Insights/actionGroups"));
            return alerts.Evaluate(group, "properties.emailReceivers")!.AsArray();
        }

        Assert.Equal(OpsEmail, (string)Assert.Single(Receivers(new JsonObject { ["opsEmail"] = OpsEmail }))!["emailAddress"]!);
        Assert.Empty(Receivers(null));
        // azd passes an unset OPS_EMAIL as its placeholder: no receiver, not an invalid address.
        Assert.Empty(Receivers(new JsonObject { ["opsEmail"] = "${OPS_EMAIL}" }));
    }

    [Fact]
    public void Storage_services_the_key_vault_and_the_topic_send_their_logs_to_the_workspace()
    {
        var diagnostics = SampleDeployment.Deploy().Module("diagnostics");
        var settings = diagnostics.Resources("Microsoft.Insights/diagnosticSettings").ToList();
        var scopes = settings.Select(s => (string)s["scope"]!).ToList();

        Assert.Equal(5, settings.Count);
        foreach (var target in new[] { "blobServices", "queueServices", "tableServices", "Microsoft.KeyVault/vaults", "Microsoft.EventGrid/systemTopics" })
            Assert.Contains(scopes, s => s.Contains(target, StringComparison.Ordinal));
        Assert.All(settings, s =>
        {
            Assert.Contains("Microsoft.OperationalInsights/workspaces", SampleDeployment.Text(diagnostics.Evaluate(s, "properties.workspaceId")), StringComparison.Ordinal);
            Assert.Equal("allLogs", (string)diagnostics.Evaluate(s, "properties.logs")![0]!["categoryGroup"]!);
        });
    }

    [Fact]
    public void A_monthly_budget_is_deployed_only_for_an_amount_and_tells_the_action_group()
    {
        var without = SampleDeployment.Deploy();
        var with = SampleDeployment.Deploy(overrides: new JsonObject { ["monthlyBudget"] = 150, ["opsEmail"] = OpsEmail });

        Assert.False(without.IsDeployed(Budget(without)));
        Assert.True(with.IsDeployed(Budget(with)));
        var budget = with.Module("budget");
        var resource = Assert.Single(budget.Resources("Microsoft.Consumption/budgets"));
        Assert.Equal(150, (int)budget.Evaluate(resource, "properties.amount")!);
        Assert.Equal("Monthly", (string)budget.Evaluate(resource, "properties.timeGrain")!);
        var notifications = budget.Evaluate(resource, "properties.notifications")!.AsObject();
        Assert.All(notifications, n => Assert.Equal(OpsEmail, (string)n.Value!["contactEmails"]![0]!));
        Assert.All(notifications, n => Assert.Single(n.Value!["contactGroups"]!.AsArray()));
    }

    [Fact]
    public void azd_passes_opsEmail_and_monthlyBudget()
    {
        var parameters = MainParameters.Load();

        Assert.Equal("${OPS_EMAIL}", MainParameters.Value(parameters, "opsEmail"));
        Assert.Equal("${MONTHLY_BUDGET=0}", MainParameters.Value(parameters, "monthlyBudget"));
    }

    [Fact]
    public void Every_alert_has_its_runbook_entry_saying_what_it_means_how_to_confirm_and_what_to_do()
    {
        var alerts = AlertRules.Module();
        var names = AlertRules.LogAlerts(alerts).Keys
            .Concat(AlertRules.MetricAlerts(alerts).Select(a => ((string)a["properties"]!["description"]!).Split("docs/operations.md, \"")[1].TrimEnd('.', '"')))
            .ToList();
        var runbook = File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "docs", "operations.md"));

        Assert.Equal(LogAlertCriteria().Count + 2, names.Count);
        Assert.All(names, name =>
        {
            var start = runbook.IndexOf($"### `{name}`", StringComparison.Ordinal);
            Assert.True(start >= 0, $"docs/operations.md has no entry for the alert {name}");
            var end = runbook.IndexOf("\n##", start + 1, StringComparison.Ordinal);
            var entry = runbook[start..(end < 0 ? runbook.Length : end)];
            Assert.Contains("**Means**", entry, StringComparison.Ordinal);
            Assert.Contains("**Confirm**", entry, StringComparison.Ordinal);
            Assert.Contains("**Do**", entry, StringComparison.Ordinal);
        });
    }

    private static JsonObject Budget(ArmScope main) =>
        Assert.Single(main.Resources("Microsoft.Resources/deployments"), d => SampleDeployment.Text(main.Evaluate(d["name"])) == "budget");
}
