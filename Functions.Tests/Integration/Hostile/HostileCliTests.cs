using System.Diagnostics;
using System.Text.Json;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessPlan.Tests.Integration.Hostile;

/// <summary>
/// The worst hostile uploads through the real CLI (<c>serverlessplan ingest</c>: guard, reader, rules, annotated copy,
/// archive, report, history, mail, against Azurite) in a child process whose heap is capped at 512 MiB — a quarter of a
/// Flex Consumption instance — so that any stage that grows with the file dies of OutOfMemory and fails the test,
/// instead of passing on a developer's large machine.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class HostileCliTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    public const string HeapLimit = "0x20000000";
    private static readonly TimeSpan TimeBound = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hostile-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("2.5 M trivial cells in the instructions sheet", "ANNOTATED_COPY_SKIPPED")]
    [InlineData("100,000 nested elements in a report sheet cell", "XML_TOO_DEEP")]
    [InlineData("100,000 nested elements in the shared strings", "XML_TOO_DEEP")]
    [InlineData("2.5 M one-cell rows below the table", "TOO_MANY_ROWS")]
    [InlineData("300 k coded rows below the table", "TOO_MANY_ROWS")]
    [InlineData("40,000-character focal point name", "TEXT_TOO_LONG")]
    [InlineData("1 M cell styles", "PART_TOO_LARGE")]
    public async Task Ingest_under_a_512_MiB_heap_ends_in_a_rejection_with_its_code(string name, string code)
    {
        var hostile = HostileCases.Named(name);
        var file = Path.Combine(_dir.FullName, "informe.xlsx");
        await File.WriteAllBytesAsync(file, HostileCases.Bytes(hostile));

        var (exit, stdout, stderr, elapsed) = await RunCliAsync("ingest", file, "--unit", HostileCases.Unit, "--period", HostileCases.Period, "--json");
        output.WriteLine($"{name}: exit {exit} in {elapsed.TotalSeconds:0.0} s");

        Assert.True(exit == ExitCodes.Rejected, $"exit {exit}\n{stderr}\n{stdout}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Rejected", json.RootElement.GetProperty("outcome").GetString());
        var report = json.RootElement.GetProperty("report");
        var codes = report.GetProperty("errors").EnumerateArray().Concat(report.GetProperty("warnings").EnumerateArray())
            .Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains(code, codes);
        Assert.All(hostile.Codes, c => Assert.Contains(c, codes));
        Assert.True(elapsed < TimeBound, $"{name} took {elapsed}");
    }

    /// <summary>
    /// The CLI as its own project builds it (<c>Cli/bin/{configuration}/{framework}/</c>), whose folder holds exactly its
    /// dependencies; the copy beside this test assembly shares the test project's, which may come from other frameworks.
    /// </summary>
    private static string CliAssembly()
    {
        var testBin = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        var root = testBin.Parent.Parent!.Parent!.Parent!.FullName;
        var own = Path.Combine(root, "Cli", "bin", configuration, framework, "serverlessplan.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "serverlessplan.dll");
    }

    private async Task<(int Exit, string Out, string Err, TimeSpan Elapsed)> RunCliAsync(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _dir.FullName,
        };
        psi.ArgumentList.Add(CliAssembly());
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        psi.Environment["PlanStorage"] = azurite.ConnectionString;
        psi.Environment["Storage__Prefix"] = "t" + Guid.NewGuid().ToString("N")[..10];
        psi.Environment["Mail__OutboxDirectory"] = Path.Combine(_dir.FullName, "outbox");

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeBound * 2);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        clock.Stop();
        return (process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
