using ClosedXML.Excel;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Integration.Ingestion.IngestionAssertions;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// The record as of any date (<c>workbook --as-of</c>, <see cref="MergedWorkbookService.WriteAsync"/> with an instant):
/// three versions of GT's sheet arriving at known times, a rejected upload, one refused while the quarter was locked, a
/// reopening and a lock — and the workbook as of an instant before the first version, between each and after the last
/// shows exactly that version's values in <i>Datos</i>, its submissions in <i>Envíos</i>, and says so in <i>Resumen</i>.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class AsOfWorkbookTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("as-of");
    private readonly Dictionary<double, string> _versions = [];

    /// <summary>v1 (10) on 10 October, v2 (20) on 20 October, v3 (30) refused on 18 November (locked) and accepted on 22 November.</summary>
    public async Task InitializeAsync()
    {
        _versions[10] = (await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10))).SubmissionId!;
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        var rejected = await IngestAtAsync(Oct(12, 9), "informe.xlsx", FilledSheet.Complete("BZ", Q3.ToString()).EjecutadoText("1.1.1.2", "fifty").Build(), "BZ");
        Assert.Equal("Rejected", rejected.Outcome.ToString());
        _versions[20] = (await IngestAtAsync(Oct(20, 9), "informe-v2.xlsx", Sheet(20))).SubmissionId!;
        var v3 = Sheet(30);
        Assert.Equal("PERIOD_LOCKED", Assert.Single((await IngestAtAsync(Nov(18, 9), "informe-v3.xlsx", v3)).Report.Errors).Code);
        await ReopenAtAsync(Nov(19, 10));
        _versions[30] = (await IngestAtAsync(Nov(22, 11), "informe-v3.xlsx", v3)).SubmissionId!;
        Clock.SetUtcNow(Nov(23, 9));
        await Locks.LockAsync(new Core.Locks.LockRequest("GT", Q3, "recibido", "Luis (ST)"), default);
        Clock.SetUtcNow(Nov(30));
    }

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private async Task<XLWorkbook?> WorkbookAsync(DateTimeOffset? asOf)
    {
        var stream = new MemoryStream();
        var summary = await Host.Get<MergedWorkbookService>().WriteAsync(Q3, stream, default, asOf);
        if (summary is null) return null;
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    /// <summary>GT's row for activity 1.1.1.2 in <i>Datos</i>: the value and the submission it came from.</summary>
    private static (double? Ejecutado, string Submission) Gt(XLWorkbook workbook)
    {
        var row = DatosOracle.Read(workbook).Single(r => r.Period == Q3.ToString() && r.Unit == "GT" && r.Activity == "1.1.1.2");
        return (row.Ejecutado, row.SubmissionId);
    }

    private static List<string> Texts(IXLWorksheet sheet) => sheet.CellsUsed().Select(c => c.GetString()).ToList();

    [Theory]
    [InlineData("2021-10-15T00:00:00Z", 10)]
    [InlineData("2021-10-20T08:59:59Z", 10)]
    [InlineData("2021-10-20T09:00:01Z", 20)]
    [InlineData("2021-11-20T00:00:00Z", 20)]    // v3 arrived on 18 November while locked: refused, it never counts
    [InlineData("2021-11-22T11:00:01Z", 30)]
    [InlineData("2021-11-29T00:00:00Z", 30)]
    public async Task As_of_each_instant_the_data_sheet_holds_exactly_the_version_current_then(string instant, double expected)
    {
        using var workbook = await WorkbookAsync(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((expected, _versions[expected]), Gt(workbook!));
        Assert.Equal(40, DatosOracle.Read(workbook!).Single(r => r.Period == Q3.ToString() && r.Unit == "HN" && r.Activity == "1.1.1.2").Ejecutado);
    }

    [Fact]
    public async Task Before_the_first_accepted_arrival_there_is_nothing_and_now_it_is_the_current_workbook()
    {
        Assert.Null(await WorkbookAsync(Oct(10, 8)));

        using var now = await WorkbookAsync(null);
        using var asOfNow = await WorkbookAsync(Clock.GetUtcNow());
        Assert.Equal(DatosOracle.Read(now!), DatosOracle.Read(asOfNow!));
    }

    [Fact]
    public async Task The_summary_says_the_instant_and_the_submissions_sheet_shows_the_history_as_it_was_then()
    {
        using var then = await WorkbookAsync(Nov(20));

        Assert.Contains("Situación al 20 de noviembre de 2021, 00:00 UTC, reconstruida del historial de envíos: lo vigente entonces, nada de lo que llegó después.",
            Texts(then!.Worksheet("Resumen")));
        var envios = then.Worksheet("Envíos");
        var rows = envios.RowsUsed().Skip(1).TakeWhile(r => r.Cell(1).GetString() != SubmissionsSheetTitle).Where(r => r.Cell(1).GetString() == "GT")
            .Select(r => $"{r.Cell(16).GetString()[..8]} {r.Cell(7).GetString()} {r.Cell(17).GetString()}").ToList();
        Assert.Equal([$"{_versions[10][..8]} Reemplazado No", $"{_versions[20][..8]} Vigente No", $"{_versions[30][..8]} Rechazado Sí: trimestre cerrado"], rows);
        // The reopening of 19 November is known by then; the lock of 23 November is not.
        var texts = Texts(envios);
        Assert.Contains("Reapertura hasta el 26 de noviembre de 2021", texts);
        Assert.DoesNotContain("Cierre anticipado de la reapertura", texts);
    }

    [Fact]
    public async Task The_current_workbook_says_which_sheet_came_in_after_the_lock_and_lists_every_reopening_and_lock()
    {
        using var now = await WorkbookAsync(null);

        Assert.Contains("Incluye 1 informe recibido tras el cierre del trimestre (15 de noviembre de 2021): Guatemala (reabierto por Ana Pérez (ST) el 19 de noviembre de 2021 " +
            "hasta el 26 de noviembre de 2021, cerrado de nuevo por Luis (ST) el 23 de noviembre de 2021: «cambio de punto focal»).", Texts(now!.Worksheet("Resumen")));
        var envios = now.Worksheet("Envíos");
        var texts = Texts(envios);
        Assert.Contains(SubmissionsSheetTitle, texts);
        Assert.Contains("Reapertura hasta el 26 de noviembre de 2021", texts);
        Assert.Contains("Cierre anticipado de la reapertura", texts);
        Assert.Contains("cambio de punto focal", texts);
        Assert.Contains(texts, t => t.StartsWith("Sí: reabierto por Ana Pérez (ST) el 19 de noviembre de 2021", StringComparison.Ordinal));
    }

    private const string SubmissionsSheetTitle = "Cierre del trimestre y reaperturas / Quarter lock and reopenings";

    [Fact]
    public async Task The_cli_writes_the_record_as_of_an_instant_and_refuses_a_future_one()
    {
        var path = Path.Combine(_dir.FullName, "al.xlsx");
        var (exit, output) = await CliAsync("workbook", "--period", "2021-Q3", "--as-of", "2021-10-25T00:00Z", "--out", path);
        var (before, beforeOutput) = await CliAsync("workbook", "--period", "2021-Q3", "--as-of", "2021-10-01T00:00:00Z", "--out", path + ".x");
        var (future, _) = await CliAsync("workbook", "--period", "2021-Q3", "--as-of", DateTimeOffset.UtcNow.AddDays(2).ToString("o"), "--out", path + ".y");
        var (bad, _) = await CliAsync("workbook", "--period", "2021-Q3", "--as-of", "ayer", "--out", path + ".z");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith("2021-Q3 as of 2021-10-25T00:00:00Z: 2 of 9 units reported", output, StringComparison.Ordinal);
        Assert.Contains("Situación al 25 de octubre de 2021, 00:00 UTC", output, StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(path)) Assert.Equal((20d, _versions[20]), Gt(workbook));
        Assert.Equal(ExitCodes.NoData, before);
        Assert.Contains("No accepted submissions for 2021-Q3 as of 2021-10-01T00:00:00Z", beforeOutput, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage), (future, bad));
        Assert.False(File.Exists(path + ".x"));
    }

    private async Task<(int Exit, string Out)> CliAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, new StringWriter(), CliSettings());
        return (exit, stdout.ToString());
    }

    [Fact]
    public async Task Every_arrival_is_in_the_log_with_its_verdict()
    {
        var arrivals = (await Host.Arrivals.ListAsync(Q3, default)).Where(a => a.Unit == "GT").OrderBy(a => a.ArrivedAt).ToList();

        Assert.Equal(["True ", "True ", "False PERIOD_LOCKED", "True "], arrivals.Select(a => $"{a.Accepted} {a.ErrorCodes}"));
        Assert.Equal(_versions[30], arrivals[2].SubmissionId);
        Assert.Equal(4, (await HistoryAsync(Host, Q3.ToString())).Count(h => h.Unit is "GT" or "HN"));
    }
}
