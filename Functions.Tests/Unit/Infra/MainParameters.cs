using System.Text.Json.Nodes;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>infra/main.parameters.json: what azd passes to main.bicep, with its <c>${VARIABLE}</c> placeholders.</summary>
internal static class MainParameters
{
    public static JsonObject Load() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "infra", "main.parameters.json")))!
            ["parameters"]!.AsObject();

    /// <summary>The value given for <paramref name="name"/>, as text (a placeholder stays a placeholder).</summary>
    public static string Value(JsonObject parameters, string name) =>
        parameters[name]?["value"] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidOperationException($"main.parameters.json gives no text value for '{name}'.");
}
