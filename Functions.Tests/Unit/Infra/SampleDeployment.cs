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
    public static ArmScope Deploy(bool withSendGridKey = true, bool withEventGridSubscription = true, JsonObject? overrides = null)
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
        return ArmScope.Root(CompiledTemplate.Json, parameters);
    }

    /// <summary>The value of output <paramref name="name"/> of the top-level template.</summary>
    public static JsonNode? Output(ArmScope main, string name) =>
        main.Evaluate(main.Template["outputs"]?[name]?["value"]
                      ?? throw new InvalidOperationException($"No output named '{name}'."));

    /// <summary>The function app's settings, as main.bicep passes them to the function-app module.</summary>
    public static JsonObject AppSettings(ArmScope main) =>
        main.Module("functionapp").Parameter("appSettings")!.AsObject();

    public static string Text(JsonNode? node) => node is null ? "" : ArmFunctions.Text(node);
}
