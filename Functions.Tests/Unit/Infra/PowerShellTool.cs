using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// PowerShell 7 for running the Windows deployment script on this Linux build machine: pwsh from PATH, or else the
/// PowerShell global tool from NuGet (the one registry reachable here), installed once under .tools/.
/// </summary>
internal static class PowerShellTool
{
    private const string Version = "7.6.9";
    private static readonly Lazy<string> Located = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Executable => Located.Value;

    private static string Locate()
    {
        Needs.Require(Needs.PowerShell);
        var name = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
            return onPath;

        var toolPath = Path.Combine(CompiledTemplate.RepoRoot, ".tools", $"pwsh-{Version}");
        var installed = Path.Combine(toolPath, name);
        if (!File.Exists(installed))
        {
            var result = ToolProcess.Run("dotnet", ["tool", "install", "PowerShell", "--version", Version, "--tool-path", toolPath],
                CompiledTemplate.RepoRoot, timeout: TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0 || !File.Exists(installed))
                throw new InvalidOperationException($"Installing the PowerShell {Version} global tool failed: {result}");
        }

        return installed;
    }
}
