using System.Text.Json;
using Azure.Storage.Blobs.Models;
using ServerlessPlan.Cli;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.PlanWorkbookEdits;

namespace ServerlessPlan.Tests.Integration.Plan;

/// <summary>
/// The plan's lifecycle through <c>serverlessplan plan</c> against Azurite: export the 2020-2022 plan, import it,
/// edit it into 2023-2025, publish it, list both; republishing, replacing, overlapping years, usage errors.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PlanCliTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("plan-cli");
    private readonly TestStorage _storage = new(azurite);

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, _storage.Settings());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private async Task<string> ExportedAsync()
    {
        var path = PathOf("matriz-2020-2022.xlsx");
        var (exit, output, error) = await Run("plan", "export", "--plan", "2020-2022", "--out", path);
        Assert.True(exit == 0, error);
        Assert.Equal(Path.GetFullPath(path), output.Trim());
        return path;
    }

    private async Task<string> NextPlanAsync()
    {
        var path = PathOf("matriz-2023-2025.xlsx");
        await File.WriteAllBytesAsync(path, InExcel(await File.ReadAllBytesAsync(await ExportedAsync())));
        return path;
    }

    /// <summary>A plan file with another id and years, from a catalog, for overlap and replacement cases.</summary>
    private string PlanFile(PlanCatalog catalog, string name)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, PlanDocumentWriter.Write(catalog));
        return path;
    }

    private async Task<List<BlobItem>> ConfigBlobsAsync()
    {
        var container = _storage.Blobs.GetBlobContainerClient(_storage.Layout.Config);
        var blobs = new List<BlobItem>();
        if (!await container.ExistsAsync()) return blobs;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, "plans/", default)) blobs.Add(blob);
        return blobs.Where(b => b.Name.StartsWith("plans/", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task Export_import_edit_publish_and_list_the_next_plan_beside_the_embedded_one()
    {
        var exported = await ExportedAsync();

        var (exit, output, _) = await Run("plan", "import", exported, "--json");
        Assert.Equal(0, exit);
        using (var report = JsonDocument.Parse(output))
        {
            var root = report.RootElement;
            Assert.True(root.GetProperty("valid").GetBoolean());
            Assert.Equal("matriz-2020-2022.xlsx", root.GetProperty("file").GetString());
            Assert.Equal("2020-2022", root.GetProperty("plan").GetProperty("id").GetString());
            Assert.Equal(20, root.GetProperty("plan").GetProperty("activities").GetInt32());
            Assert.Equal(PlanDocumentWriter.Sha256(RealPlan.Catalog), root.GetProperty("plan").GetProperty("sha256").GetString());
            Assert.Empty(root.GetProperty("errors").EnumerateArray());
            Assert.Empty(root.GetProperty("warnings").EnumerateArray());
        }

        var planFile = PathOf("plan-2020-2022.json");
        (exit, output, _) = await Run("plan", "import", exported, "--out", planFile);
        Assert.Equal(0, exit);
        Assert.StartsWith("VALID matriz-2020-2022.xlsx: plan 2020-2022 (2020–2022): 4 axes, 6 strategic and 10 operational objectives, 20 activities", output, StringComparison.Ordinal);
        PlanCatalogAssert.Equal(RealPlan.Catalog, PlanLoader.LoadFile(planFile));

        var next = await NextPlanAsync();
        (exit, output, _) = await Run("plan", "publish", next);
        Assert.Equal(0, exit);
        var current = $"{_storage.Layout.Config}/plans/2023-2025.json";
        Assert.StartsWith($"PUBLISHED plan 2023-2025 (2023–2025) as {current} (kept as {_storage.Layout.Config}/plans/2023-2025/", output, StringComparison.Ordinal);

        var blobs = await ConfigBlobsAsync();
        Assert.Equal(2, blobs.Count);
        var version = Assert.Single(blobs, b => b.Name.StartsWith("plans/2023-2025/", StringComparison.Ordinal));
        Assert.Matches(@"^plans/2023-2025/\d{8}T\d{6}Z-[0-9a-f]{8}\.json$", version.Name);
        var published = PlanWorkbooks.ImportValid(await File.ReadAllBytesAsync(next));
        Assert.Equal(PlanDocumentWriter.Sha256(published), version.Metadata["sha256"]);
        Assert.Equal("matriz-2023-2025.xlsx", Uri.UnescapeDataString(version.Metadata["source"]));
        var stored = await _storage.Blobs.GetBlobContainerClient(_storage.Layout.Config).GetBlobClient("plans/2023-2025.json").DownloadContentAsync();
        Assert.Equal(PlanDocumentWriter.Write(published), stored.Value.Content.ToArray());

        (exit, output, _) = await Run("plan", "list", "--json");
        Assert.Equal(0, exit);
        using (var list = JsonDocument.Parse(output))
        {
            var plans = list.RootElement.GetProperty("plans").EnumerateArray().ToList();
            Assert.Equal(["2020-2022", "2023-2025"], plans.Select(p => p.GetProperty("id").GetString()));
            Assert.Equal(("embedded", true), (plans[0].GetProperty("origin").GetString(), plans[0].GetProperty("default").GetBoolean()));
            Assert.Equal((2023, 2025), (plans[1].GetProperty("firstYear").GetInt32(), plans[1].GetProperty("lastYear").GetInt32()));
            Assert.Equal(("published", false, current), (plans[1].GetProperty("origin").GetString(), plans[1].GetProperty("default").GetBoolean(), plans[1].GetProperty("location").GetString()));
            Assert.Equal("matriz-2023-2025.xlsx", plans[1].GetProperty("source").GetString());
            Assert.Empty(list.RootElement.GetProperty("problems").EnumerateArray());
        }
        (exit, output, _) = await Run("plan", "list");
        Assert.Equal(0, exit);
        Assert.Contains("2 plans in force:", output, StringComparison.Ordinal);
        Assert.Contains("2020-2022    2020–2022  embedded  default", output, StringComparison.Ordinal);
        Assert.Contains("2023-2025    2023–2025  published", output, StringComparison.Ordinal);

        // The published plan exports from storage like any other.
        var again = PathOf("again.xlsx");
        (exit, _, _) = await Run("plan", "export", "--plan", "2023-2025", "--out", again);
        Assert.Equal(0, exit);
        PlanCatalogAssert.Equal(published, PlanWorkbooks.ImportValid(await File.ReadAllBytesAsync(again)));
    }

    [Fact]
    public async Task Republishing_the_same_plan_is_a_no_op_and_other_content_for_its_id_needs_replace()
    {
        var next = await NextPlanAsync();
        Assert.Equal(0, (await Run("plan", "publish", next)).Exit);

        var (exit, output, _) = await Run("plan", "publish", next);
        Assert.Equal(0, exit);
        Assert.StartsWith("UNCHANGED plan 2023-2025 (2023–2025) is already in force with identical content", output, StringComparison.Ordinal);
        var asJson = PathOf("plan-2023-2025.json");
        Assert.Equal(0, (await Run("plan", "import", next, "--out", asJson)).Exit);
        Assert.StartsWith("UNCHANGED", (await Run("plan", "publish", asJson)).Out, StringComparison.Ordinal);
        Assert.Equal(2, (await ConfigBlobsAsync()).Count);

        var plan = PlanLoader.LoadFile(asJson);
        var changed = PlanFile(plan with { Title = new("Matriz del Plan Operativo 2023-2025 (revisada)", "Operational Plan Matrix 2023-2025 (revised)") }, "revised.json");
        (exit, output, _) = await Run("plan", "publish", changed);
        Assert.Equal(1, exit);
        Assert.Contains("PLAN_ALREADY_PUBLISHED: Para publicar esta versión en lugar de la publicada, repita con --replace (la anterior se conserva): el plan 2023-2025 ya está publicado (el ", output, StringComparison.Ordinal);
        Assert.Equal(2, (await ConfigBlobsAsync()).Count);

        (exit, output, _) = await Run("plan", "publish", changed, "--replace");
        Assert.Equal(0, exit);
        Assert.StartsWith("REPLACED plan 2023-2025", output, StringComparison.Ordinal);
        var blobs = await ConfigBlobsAsync();
        Assert.Equal(3, blobs.Count(b => b.Name.StartsWith("plans/2023-2025", StringComparison.Ordinal)));
        Assert.Equal(PlanDocumentWriter.Sha256(PlanLoader.LoadFile(changed)), blobs.Single(b => b.Name == "plans/2023-2025.json").Metadata["sha256"]);
        Assert.Equal(2, blobs.Select(b => b.Metadata["sha256"]).Distinct().Count());
    }

    [Fact]
    public async Task Years_overlapping_another_plan_in_force_are_refused_naming_both_plans()
    {
        Assert.Equal(0, (await Run("plan", "publish", await NextPlanAsync())).Exit);
        var next = PlanWorkbooks.ImportValid(await File.ReadAllBytesAsync(PathOf("matriz-2023-2025.xlsx")));
        var overlapping = PlanFile(next with { Id = "2022-2024", FirstYear = 2022, LastYear = 2024 }, "overlap.json");

        var (exit, output, _) = await Run("plan", "publish", overlapping, "--lang", "en");

        Assert.Equal(1, exit);
        Assert.StartsWith("REFUSED plan 2022-2024 (2022–2024): 2 problems", output, StringComparison.Ordinal);
        Assert.Contains("PLAN_YEARS_OVERLAP: Correct the years of one of the two plans, as each year belongs to one plan only: those of plan 2022-2024 (2022–2024) overlap those of plan 2020-2022 (2020–2022) (embedded in the application, embedded plan-2020-2022.json)", output, StringComparison.Ordinal);
        Assert.Contains($"overlap those of plan 2023-2025 (2023–2025) (published, {_storage.Layout.Config}/plans/2023-2025.json)", output, StringComparison.Ordinal);
        Assert.DoesNotContain(await ConfigBlobsAsync(), b => b.Name.Contains("2022-2024", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_embedded_plan_republished_unchanged_is_a_no_op_and_a_corrected_one_replaces_it_with_replace()
    {
        var (exit, output, _) = await Run("plan", "publish", await ExportedAsync());
        Assert.Equal(0, exit);
        Assert.Contains("UNCHANGED plan 2020-2022", output, StringComparison.Ordinal);
        Assert.Empty(await ConfigBlobsAsync());

        var corrected = RealPlan.Catalog with
        {
            Axes = RealPlan.Catalog.Axes.Select(a => a with { Name = a.Code == "4" ? new("Fortalecimiento Institucional", "Institution Building") : a.Name }).ToList(),
        };
        var file = PlanFile(corrected, "corrected.json");
        (exit, output, _) = await Run("plan", "publish", file);
        Assert.Equal(1, exit);
        Assert.Contains("ya está publicado (incluido en la aplicación, embedded plan-2020-2022.json)", output, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("plan", "publish", file, "--replace")).Exit);
        (exit, output, _) = await Run("plan", "list", "--json");
        using var list = JsonDocument.Parse(output);
        var plan = Assert.Single(list.RootElement.GetProperty("plans").EnumerateArray());
        Assert.Equal(("published", "embedded", true), (plan.GetProperty("origin").GetString(), plan.GetProperty("replaces").GetString(), plan.GetProperty("default").GetBoolean()));
    }

    [Fact]
    public async Task An_invalid_plan_is_not_published_and_every_problem_is_listed()
    {
        var broken = PathOf("broken.xlsx");
        await File.WriteAllBytesAsync(broken, Workbooks.Edit(await File.ReadAllBytesAsync(await ExportedAsync()), wb =>
        {
            var ws = PlanWorkbooks.MatrixSheet(wb);
            ws.Unprotect();
            PlanWorkbooks.Cell(ws, "1.1.1.2", Core.PlanWorkbook.MatrixColumn.Programado, 2020).SetValue(150);
            PlanWorkbooks.Cell(ws, "2.1.1.1", Core.PlanWorkbook.MatrixColumn.Level).SetValue("");
        }));

        var (exit, output, _) = await Run("plan", "publish", broken);

        Assert.Equal(1, exit);
        Assert.StartsWith("INVALID broken.xlsx: 2 errors, 0 warnings", output, StringComparison.Ordinal);
        Assert.Contains("error   PLAN_PERCENT_OUT_OF_RANGE: Hoja «Matriz», celda T8 (actividad 1.1.1.2)", output, StringComparison.Ordinal);
        Assert.Contains("error   PLAN_LEVEL_MISSING", output, StringComparison.Ordinal);
        Assert.Empty(await ConfigBlobsAsync());

        (exit, output, _) = await Run("plan", "import", broken, "--json", "--lang", "en");
        Assert.Equal(1, exit);
        using var report = JsonDocument.Parse(output);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("plan").ValueKind);
        Assert.Equal("en", report.RootElement.GetProperty("language").GetString());
        var error = report.RootElement.GetProperty("errors")[0];
        Assert.Equal(("PLAN_PERCENT_OUT_OF_RANGE", "error", "Matriz", "T8", "1.1.1.2"),
            (error.GetProperty("code").GetString(), error.GetProperty("severity").GetString(), error.GetProperty("sheet").GetString(),
             error.GetProperty("cell").GetString(), error.GetProperty("activity").GetString()));
        Assert.StartsWith("Sheet \"Matriz\", cell T8 (activity 1.1.1.2): Type a percentage from 0 to 100 in column «Programado 2020 (%)»", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_blob_that_cannot_be_loaded_is_listed_as_a_problem()
    {
        var container = _storage.Blobs.GetBlobContainerClient(_storage.Layout.Config);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("plans/2030-2032.json").UploadAsync(BinaryData.FromString("{ \"id\": \"2030-2032\" "));

        var (exit, output, _) = await Run("plan", "list");

        Assert.Equal(1, exit);
        Assert.Contains("2020-2022", output, StringComparison.Ordinal);
        Assert.Contains($"problem: The published plan '{_storage.Layout.Config}/plans/2030-2032.json' is invalid", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("plan", "frob")]
    [InlineData("plan", "import")]
    [InlineData("plan", "import", "missing.xlsx")]
    [InlineData("plan", "import", "a.xlsx", "b.xlsx")]
    [InlineData("plan", "export", "--plan", "2020-2022")]
    [InlineData("plan", "export", "--plan", "1999-2001", "--out", "x.xlsx")]
    [InlineData("plan", "publish")]
    [InlineData("plan", "publish", "x.json", "--lang", "fr")]
    [InlineData("plan", "list", "--all")]
    public async Task Bad_invocations_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = await Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("usage: serverlessplan plan export --plan ID --out FILE.xlsx", error, StringComparison.Ordinal);
        Assert.Contains("serverlessplan plan publish FILE.json|FILE.xlsx [--replace]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_plan_sub_verb()
    {
        var (exit, output, _) = await Run("help");
        Assert.Equal(0, exit);
        foreach (var usage in new[] { "plan export", "plan import", "plan publish", "plan list" })
            Assert.Contains($"serverlessplan {usage}", output, StringComparison.Ordinal);
    }
}
