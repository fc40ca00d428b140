using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.PlanWorkbookEdits;

namespace ServerlessPlan.Tests.Integration.Plan;

/// <summary>
/// Issue 14's round trip through the real composition: the 2020-2022 plan exported and imported unchanged, edited into
/// 2023-2025 (ids, years, activity 4.1.3.2 added, 4.1.1.1 removed) and published to Azurite with the CLI; then the
/// Functions app over the same storage (real Kestrel) and the CLI serve 2024-Q1 from 2023-2025 and 2021-Q3 from
/// 2020-2022 in the same process — templates, validation, ingestion, the merged workbook and the digest — with a
/// member (México) that joins in 2024-Q1.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PlansOverTimeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Joining = "MX";
    private static readonly ReportingPeriod Q2024 = new(2024, 1);
    private static readonly ReportingPeriod Q2021 = new(2021, 3);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("plans-over-time");
    private readonly TestStorage _storage = new(azurite);
    private Dictionary<string, string?> _settings = null!;

    public Task InitializeAsync()
    {
        // The embedded members and a country that joins the coalition in 2024.
        var units = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "Core", "Plan", "units.json")))!;
        units["units"]!.AsArray().Insert(8, new JsonObject
        {
            ["code"] = Joining, ["name"] = new JsonObject { ["es"] = "México", ["en"] = "Mexico" },
            ["language"] = "es", ["kind"] = "country", ["from"] = "2024-Q1", ["timeZone"] = "America/Mexico_City",
        });
        var unitsFile = PathOf("units.json");
        File.WriteAllText(unitsFile, units.ToJsonString());
        _settings = _storage.Settings();
        _settings["Plan:UnitsFile"] = unitsFile;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, _settings);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Export, import (the same catalog), edit into 2023-2025 and publish it, all with the CLI.</summary>
    private async Task PublishNextPlanAsync()
    {
        var exported = PathOf("matriz-2020-2022.xlsx");
        var (exit, _, error) = await Cli("plan", "export", "--plan", "2020-2022", "--out", exported);
        Assert.True(exit == ExitCodes.Ok, error);
        (exit, _, error) = await Cli("plan", "import", exported, "--out", PathOf("plan-2020-2022.json"));
        Assert.True(exit == ExitCodes.Ok, error);
        PlanCatalogAssert.Equal(RealPlan.Catalog, PlanLoader.LoadFile(PathOf("plan-2020-2022.json")));

        var next = PathOf("matriz-2023-2025.xlsx");
        await File.WriteAllBytesAsync(next, InExcel(await File.ReadAllBytesAsync(exported)));
        (exit, var output, error) = await Cli("plan", "publish", next);
        Assert.True(exit == ExitCodes.Ok, output + error);
    }

    private static SubmittedSheet ReadSheet(byte[] workbook) =>
        new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance).Read(new MemoryStream(workbook));

    private static async Task<byte[]> TemplateAsync(FunctionsHttpServer server, string unit, ReportingPeriod period)
    {
        using var response = await server.Client.GetAsync($"api/templates/{unit}/{period}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ValidateAsync(FunctionsHttpServer server, byte[] sheet, string unit,
        ReportingPeriod period)
    {
        using var body = new ByteArrayContent(sheet);
        body.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        using var response = await server.Client.PostAsync($"api/validate?unit={unit}&period={period}&lang=en", body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static IEnumerable<string> Codes(JsonElement report, string severity) =>
        report.GetProperty(severity).EnumerateArray().Select(e => e.GetProperty("code").GetString()!);

    private static async Task<List<WorkbookReading.XmlCell>> WorkbookAsync(FunctionsHttpServer server, ReportingPeriod period)
    {
        using var response = await server.Client.GetAsync($"api/workbook?period={period}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return WorkbookReading.Cells(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>The values of one column of the merged workbook's Datos sheet, below its header.</summary>
    private static List<string> Datos(List<WorkbookReading.XmlCell> cells, string column) =>
        cells.Where(c => c.Sheet == "Datos" && c.Reference.StartsWith(column, StringComparison.Ordinal) && c.Reference[column.Length..] != "1")
            .Select(c => c.Text).ToList();

    [Fact]
    public async Task A_published_plan_serves_its_years_beside_the_embedded_one_and_a_report_never_mixes_them()
    {
        await PublishNextPlanAsync();
        await using var server = await FunctionsHttpServer.StartAsync(_settings);
        var plans = server.Services.GetRequiredService<PlanRegistry>();

        // plan list shows what the app serves.
        var (exit, listed, _) = await Cli("plan", "list", "--json");
        Assert.Equal(ExitCodes.Ok, exit);
        using (var list = JsonDocument.Parse(listed))
        {
            Assert.Equal(plans.Plans.Plans.Select(p => (p.Id, p.Catalog.FirstYear, p.Catalog.LastYear)),
                list.RootElement.GetProperty("plans").EnumerateArray()
                    .Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("firstYear").GetInt32(), p.GetProperty("lastYear").GetInt32())));
        }
        Assert.Equal(["2020-2022", NextId], plans.Plans.Plans.Select(p => p.Id));

        // Templates: each quarter from its plan (the ST reports both the added and the removed activity).
        var st2024 = await TemplateAsync(server, "ST", Q2024);
        var st2021 = await TemplateAsync(server, "ST", Q2021);
        Assert.Equal(NextId, ReadSheet(st2024).Metadata.Parsed!.PlanId);
        Assert.Contains(Added, ReadSheet(st2024).Rows.Select(r => r.ActivityCode));
        Assert.DoesNotContain(Removed, ReadSheet(st2024).Rows.Select(r => r.ActivityCode));
        Assert.Equal("2020-2022", ReadSheet(st2021).Metadata.Parsed!.PlanId);
        Assert.Contains(Removed, ReadSheet(st2021).Rows.Select(r => r.ActivityCode));
        Assert.DoesNotContain(Added, ReadSheet(st2021).Rows.Select(r => r.ActivityCode));

        // A member from 2024 has a 2024 template and none for 2021; no plan covers 2027.
        using (var notMember = await server.Client.GetAsync($"api/templates/{Joining}/{Q2021}?lang=en"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
            Assert.StartsWith($"Unit MX (Mexico) is not a member of the Coalición Regional in the 3rd quarter of 2021 (a member from the 1st quarter of 2024)",
                JsonDocument.Parse(await notMember.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        }
        using (var outside = await server.Client.GetAsync("api/templates/GT/2027-Q1?lang=en"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
            Assert.StartsWith("Year 2027 is outside the plans in force: 2020-2022 (2020–2022), 2023-2025 (2023–2025).",
                JsonDocument.Parse(await outside.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        }

        // Filled sheets, validated over HTTP against their quarter's plan; a sheet filed under the other plan's quarter is refused.
        var filler = new SampleSheetFiller(plans);
        var units = server.Services.GetRequiredService<ReportingUnits>();
        var filled = new Dictionary<(string, ReportingPeriod), byte[]>();
        foreach (var (unit, period) in new[] { ("ST", Q2024), ("GT", Q2024), (Joining, Q2024), ("ST", Q2021), ("GT", Q2021) })
        {
            var template = period == Q2024 && unit == "ST" ? st2024 : period == Q2021 && unit == "ST" ? st2021 : await TemplateAsync(server, unit, period);
            filled[(unit, period)] = filler.Fill(template, units.Find(unit)!, period);
        }
        var (status, report) = await ValidateAsync(server, filled[("ST", Q2024)], "ST", Q2024);
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        (status, report) = await ValidateAsync(server, filled[("ST", Q2024)], "ST", Q2021);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("PLAN_MISMATCH", Codes(report, "errors"));
        Assert.Contains($"Download the template for the 3rd quarter of 2021 and copy your data into it: this one is for plan \\\"{NextId}\\\", but that quarter is reported under plan \\\"2020-2022\\\"", report.ToString());
        (status, report) = await ValidateAsync(server, filled[("ST", Q2021)], "ST", Q2024);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("PLAN_MISMATCH", Codes(report, "errors"));
        Assert.Contains($"Download the template for the 1st quarter of 2024 and copy your data into it: this one is for plan \\\"2020-2022\\\", but that quarter is reported under plan \\\"{NextId}\\\"", report.ToString());

        // Ingestion through the CLI's composition; México's 2021 figures are refused.
        foreach (var ((unit, period), content) in filled)
        {
            var file = PathOf($"{unit}-{period}.xlsx");
            await File.WriteAllBytesAsync(file, content);
            var (ingested, output, error) = await Cli("ingest", file, "--unit", unit, "--period", period.ToString());
            Assert.True(ingested == ExitCodes.Ok, output + error);
        }
        var misfiled = PathOf("MX-2021-Q3.xlsx");
        await File.WriteAllBytesAsync(misfiled, filled[("GT", Q2021)]);
        var (refused, refusal, _) = await Cli("ingest", misfiled, "--unit", Joining, "--period", Q2021.ToString(), "--json");
        Assert.Equal(ExitCodes.Rejected, refused);
        Assert.Contains("UNIT_NOT_MEMBER", refusal, StringComparison.Ordinal);

        // The merged workbooks: each quarter's plan, its own plan's periods only, and the members of the time.
        var book2024 = await WorkbookAsync(server, Q2024);
        Assert.Equal(["2024-Q1"], Datos(book2024, "A").Distinct());
        Assert.Contains(Added, Datos(book2024, "G"));
        Assert.DoesNotContain(Removed, Datos(book2024, "G"));
        Assert.Contains(Joining, Datos(book2024, "D"));
        Assert.Contains(book2024, c => c.Sheet == "Matriz" && c.Text.StartsWith("4.1.3.2. " + AddedSpanish[0], StringComparison.Ordinal));
        var removedText = RealPlan.Catalog.FindActivity(Removed)!.Text;
        Assert.DoesNotContain(book2024, c => c.Sheet == "Matriz" && c.Text.Contains(removedText, StringComparison.Ordinal));

        var book2021 = await WorkbookAsync(server, Q2021);
        Assert.Equal(["2021-Q3"], Datos(book2021, "A").Distinct());
        Assert.Contains(Removed, Datos(book2021, "G"));
        Assert.DoesNotContain(Added, Datos(book2021, "G"));
        Assert.DoesNotContain(Joining, Datos(book2021, "D"));

        // Coverage counts the members of each quarter: 8 countries and the ST in 2021, México too in 2024.
        var (_, summary2024, _) = await Cli("workbook", "--period", Q2024.ToString(), "--out", PathOf("c-2024.xlsx"));
        Assert.StartsWith("2024-Q1: 3 of 10 units reported", summary2024, StringComparison.Ordinal);
        var (_, summary2021, _) = await Cli("workbook", "--period", Q2021.ToString(), "--out", PathOf("c-2021.xlsx"));
        Assert.StartsWith("2021-Q3: 2 of 9 units reported", summary2021, StringComparison.Ordinal);

        // The digest of each quarter is about that quarter's plan and members.
        var (digested, digest, digestError) = await Cli("digest", "--period", Q2024.ToString());
        Assert.True(digested == ExitCodes.Ok, digest + digestError);
        Assert.Contains("Resumen del plan regional, 1.er trimestre de 2024: informaron 3 de 10 unidades", digest, StringComparison.Ordinal);
        (digested, digest, digestError) = await Cli("digest", "--period", Q2021.ToString());
        Assert.True(digested == ExitCodes.Ok, digest + digestError);
        Assert.Contains("Resumen del plan regional, 3.er trimestre de 2021: informaron 2 de 9 unidades", digest, StringComparison.Ordinal);
    }
}
