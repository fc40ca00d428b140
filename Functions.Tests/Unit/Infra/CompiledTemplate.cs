using System.Text.Json.Nodes;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// infra/main.bicep compiled to ARM JSON: the file scripts/test.sh built (<c>INFRA_ARM_JSON</c>), or, when the tests
/// run alone, a fresh build through the same script (pinned Bicep CLI from NuGet, lint included).
/// </summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<JsonObject> Cached = new(Load);

    public static JsonObject Json => Cached.Value;

    /// <summary>The repository root (the folder holding ServerlessPlan.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static JsonObject Load()
    {
        Needs.Require(Needs.Bicep);
        var path = Environment.GetEnvironmentVariable("INFRA_ARM_JSON");
        if (!string.IsNullOrWhiteSpace(path))
            return JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        var built = Build();
        try
        {
            return JsonNode.Parse(File.ReadAllText(built))!.AsObject();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(built)!, recursive: true);
        }
    }

    private static string Build()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "serverlessplan-infra-" + Guid.NewGuid().ToString("N")[..8]);
        var result = ToolProcess.Run("bash",
            ["-c", "set -euo pipefail; source scripts/lib/bicep.sh; bicep_check \"$1\"", "bicep", outDir],
            RepoRoot, timeout: TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"scripts/lib/bicep.sh failed: {result}");
        return Path.Combine(outDir, "main.json");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessPlan.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException($"ServerlessPlan.sln not found above {AppContext.BaseDirectory}.");
    }
}
