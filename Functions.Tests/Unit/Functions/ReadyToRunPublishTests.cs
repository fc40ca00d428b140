using System.Diagnostics;
using System.Text.Json.Nodes;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Unit.Functions;

/// <summary>
/// The deployed app is published ReadyToRun for 64-bit Linux (docs/benchmarks.md, "Cold start": a quarter less time to
/// the first page, a third less to the first verdict), and only when publishing: builds and tests stay portable. Read
/// from MSBuild's own evaluation of the project, as <c>dotnet publish</c> (and so <c>azd deploy</c>) sees it.
/// </summary>
public sealed class ReadyToRunPublishTests
{
    [Fact]
    public async Task Publishing_the_Functions_app_compiles_it_ReadyToRun_for_linux_x64_framework_dependent()
    {
        var published = await EvaluateAsync("Functions", publishing: true);

        Assert.Equal("true", published["PublishReadyToRun"]);
        Assert.Equal("linux-x64", published["RuntimeIdentifier"]);
        Assert.Equal("false", published["SelfContained"]);
    }

    [Fact]
    public async Task A_build_is_portable_with_no_runtime_identifier_and_no_ReadyToRun()
    {
        var built = await EvaluateAsync("Functions", publishing: false);

        Assert.Equal("", built["RuntimeIdentifier"]);
        Assert.NotEqual("true", built["PublishReadyToRun"]);
    }

    private static async Task<IReadOnlyDictionary<string, string>> EvaluateAsync(string project, bool publishing)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CompiledTemplate.RepoRoot,
        };
        foreach (var a in new[] { "msbuild", Path.Combine(project, project + ".csproj"), "-nologo",
                     "-getProperty:PublishReadyToRun", "-getProperty:RuntimeIdentifier", "-getProperty:SelfContained" })
        {
            psi.ArgumentList.Add(a);
        }
        if (publishing) psi.ArgumentList.Add("-p:_IsPublishing=true");

        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}: {await output} {await error}");

        var properties = JsonNode.Parse(await output)!["Properties"]!.AsObject();
        return properties.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
    }
}
