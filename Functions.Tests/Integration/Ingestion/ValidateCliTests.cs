using System.Text.Json;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Ingestion;

/// <summary><c>serverlessplan validate</c> (offline) and <c>serverlessplan ingest</c> (against Azurite) through <see cref="CliApp"/>.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ValidateCliTests(AzuriteFixture azurite) : IDisposable
{
    private const string Period = "2021-Q3";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("validate-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Save(FilledSheet sheet, string name = "informe.xlsx")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, sheet.Build());
        return path;
    }

    /// <summary>Offline (Azurite not on its standard ports): the 2021 sheets are checked at today's date, with quarters that never lock.</summary>
    private static readonly Dictionary<string, string?> Offline = new() { ["Reports:LockGraceDays"] = TestStorage.NeverLock };

    private static async Task<(int Code, string Out, string Err)> Run(IDictionary<string, string?>? settings, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, settings);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Validate_exits_0_for_an_accepted_sheet_with_its_warnings_listed()
    {
        var file = Save(FilledSheet.Complete("GT", Period).Quantity("1.1.1.3", 4));

        var (code, stdout, _) = await Run(Offline, "validate", file, "--unit", "GT", "--period", Period);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"ACCEPTED GT {Period}: 1 warning", stdout, StringComparison.Ordinal);
        Assert.Contains("warning QUANTITY_IGNORED: Hoja «Informe», celda J11", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_exits_1_for_a_rejected_sheet_and_prints_the_json_report()
    {
        var sheet = FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "cincuenta").Focal(FilledSheet.FocalName, null);
        var file = Save(sheet);

        var (code, stdout, _) = await Run(Offline, "validate", file, "--json");

        Assert.Equal(ExitCodes.Rejected, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("accepted").GetBoolean());
        Assert.Equal("GT", root.GetProperty("unit").GetString());   // taken from the sheet: no --unit given
        Assert.Equal(Period, root.GetProperty("period").GetString());
        Assert.Equal("informe.xlsx", root.GetProperty("file").GetString());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal("EJECUTADO_NOT_A_NUMBER", error.GetProperty("code").GetString());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal("Informe", error.GetProperty("sheet").GetString());
        Assert.Equal(sheet.Cell("1.1.1.2", EjecutadoColumn), error.GetProperty("cell").GetString());
        Assert.Equal("1.1.1.2", error.GetProperty("activity").GetString());
        Assert.Contains("«cincuenta»", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal("FOCAL_POINT_MISSING", warning.GetProperty("code").GetString());
        Assert.Equal(FocalEmailCell, warning.GetProperty("cell").GetString());
    }

    [Fact]
    public async Task Validate_answers_in_english_for_belize_or_when_asked()
    {
        var file = Save(FilledSheet.Complete("GT", Period).EjecutadoText("1.1.1.2", "cincuenta"));

        var (code, stdout, _) = await Run(Offline, "validate", file, "--unit", "CR", "--period", Period, "--lang", "en", "--json");

        Assert.Equal(ExitCodes.Rejected, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("en", json.RootElement.GetProperty("language").GetString());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("UNIT_MISMATCH", error.GetProperty("code").GetString());
        Assert.StartsWith("Upload the file to the folder of GT or use the template of ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "{dir}/no-such-file.xlsx")]
    [InlineData("validate", "{file}", "--unit", "GT")]
    [InlineData("validate", "{file}", "--unit", "GT", "--period", "2021-T3")]
    [InlineData("validate", "{file}", "--lang", "fr")]
    [InlineData("validate", "{file}", "{file}")]
    [InlineData("ingest", "{file}", "--period", Period)]
    [InlineData("ingest", "{file}", "--unit", "XX", "--period", Period)]
    public async Task Exits_2_with_the_usage_for_bad_arguments(params string[] args)
    {
        var file = Save(FilledSheet.Complete("GT", Period));
        var resolved = args.Select(a => a.Replace("{file}", file).Replace("{dir}", _dir.FullName)).ToArray();

        var (code, stdout, stderr) = await Run(new TestStorage(azurite).Settings(), resolved);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains($"usage: serverlessplan {args[0]} FILE", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Ingest_uploads_merges_and_reports_then_a_second_run_is_a_duplicate()
    {
        var storage = new TestStorage(azurite);
        var sheet = FilledSheet.Complete("GT", Period);
        var bytes = sheet.Build();
        var file = Path.Combine(_dir.FullName, "informe.xlsx");
        await File.WriteAllBytesAsync(file, bytes);

        var (code, stdout, _) = await Run(storage.Settings(), "ingest", file, "--unit", "gt", "--period", Period, "--json");
        var (again, againOut, _) = await Run(storage.Settings(), "ingest", file, "--unit", "GT", "--period", Period);

        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("Accepted", root.GetProperty("outcome").GetString());
        Assert.Equal(Sha256(bytes), root.GetProperty("submissionId").GetString());
        Assert.Equal(15, root.GetProperty("rows").GetInt32());
        Assert.Equal($"{storage.Layout.Archive}/GT/{Period}/{Sha256(bytes)}.xlsx", root.GetProperty("archive").GetString());
        Assert.Equal($"{storage.Layout.Reports}/GT/{Period}/informe.validation.json", root.GetProperty("reportBlob").GetString());
        Assert.True(root.GetProperty("report").GetProperty("accepted").GetBoolean());

        var uploaded = await storage.Blobs.GetBlobContainerClient(storage.Layout.Uploads).GetBlobClient($"GT/{Period}/informe.xlsx").DownloadContentAsync();
        Assert.Equal(bytes, uploaded.Value.Content.ToArray());
        var rows = await storage.Progress().ReadCurrentAsync(storage.Submissions(), "GT", ReportingPeriod.Parse(Period), default);
        Assert.Equal(sheet.TypicalRows(), rows.OrderBy(r => sheet.RowOf(r.Activity)).Select(AsReported));

        Assert.Equal(ExitCodes.Ok, again);
        Assert.StartsWith($"Duplicate: {storage.Layout.Uploads}/GT/{Period}/informe.xlsx → 15 rows", againOut, StringComparison.Ordinal);
        Assert.Single((await storage.Submissions().ListPeriodAsync(ReportingPeriod.Parse(Period), default)).History);
    }

    [Fact]
    public async Task Ingest_exits_1_for_a_rejected_sheet_and_merges_nothing()
    {
        var storage = new TestStorage(azurite);
        var file = Save(FilledSheet.Complete("SV", Period));

        var (code, stdout, _) = await Run(storage.Settings(), "ingest", file, "--unit", "GT", "--period", Period);

        Assert.Equal(ExitCodes.Rejected, code);
        Assert.Contains("REJECTED GT 2021-Q3: 1 error", stdout, StringComparison.Ordinal);
        Assert.Contains("error   UNIT_MISMATCH", stdout, StringComparison.Ordinal);
        Assert.Null(await storage.Submissions().GetPointerAsync(TableKeys.Partition(ReportingPeriod.Parse(Period), "GT"), default));
    }

    [Fact]
    public async Task Validate_judges_the_lock_now_with_the_reopenings_in_storage_and_by_the_calendar_alone_without_it()
    {
        var file = Save(FilledSheet.Complete("GT", Period));
        var storage = new TestStorage(azurite);
        var locking = storage.Settings();
        locking["Reports:LockGraceDays"] = "15";
        var offline = new Dictionary<string, string?> { ["PlanStorage"] = Unreachable() };

        var (online, onlineOut, _) = await Run(locking, "validate", file, "--unit", "GT", "--period", Period);
        var (cut, cutOut, _) = await Run(offline, "validate", file, "--unit", "GT", "--period", Period);

        // 2021-Q3 locked on 15 November 2021: today it is locked for GT, which nobody reopened.
        Assert.Equal((ExitCodes.Rejected, ExitCodes.Rejected), (online, cut));
        Assert.Contains("error   PERIOD_LOCKED: Si necesita enviar este informe, pida a la Secretaría Técnica", onlineOut, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be read", onlineOut, StringComparison.Ordinal);
        Assert.Contains("error   PERIOD_LOCKED", cutOut, StringComparison.Ordinal);
        Assert.Contains("note: storage could not be read to check whether the ST reopened 2021-Q3 for GT.", cutOut, StringComparison.Ordinal);
    }

    /// <summary>A storage connection where nothing listens: the offline verbs fall back on what needs no storage.</summary>
    private static string Unreachable()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }
}
