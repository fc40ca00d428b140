using System.Text;
using System.Text.Json.Nodes;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Unit.Plan;

/// <summary>The shipped plan and units files as JSON, so loader tests start from real data and break one thing.</summary>
internal static class EmbeddedPlanJson
{
    public static string Text(string fileName)
    {
        using var stream = typeof(PlanLoader).Assembly.GetManifestResourceStream("ServerlessPlan.Plan." + fileName)
            ?? throw new InvalidOperationException($"{fileName} is not embedded in Core");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static JsonObject SeedPlan() => JsonNode.Parse(Text("plan-2020-2022.json"))!.AsObject();

    public static JsonObject DefaultUnits() => JsonNode.Parse(Text("units.json"))!.AsObject();

    public static Stream ToStream(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    public static Stream ToStream(JsonNode node) => ToStream(node.ToJsonString());

    /// <summary>All activity objects of a plan document, in file order.</summary>
    public static IEnumerable<JsonObject> Activities(JsonObject plan) =>
        Axes(plan).SelectMany(a => a["strategicObjectives"]!.AsArray())
            .SelectMany(so => so!["operationalObjectives"]!.AsArray())
            .SelectMany(oo => oo!["activities"]!.AsArray())
            .Select(a => a!.AsObject());

    public static JsonObject Activity(JsonObject plan, string code) =>
        Activities(plan).Single(a => (string?)a["code"] == code);

    public static JsonObject OperationalObjective(JsonObject plan, string code) =>
        Axes(plan).SelectMany(a => a["strategicObjectives"]!.AsArray())
            .SelectMany(so => so!["operationalObjectives"]!.AsArray())
            .Select(oo => oo!.AsObject())
            .Single(oo => (string?)oo["code"] == code);

    public static IEnumerable<JsonObject> Axes(JsonObject plan) => plan["axes"]!.AsArray().Select(a => a!.AsObject());

    /// <summary>A temporary file deleted on dispose, for the loaders' file paths and the DI options.</summary>
    public sealed class TempFile : IDisposable
    {
        public TempFile(JsonNode content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"plan-test-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, content.ToJsonString());
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
