using System.Text.Json;
using ServerlessPlan.Bench;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Bench;

/// <summary>Runs the benchmark at its tiny scale against Azurite so that it cannot rot; the figures themselves are not judged.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class BenchSmokeTests(AzuriteFixture azurite)
{
    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await BenchApp.RunAsync(args, stdout, stderr, new Dictionary<string, string?> { ["PlanStorage"] = azurite.ConnectionString });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Tiny_bench_reports_every_section_with_positive_figures_as_json()
    {
        var (exit, output, error) = await RunAsync("bench", "--scale", "tiny", "--json");

        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var lines = json.RootElement.GetProperty("lines").EnumerateArray().ToList();
        foreach (var section in BenchSections.All)
            Assert.Contains(lines, l => l.GetProperty("section").GetString() == section);
        Assert.All(lines, l => Assert.True(l.GetProperty("ms").GetDouble() > 0, l.ToString()));

        var ingest = lines.Single(l => l.GetProperty("step").GetString() == IngestionBench.IngestStep);
        Assert.Equal(BenchScale.Tiny.Iterations, ingest.GetProperty("iterations").GetInt32());
        Assert.True(ingest.GetProperty("rows").GetInt64() > 0);
        Assert.True(ingest.GetProperty("floorMs").GetDouble() > 0);
        Assert.True(ingest.GetProperty("ratio").GetDouble() > 0);
        Assert.True(ingest.GetProperty("rowsPerSecond").GetDouble() > 0);

        var workbook = lines.Single(l => l.GetProperty("step").GetString() == WorkbookBench.WriterStep);
        Assert.Equal(json.RootElement.GetProperty("scales")[0].GetProperty("tidyRows").GetInt64(), workbook.GetProperty("rows").GetInt64());
        Assert.True(workbook.GetProperty("outputBytes").GetInt64() > 0);
        Assert.True(workbook.GetProperty("ratio").GetDouble() > 0);

        // The open-data package in each format beside its bare write, from every seeded quarter.
        foreach (var step in new[] { OpenDataBench.CsvStep, OpenDataBench.ParquetStep })
        {
            var package = lines.Single(l => l.GetProperty("step").GetString() == step);
            Assert.True(package.GetProperty("rows").GetInt64() > 0 && package.GetProperty("ratio").GetDouble() > 0, package.ToString());
            Assert.True(package.GetProperty("peakWorkingSetBytes").GetInt64() > 0 && package.GetProperty("outputBytes").GetInt64() > 0, package.ToString());
        }

        var guard = lines.Where(l => l.GetProperty("section").GetString() == BenchSections.Guard).ToList();
        Assert.Equal(2, guard.Count);
        Assert.All(guard, g => Assert.True(g.GetProperty("peakManagedBytes").GetInt64() > 0 && g.GetProperty("allocatedBytes").GetInt64() > 0));
        Assert.True(json.RootElement.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
    }

    [Fact]
    public async Task Table_output_puts_ours_beside_the_floor_and_the_ratio()
    {
        var (exit, output, error) = await RunAsync("bench", "--scale", "tiny");

        Assert.True(exit == ExitCodes.Ok, error);
        var header = output.Split('\n').First(l => l.StartsWith("section", StringComparison.Ordinal));
        Assert.Matches("step +ours .*floor +ratio +target +met\\?", header);
        Assert.Contains(IngestionBench.IngestStep, output);
        Assert.Contains(WorkbookBench.WriterStep, output);
        Assert.Contains(DigestBench.CalculateStep, output);
    }

    [Fact]
    public async Task Only_runs_the_sections_asked_for()
    {
        var (exit, output, error) = await RunAsync("bench", "--scale", "tiny", "--only", "guard,digest", "--json");

        Assert.True(exit == ExitCodes.Ok, error);
        using var json = JsonDocument.Parse(output);
        var sections = json.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("section").GetString()).Distinct().Order();
        Assert.Equal([BenchSections.Digest, BenchSections.Guard], sections);
    }

    [Theory]
    [InlineData("bench", "--scale", "huge")]
    [InlineData("bench", "--only", "everything")]
    [InlineData("bench", "--only", ",")]
    [InlineData("bench", "--iterations", "3")]
    public async Task Bad_invocations_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("usage: serverlessplan bench", error);
    }
}
