using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.OpenData.Exports;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Tests.Integration.Locks;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.OpenData;

/// <summary>
/// The <c>exports</c> container (docs/data.md, "In storage") over Azurite: after an accepted upload <c>current/</c> holds
/// exactly what <c>export --all</c> writes at the same instant, in both formats; a run with nothing new writes nothing;
/// two publishers at once end with the newer record in <c>current/</c>; a publisher dying mid-way leaves
/// <c>current/</c> as it was (or, dying while it copies, is finished by the next run).
/// </summary>
[Trait(Needs.Trait, Needs.Azurite)]
[Collection(AzuriteCollection.Name)]
public sealed class ExportPublisherTests(AzuriteFixture azurite) : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("exports");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A publisher as another instance would have it: its own single flight, over a blob client that may pass through a gate.</summary>
    private ExportPublisher Publisher(BlobWriteGate? gate = null)
    {
        var blobs = Storage.Blobs;
        if (gate is not null)
        {
            var options = new BlobClientOptions();
            options.AddPolicy(gate, HttpPipelinePosition.PerCall);
            blobs = new BlobServiceClient(Storage.ConnectionString, options);
        }

        return new ExportPublisher(blobs, Storage.Layout, Host.Get<PeriodRecordReader>(), Host.Get<DatasetRows>(), Host.Get<OpenDataExporter>(),
            Host.Get<PlanRegistry>(), Host.Get<ReportingUnits>(), Host.Get<WorkbookBuilds>(), Clock, NullLogger<ExportPublisher>.Instance);
    }

    private BlobContainerClient Exports => Storage.Blobs.GetBlobContainerClient(Storage.Layout.Exports);

    private async Task<byte[]> BytesAsync(string name) => (await Exports.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();

    private async Task<List<string>> SnapshotsAsync()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var blob in Exports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, ExportPublisher.SnapshotsFolder, default)) names.Add(blob.Name.Split('/')[1]);
        return [.. names];
    }

    private async Task<ExportManifest> CurrentAsync() => Assert.IsType<ExportManifest>(await Host.Get<ExportPublisher>().CurrentAsync(default));

    /// <summary>Every file of <c>current/</c> is byte for byte the snapshot's its manifest names.</summary>
    private async Task AssertCurrentIsSnapshotAsync(string snapshot)
    {
        foreach (var format in ExportPublisher.Formats)
        {
            foreach (var name in ExportPublisher.FileNames(format))
            {
                var folder = $"{format.Extension()}/{name}";
                Assert.Equal(await BytesAsync($"{ExportPublisher.SnapshotsFolder}{snapshot}/{folder}"), await BytesAsync($"{ExportPublisher.CurrentFolder}{folder}"));
            }
        }
    }

    private async Task<string> ExportAllAsync(DatasetFormat format)
    {
        var dir = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N"));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliApp.RunAsync(["export", "--all", "--format", format.Extension(), "--out", dir], stdout, stderr, CliSettings(),
            services => services.AddSingleton<TimeProvider>(Clock));
        Assert.True(exit == ExitCodes.Ok, stderr.ToString() + stdout);
        return dir;
    }

    /// <summary>The units with a sheet in <c>current/csv/progress.csv</c>.</summary>
    private async Task<List<string>> CurrentProgressUnitsAsync()
    {
        var path = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, await BytesAsync($"{ExportPublisher.CurrentFolder}csv/progress.csv"));
        var (header, rows) = DataPackageCheck.ReadCsv(path);
        var unit = Array.IndexOf(header, "unit_code");
        var submission = Array.IndexOf(header, "submission_id");
        return [.. rows.Where(r => r[submission] is { Length: > 0 }).Select(r => r[unit]!).Distinct().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task After_an_accepted_upload_current_holds_what_export_all_writes_at_the_same_instant()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));

        var publication = await Host.Get<ExportPublisher>().PublishAsync(default);

        Assert.Equal(ExportOutcome.Published, publication.Outcome);
        Assert.Equal("2021-10-10T090000Z", publication.Snapshot);
        var current = await CurrentAsync();
        Assert.Equal((publication.Snapshot, publication.Key, OpenDataSchema.Version), (current.Snapshot, current.Key, current.SchemaVersion));
        foreach (var format in ExportPublisher.Formats)
        {
            var dir = await ExportAllAsync(format);
            Assert.Equal(ExportPublisher.FileNames(format).Order(StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var name in ExportPublisher.FileNames(format))
            {
                var stored = await BytesAsync($"current/{format.Extension()}/{name}");
                Assert.True((await File.ReadAllBytesAsync(Path.Combine(dir, name))).SequenceEqual(stored), name);
            }
            var tables = await DataPackageCheck.ReadAsync(dir);
            Assert.Equal((long)tables["progress"].Records.Count(), current.Rows["progress"]);
        }

        await AssertCurrentIsSnapshotAsync(current.Snapshot);
        Assert.Equal(["GT"], await CurrentProgressUnitsAsync());
    }

    [Fact]
    public async Task A_run_with_nothing_new_writes_nothing_and_each_change_of_the_package_publishes_once()
    {
        var publisher = Host.Get<ExportPublisher>();
        Assert.Equal(ExportOutcome.NoData, (await publisher.PublishAsync(default)).Outcome);
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        var first = await publisher.PublishAsync(default);

        // Redelivered, or the next tick with nothing new: nothing written.
        Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await publisher.PublishAsync(default);
        Assert.Equal((ExportOutcome.UpToDate, first.Snapshot, first.Key), (again.Outcome, again.Snapshot, again.Key));
        Assert.Equal([first.Snapshot!], await SnapshotsAsync());

        // A rejected upload changes the submissions table: published.
        await IngestAtAsync(Oct(11, 9), "roto.xlsx", [1, 2, 3]);
        var rejected = await publisher.PublishAsync(default);
        Assert.Equal(ExportOutcome.Published, rejected.Outcome);

        // A reopening after the lock, and the sheet that comes in through it: after_reopening in current/.
        await ReopenAtAsync(Nov(19, 10));
        Assert.Equal(ExportOutcome.UpToDate, (await publisher.PublishAsync(default)).Outcome);
        await IngestAtAsync(Nov(20, 9), "informe-v2.xlsx", Sheet(20));
        var reopened = await publisher.PublishAsync(default);
        Assert.Equal(ExportOutcome.Published, reopened.Outcome);
        var progress = System.Text.Encoding.UTF8.GetString(await BytesAsync("current/csv/progress.csv"));
        Assert.Contains(",OnTime,true\r\n", progress, StringComparison.Ordinal);
        Assert.Equal(3, (await SnapshotsAsync()).Count);
        await AssertCurrentIsSnapshotAsync(reopened.Snapshot!);
    }

    [Fact]
    public async Task Two_publishers_at_once_end_with_the_newer_record_in_current()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        var gate = new BlobWriteGate("/snapshots/").Hold();
        var older = Publisher(gate);

        // The older publisher reads GT alone and stops inside its snapshot; a second trigger on its instance is refused.
        var olderRun = older.PublishAsync(default);
        await gate.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(ExportOutcome.Busy, (await older.PublishAsync(default)).Outcome);

        // Meanwhile HN's sheet is accepted and another instance publishes it.
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        var newer = await Publisher().PublishAsync(default);
        Assert.Equal(ExportOutcome.Published, newer.Outcome);

        gate.Release();
        var stale = await olderRun.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(ExportOutcome.Superseded, stale.Outcome);
        Assert.NotEqual(newer.Key, stale.Key);
        var current = await CurrentAsync();
        Assert.Equal((newer.Snapshot, newer.Key), (current.Snapshot, current.Key));
        await AssertCurrentIsSnapshotAsync(newer.Snapshot!);
        Assert.Equal(["GT", "HN"], await CurrentProgressUnitsAsync());
        // The stale snapshot is kept whole, dated before the newer one, and no manifest of current/ names it.
        Assert.Equal([stale.Snapshot!, newer.Snapshot!], await SnapshotsAsync());
    }

    [Fact]
    public async Task A_publisher_dying_in_its_snapshot_leaves_current_as_it_was()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        var first = await Publisher().PublishAsync(default);
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");

        await Assert.ThrowsAnyAsync<Exception>(() => Publisher(new BlobWriteGate("/parquet/progress.parquet").Fail()).PublishAsync(default));

        var current = await CurrentAsync();
        Assert.Equal((first.Snapshot, first.Key), (current.Snapshot, current.Key));
        await AssertCurrentIsSnapshotAsync(first.Snapshot!);
        Assert.Equal(["GT"], await CurrentProgressUnitsAsync());

        // The next run publishes HN; the dead run's folder stays incomplete, named by no manifest of current/.
        Clock.Advance(TimeSpan.FromMinutes(5));
        var next = await Publisher().PublishAsync(default);
        Assert.Equal(ExportOutcome.Published, next.Outcome);
        Assert.Equal(["GT", "HN"], await CurrentProgressUnitsAsync());
        Assert.Equal(3, (await SnapshotsAsync()).Count);
    }

    [Fact]
    public async Task A_publisher_dying_while_it_copies_into_current_is_finished_by_the_next_run()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        var first = await Publisher().PublishAsync(default);
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");

        await Assert.ThrowsAnyAsync<Exception>(() => Publisher(new BlobWriteGate("/current/parquet/").Fail()).PublishAsync(default));

        // current/manifest.json still names the first snapshot (the CSV files are the new ones already): the key differs from the record's…
        Assert.Equal(first.Snapshot, (await CurrentAsync()).Snapshot);
        // …so the next run publishes again (its lease was given back: no wait) and current/ is whole again.
        Clock.Advance(TimeSpan.FromMinutes(5));
        var next = await Publisher().PublishAsync(default);
        Assert.Equal(ExportOutcome.Published, next.Outcome);
        await AssertCurrentIsSnapshotAsync(next.Snapshot!);
        Assert.Equal(["GT", "HN"], await CurrentProgressUnitsAsync());
    }
}
