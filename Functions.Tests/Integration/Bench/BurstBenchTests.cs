using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessPlan.Bench;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Bench;

/// <summary>
/// <c>bench --only burst</c> at the tiny scale against Azurite: every unit uploads at once, ingestion runs at the
/// concurrency host.json allows, and the tables are checked afterwards. The figures themselves are not judged here.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class BurstBenchTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Tiny_burst_ingests_every_unit_once_at_the_hosts_concurrency_and_checks_the_tables()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await BenchApp.RunAsync(["bench", "--scale", "tiny", "--only", "burst", "--json"], stdout, stderr,
            new Dictionary<string, string?> { ["PlanStorage"] = azurite.ConnectionString });

        Assert.True(exit == ExitCodes.Ok, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        var lines = json.RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.All(lines, l => Assert.Equal(BenchSections.Burst, l.GetProperty("section").GetString()));

        // The tiny plan shares no activity with the Secretaría Técnica: its countries are the units that report.
        var reporting = SyntheticUnits.Build(BenchScale.Tiny.Units).All
            .Count(u => SyntheticPlan.Build(BenchScale.Tiny.Activities, BenchScale.Tiny.Years).ActivitiesFor(u).Count > 0);
        var burst = lines.Single(l => l.GetProperty("step").GetString() == BurstBench.BurstStep);
        Assert.Equal(reporting, burst.GetProperty("iterations").GetInt32());
        Assert.Equal(reporting + 1, burst.GetProperty("deliveries").GetInt32()); // the first delivery of ten arrives twice
        Assert.Equal(HostJson.BlobMaxDegreeOfParallelism(), burst.GetProperty("concurrency").GetInt32());
        Assert.True(burst.GetProperty("sheetsPerSecond").GetDouble() > 0);
        Assert.True(burst.GetProperty("rows").GetInt64() > 0);
        Assert.True(burst.GetProperty("peakWorkingSetBytes").GetInt64() > 0);

        var verdict = lines.Single(l => l.GetProperty("step").GetString() == BurstBench.VerdictStep);
        Assert.Equal(reporting, verdict.GetProperty("iterations").GetInt32());
        Assert.True(verdict.GetProperty("ms").GetDouble() > 0);
        Assert.True(verdict.GetProperty("p95Ms").GetDouble() >= verdict.GetProperty("ms").GetDouble());

        var trigger = lines.Single(l => l.GetProperty("step").GetString() == BurstBench.TriggerStep);
        Assert.Equal(reporting + 1, trigger.GetProperty("iterations").GetInt32());
        Assert.True(trigger.GetProperty("ms").GetDouble() <= verdict.GetProperty("p95Ms").GetDouble());

        var check = lines.Single(l => l.GetProperty("step").GetString() == BurstBench.CheckStep);
        Assert.True(check.GetProperty("met").GetBoolean(), stderr.ToString());
        Assert.Equal($"{reporting} of {reporting}, none lost or doubled", check.GetProperty("target").GetString());
    }

    [Fact]
    public void The_concurrency_is_the_one_in_the_deployed_host_json()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "host.json")))!;

        Assert.Equal((int)hostJson["extensions"]!["blobs"]!["maxDegreeOfParallelism"]!, HostJson.BlobMaxDegreeOfParallelism());
    }
}
