using YamlDotNet.RepresentationModel;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The postdeploy hooks of azure.yaml, and a way to run each as azd would (from the project root) against a fake
/// <c>az</c> that records every call and answers like the real one, so no Azure is needed.
/// </summary>
internal static class PostdeployHooks
{
    public sealed record Hook(string Platform, string Shell, string Run);

    /// <summary>One recorded az call: the directory it ran in and its arguments.</summary>
    public sealed record AzCall(string WorkingDirectory, IReadOnlyList<string> Arguments)
    {
        public override string ToString() => string.Join(' ', Arguments);
    }

    public sealed record Outcome(ToolProcess.Result Process, IReadOnlyList<AzCall> AzCalls);

    public const string TopicName = "evgt-storage-abc";
    public const string StorageAccountId = "/subscriptions/s/resourceGroups/rg-plan/providers/Microsoft.Storage/storageAccounts/stabc";

    public static IReadOnlyDictionary<string, Hook> Load()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(CompiledTemplate.RepoRoot, "azure.yaml")))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var postdeploy = (YamlMappingNode)((YamlMappingNode)root["hooks"])["postdeploy"];
        return postdeploy.Children.ToDictionary(
            p => ((YamlScalarNode)p.Key).Value!,
            p =>
            {
                var hook = (YamlMappingNode)p.Value;
                return new Hook(((YamlScalarNode)p.Key).Value!, Scalar(hook, "shell"), Scalar(hook, "run"));
            });
    }

    /// <summary>The script file a hook runs (its <c>run</c> line names it, alone or after the interpreter).</summary>
    public static string ScriptPath(Hook hook) =>
        hook.Run.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last().Replace("./", "", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="hook"/> with azd's exported values <paramref name="environment"/> and the fake az.</summary>
    public static Outcome Run(Hook hook, IReadOnlyDictionary<string, string?> environment)
    {
        var fake = Directory.CreateTempSubdirectory("serverlessplan-fake-az-");
        try
        {
            var log = Path.Combine(fake.FullName, "calls.log");
            WriteFakeAz(Path.Combine(fake.FullName, "az"));
            var env = new Dictionary<string, string?>(environment)
            {
                ["PATH"] = fake.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["FAKE_AZ_LOG"] = log,
            };
            var result = hook.Shell switch
            {
                // azd runs a posix hook's run line with the shell named, and a pwsh hook's script file with pwsh.
                "sh" => ToolProcess.Run("sh", ["-c", hook.Run], CompiledTemplate.RepoRoot, env),
                "pwsh" => ToolProcess.Run(PowerShellTool.Executable, ["-NoProfile", "-NonInteractive", "-File", ScriptPath(hook)],
                    CompiledTemplate.RepoRoot, env),
                _ => throw new NotSupportedException($"Hook shell '{hook.Shell}'."),
            };
            return new Outcome(result, ReadCalls(log));
        }
        finally
        {
            fake.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<AzCall> ReadCalls(string log) =>
        File.Exists(log)
            ? [.. File.ReadAllLines(log).Select(line => line.Split('\u001f')).Select(f => new AzCall(f[0], f[1..^1]))]
            : [];

    // Answers the four calls the scripts make; anything else fails loudly, as an unknown az command would.
    private static void WriteFakeAz(string path)
    {
        File.WriteAllText(path, $$"""
            #!/usr/bin/env bash
            { printf '%s\037' "$PWD" "$@"; printf '\n'; } >> "$FAKE_AZ_LOG"
            case "$1 $2 $3" in
              "eventgrid system-topic list") printf '%s\n' "{{TopicName}}" "evgt-other" ;;
              "eventgrid system-topic show") printf '%s\n' "{{StorageAccountId}}" ;;
              "functionapp keys list") printf '%s\n' "blobs-extension-key" ;;
              "deployment group create") ;;
              *) echo "fake az: unexpected call: $*" >&2; exit 3 ;;
            esac
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows()) // The test suite runs on Linux (bash scripts, Azurite); the guard satisfies CA1416.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar && scalar.Value is { } text
            ? text
            : throw new InvalidOperationException($"azure.yaml: hook has no '{key}'.");
}
