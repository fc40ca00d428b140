using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.Plan;

/// <summary>What the plan and units loaders share: strict JSON settings and access to the embedded files.</summary>
internal static class PlanJson
{
    public const string ResourcePrefix = "ServerlessPlan.Plan.";

    /// <summary>A plan file is a few tens of KB; this bounds what a wrong file or blob can make a reader hold.</summary>
    public const long MaxFileBytes = 5L * 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A misspelt member would otherwise read as blank, which in this domain means "nothing programmed".
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static T Deserialize<T>(Stream json, string source) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new PlanFormatException(source, ["the document is null"]);
        }
        catch (JsonException ex)
        {
            throw new PlanFormatException(source, [$"malformed JSON: {ex.Message}"]);
        }
    }

    public static Assembly Assembly => typeof(PlanJson).Assembly;

    public static Stream? OpenEmbedded(string fileName) =>
        Assembly.GetManifestResourceStream(ResourcePrefix + fileName);
}
