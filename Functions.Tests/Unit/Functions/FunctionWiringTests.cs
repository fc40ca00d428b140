using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Functions;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Unit.Functions;

/// <summary>
/// The functions as the host will see them: read from the <c>functions.metadata</c> the worker SDK generates into the
/// build output (the Functions host itself cannot run here), and each trigger class resolvable from the app's
/// composition root.
/// </summary>
public sealed class FunctionWiringTests
{
    private static JsonObject Binding(string function, string type)
    {
        var entry = FunctionsMetadata.Load().Single(f => (string?)f!["name"] == function)!;
        Assert.Equal("dotnet-isolated", (string?)entry["language"]);
        return (JsonObject)Assert.Single(entry["bindings"]!.AsArray(), b => (string?)b!["type"] == type)!;
    }

    [Fact]
    public void IngestUpload_is_an_Event_Grid_blob_trigger_on_uploads_over_PlanStorage()
    {
        var trigger = Binding("IngestUpload", "blobTrigger");
        Assert.Equal("uploads/{unit}/{period}/{name}", (string?)trigger["path"]);
        Assert.Equal("EventGrid", (string?)trigger["source"]);
        Assert.Equal("PlanStorage", (string?)trigger["connection"]);
        // Deferred binding: the worker hands over a BlobClient, never the blob's bytes.
        Assert.Equal("True", (string?)trigger["properties"]!["supportsDeferredBinding"]);
    }

    [Fact]
    public void SendDigest_is_a_timer_on_the_DigestSchedule_setting()
    {
        var trigger = Binding("SendDigest", "timerTrigger");
        Assert.Equal("%DigestSchedule%", (string?)trigger["schedule"]);
    }

    [Fact]
    public void SendReminders_is_a_timer_on_the_ReminderSchedule_setting()
    {
        var trigger = Binding("SendReminders", "timerTrigger");
        Assert.Equal("%ReminderSchedule%", (string?)trigger["schedule"]);
    }

    [Theory]
    [InlineData("TemplateDownload", "get", "api/templates/{unit}/{period}")]
    [InlineData("ValidateUpload", "post", "api/validate")]
    [InlineData("WorkbookDownload", "get", "api/workbook")]
    public void Http_functions_have_their_route_method_and_function_key(string function, string method, string route)
    {
        var trigger = Binding(function, "httpTrigger");
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal("Function", (string?)trigger["authLevel"]);
    }

    [Fact]
    public void Host_json_serves_functions_at_the_root_so_the_API_routes_say_api_themselves()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "host.json")))!;

        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
        var routes = FunctionsMetadata.Load()
            .Select(f => f!["bindings"]!.AsArray().FirstOrDefault(b => (string?)b!["type"] == "httpTrigger"))
            .Where(t => t is not null)
            .Select(t => (Route: (string)t!["route"]!, AuthLevel: (string)t["authLevel"]!))
            .ToList();
        // Keyed API under /api/, anonymous portal elsewhere (App Service Authentication and the code's checks guard it) —
        // and the open-data API under /api/v1/, which readers reach with their own sign-in (a bearer token), not a key.
        Assert.All(routes, r => Assert.Equal(
            r.Route.StartsWith("api/", StringComparison.Ordinal) && !r.Route.StartsWith("api/v1/", StringComparison.Ordinal) ? "Function" : "Anonymous",
            r.AuthLevel));
        // Never the host's own paths: /admin and /runtime/webhooks (the Event Grid webhook) stay the host's.
        Assert.DoesNotContain(routes, r => r.Route.StartsWith("admin", StringComparison.Ordinal) || r.Route.StartsWith("runtime", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Route == "{ignored:maxlength(0)?}");
    }

    [Theory]
    [InlineData(typeof(IngestUpload))]
    [InlineData(typeof(ValidateUpload))]
    [InlineData(typeof(TemplateDownload))]
    [InlineData(typeof(WorkbookDownload))]
    [InlineData(typeof(SendDigest))]
    [InlineData(typeof(SendReminders))]
    [InlineData(typeof(ServerlessPlan.Functions.Portal.UploadSheetFunction))]
    [InlineData(typeof(ServerlessPlan.Functions.Portal.CoalitionFunctions))]
    [InlineData(typeof(ServerlessPlan.Functions.Portal.DevelopmentSignInFunctions))]
    public async Task Every_trigger_class_resolves_from_the_app_composition(Type function)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PlanStorage"] = "UseDevelopmentStorage=true",
            ["Digest:Recipients"] = "presidencia@coalicion-regional.example",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddFunctionsApp(configuration);
        // Application Insights' telemetry module is only IAsyncDisposable, as in the host.
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });

        Assert.NotNull(ActivatorUtilities.CreateInstance(provider, function));
    }
}
