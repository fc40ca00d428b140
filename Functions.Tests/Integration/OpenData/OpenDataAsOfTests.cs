using System.Globalization;
using ClosedXML.Excel;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Tests.Integration.Locks;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.OpenData;

/// <summary>
/// The package for an instant reproduces the as-of workbook (<c>export --as-of</c> and <c>workbook --as-of</c>): three
/// versions of GT's sheet, a rejected upload, one refused while locked and accepted after a reopening — and at each
/// instant the package's progress rows are the as-of workbook's <i>Datos</i>, its timeliness and "after a reopening"
/// the workbook's figures.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class OpenDataAsOfTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("open-data-as-of");

    public async Task InitializeAsync()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        await IngestAtAsync(Oct(12, 9), "informe.xlsx", FilledSheet.Complete("BZ", Q3.ToString()).EjecutadoText("1.1.1.2", "fifty").Build(), "BZ");
        await IngestAtAsync(Oct(20, 9), "informe-v2.xlsx", Sheet(20));
        await IngestAtAsync(Nov(18, 9), "informe-v3.xlsx", Sheet(30));
        await ReopenAtAsync(Nov(19, 10));
        await IngestAtAsync(Nov(22, 11), "informe-v3.xlsx", Sheet(30));
        Clock.SetUtcNow(Nov(30));
    }

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("2021-10-15T00:00:00Z")]
    [InlineData("2021-10-20T09:00:01Z")]
    [InlineData("2021-11-20T00:00:00Z")]
    [InlineData("2021-11-22T11:00:01Z")]
    [InlineData(null)]
    public async Task The_package_as_of_an_instant_reproduces_the_as_of_workbook(string? instant)
    {
        DateTimeOffset? asOf = instant is null ? null : DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        var stream = new MemoryStream();
        var summary = await Host.Get<MergedWorkbookService>().WriteAsync(Q3, stream, default, asOf);
        Assert.NotNull(summary);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var datos = DatosOracle.Read(workbook);
        var dir = Path.Combine(_dir.FullName, instant?.Replace(':', '-') ?? "now");
        var target = new DirectoryPackageTarget(dir);
        Assert.NotNull(await Host.Get<OpenDataExporter>().WritePackageAsync(target, DatasetScope.Of(Q3), DatasetFormat.Csv, asOf, default));
        target.Commit();

        var tables = await DataPackageCheck.ReadAsync(dir);
        Assert.Empty(DataPackageCheck.Problems(tables));
        var progress = tables["progress"].Records.ToList();
        Assert.Equal(datos.Count, progress.Count);
        // Every column of the as-of workbook's Datos, row for row.
        PackageAgainstDatos.AssertSame(workbook, tables["progress"]);
        foreach (var row in datos)
        {
            var p = progress.Single(r => r["unit_code"] == row.Unit && r["activity_code"] == row.Activity);
            Assert.Equal(row.Ejecutado, p["ejecutado_recorded"] is { } e ? double.Parse(e, CultureInfo.InvariantCulture) : null);
            Assert.Equal(row.HasSheet ? row.SubmissionId : null, p["submission_id"]);
        }

        var figures = summary.Progress!;
        foreach (var unit in figures.Units)
        {
            var rows = progress.Where(r => r["unit_code"] == unit.Unit.Code).ToList();
            Assert.All(rows, r => Assert.Equal(unit.Timeliness.ToString(), r["timeliness"]));
            Assert.All(rows, r => Assert.Equal(unit.HasReported && unit.ReceivedAfterLock ? "true" : "false", r["after_reopening"]));
        }

        var coverage = Assert.Single(tables["coverage"].Records);
        Assert.Equal(figures.ReceivedAfterLock.Count.ToString(CultureInfo.InvariantCulture), coverage["units_after_reopening"]);
        Assert.Equal(figures.UnitsReported.ToString(CultureInfo.InvariantCulture), coverage["units_reported"]);
        // The last version came in through the reopening: from its arrival on, the package says so.
        var afterReopening = asOf is null || asOf >= Nov(22, 11);
        Assert.Equal(afterReopening ? "true" : "false", progress.First(r => r["unit_code"] == "GT")["after_reopening"]);
    }

    [Fact]
    public async Task Before_the_first_accepted_arrival_there_is_no_package()
    {
        var target = new DirectoryPackageTarget(Path.Combine(_dir.FullName, "before"));

        Assert.Null(await Host.Get<OpenDataExporter>().WritePackageAsync(target, DatasetScope.Of(Q3), DatasetFormat.Csv, Oct(9), default));
    }
}
