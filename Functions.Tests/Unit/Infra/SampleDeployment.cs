using System.Text.Json.Nodes;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The compiled template as deployed with sample parameters: three uploader groups, a SendGrid key, the gate on.</summary>
internal static class SampleDeployment
{
    public static readonly IReadOnlyDictionary<string, string> UploaderGroups = new Dictionary<string, string>
    {
        ["GT"] = "11111111-1111-1111-1111-111111111111",
        ["CR"] = "22222222-2222-2222-2222-222222222222",
        ["ST"] = "33333333-3333-3333-3333-333333333333",
    };

    public const string SendGridKey = "SG.sample-key";

    /// <summary>The sample deployment; <paramref name="overrides"/> replace or add parameters (e.g. a second provision).</summary>
    /// <param name="resourceGroupTags">The resource group's tags before the deployment (null: unknown, as most tests need).</param>
    public static ArmScope Deploy(bool withSendGridKey = true, bool withEventGridSubscription = true, JsonObject? overrides = null,
        JsonObject? resourceGroupTags = null)
    {
        var uploaders = new JsonObject();
        foreach (var (unit, group) in UploaderGroups)
            uploaders[unit] = group;
        var parameters = new JsonObject
        {
            ["environmentName"] = "test",
            ["sendGridApiKey"] = withSendGridKey ? SendGridKey : "",
            ["uploaderGroups"] = uploaders,
            ["enableEventGridSubscription"] = withEventGridSubscription,
        };
        foreach (var (name, value) in overrides ?? [])
            parameters[name] = value?.DeepClone();
        return ArmScope.Root(CompiledTemplate.Json, parameters, resourceGroupTags);
    }

    /// <summary>The value of output <paramref name="name"/> of the top-level template.</summary>
    public static JsonNode? Output(ArmScope main, string name) =>
        main.Evaluate(main.Template["outputs"]?[name]?["value"]
                      ?? throw new InvalidOperationException($"No output named '{name}'."));

    /// <summary>
    /// The function app's settings as the site receives them: what main.bicep passes to the function-app module, with
    /// what the module adds once the site exists (Portal__BaseUrl from its defaultHostName).
    /// </summary>
    public static JsonObject AppSettings(ArmScope main)
    {
        var app = main.Module("functionapp");
        var config = Assert.Single(app.Resources("Microsoft.Web/sites/config"), c => Text(app.Evaluate(c["name"])).EndsWith("/appsettings", StringComparison.Ordinal));
        return app.Evaluate(config, "properties")!.AsObject();
    }

    public static string Text(JsonNode? node) => node is null ? "" : ArmFunctions.Text(node);
}
