using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Cli;
using ServerlessPlan.Tests.Support;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Integration.Operations;

/// <summary>
/// The three places a failure must show, read as operators read them: <c>serverlessplan status --json</c>, the
/// operations page (through the real server, as an administrator, parsed as HTML), and the telemetry an alert of
/// infra/app/alerts.bicep reads (its query's metric and codes taken from the compiled template).
/// </summary>
internal static class FailureWitnesses
{
    public const string Admin = "Ana Pérez (ST)";

    /// <summary>Every unit's registered contact, as <see cref="IngestionHost"/> registers them, so the CLI and the portal tell the same people.</summary>
    public static Dictionary<string, string?> Contacts()
    {
        var settings = new Dictionary<string, string?> { ["Contacts:SecretariatCopy"] = IngestionHost.SecretariatCopy };
        foreach (var unit in RealPlan.Units.All) settings[$"Contacts:Units:{unit.Code}"] = FilledSheet.FocalEmailOf(unit.Code);
        return settings;
    }

    /// <summary>The CLI on <paramref name="storage"/> at <paramref name="clock"/>'s instant: its exit code and output.</summary>
    public static async Task<(int Code, string Out)> CliAsync(TestStorage storage, TimeProvider clock, string outbox, params string[] args)
    {
        var settings = storage.Settings();
        settings["Mail:OutboxDirectory"] = outbox;
        foreach (var (key, value) in Contacts()) settings[key] = value;
        var stdout = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, new StringWriter(), settings,
            services => services.Replace(ServiceDescriptor.Singleton(clock)));
        return (code, stdout.ToString());
    }

    /// <summary>The attention items of <c>status --json</c>, as (code, subject), and its exit code.</summary>
    public static async Task<(int Code, IReadOnlyList<(string Code, string Subject)> Attention)> StatusAsync(TestStorage storage, TimeProvider clock, string outbox)
    {
        var (code, stdout) = await CliAsync(storage, clock, outbox, "status", "--json");
        using var json = JsonDocument.Parse(stdout);
        return (code, [.. json.RootElement.GetProperty("attention").EnumerateArray()
            .Select(a => (a.GetProperty("code").GetString()!, a.GetProperty("subject").GetString()!))]);
    }

    /// <summary>The codes the operations page lists as needing attention, for an administrator.</summary>
    public static async Task<IReadOnlyList<string>> PageCodesAsync(PortalHost portal)
    {
        using var admin = portal.As(Admin, "Coalition.Admin", "Coalition.Reader");
        var html = await admin.GetStringAsync("coalition/operations");
        using var document = new HtmlParser().ParseDocument(html);
        return [.. document.QuerySelectorAll("[data-status=attention] li strong").Select(s => s.TextContent.Trim())];
    }

    /// <summary>The operations page's digest table, a row per slot as cell texts (slot, quarter, state, sent, error).</summary>
    public static async Task<IReadOnlyList<string[]>> DigestRowsAsync(PortalHost portal)
    {
        using var admin = portal.As(Admin, "Coalition.Admin", "Coalition.Reader");
        var html = await admin.GetStringAsync("coalition/operations");
        using var document = new HtmlParser().ParseDocument(html);
        // The first table after the section's heading (sections are siblings in the page's main column).
        var table = document.QuerySelector("#digests ~ .table-wrap table");
        return table is null ? [] : [.. table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray())];
    }

    /// <summary>What the alert's query would sum over <paramref name="capture"/>'s points: its metric, filtered on its codes.</summary>
    public static double AlertReads(string alert, TelemetryCapture capture)
    {
        var query = AlertRules.Query(alert);
        var metric = Assert.Single(AlertRules.MetricNames(query));
        var codes = AlertRules.AttentionCodes(query);
        return capture.Points(metric)
            .Where(p => codes.Count == 0 || (p.Tags.TryGetValue("code", out var code) && codes.Contains(code?.ToString() ?? "")))
            .Sum(p => p.Value);
    }

    /// <summary>The alert's threshold and whether <paramref name="value"/> crosses it, as Azure Monitor judges it.</summary>
    public static bool AlertFires(string alert, double value)
    {
        var criterion = AlertRules.Criterion(AlertRules.LogAlerts(AlertRules.Module())[alert]);
        var threshold = (double)criterion["threshold"]!;
        return (string)criterion["operator"]! switch
        {
            "GreaterThan" => value > threshold,
            "LessThan" => value < threshold,
            var op => throw new InvalidOperationException($"operator {op}"),
        };
    }
}
