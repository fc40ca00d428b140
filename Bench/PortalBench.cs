using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.LocalHost;

namespace ServerlessPlan.Bench;

/// <summary>
/// The portal's coalition pages as a reader gets them, over HTTP from the local server (the same function classes as
/// the Functions host) on Azurite, with every unit's current submission of the last two quarters stored: the board
/// and the regional progress beside the storage reads they need, and the cached workbook download — the portal's
/// redirect followed to the last byte of the stored blob, as a browser downloads it (<c>Portal__WorkbookRedirect</c>,
/// on by default), and streamed through the app (the setting off) — beside a bare read of the same blob.
/// </summary>
public static class PortalBench
{
    public const string BoardStep = "board page (GET /" + PortalRoutes.Board + ")";
    public const string ProgressStep = "regional progress page, figures cached (GET …/progress)";
    public const string WorkbookStep = "cached workbook download (GET …/workbook, redirect followed to the last byte)";
    public const string StreamedWorkbookStep = "cached workbook streamed through the app (Portal__WorkbookRedirect=false)";
    public const double BoardTargetMs = 300;
    public const double WorkbookTargetRatio = 1.5;

    public const string AsOfWorkbookStep = "as-of workbook download repeated (GET …/workbook?asOf=, kept after the first)";

    /// <summary>Issue 20: the same as-of download repeated within this many times the cached workbook download.</summary>
    public const double AsOfTargetRatio = 1.5;

    private const int SeedParallelism = 8;

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(BenchEnvironment env, TextWriter progress, bool targeted, CancellationToken ct)
    {
        var data = env.Data;
        var period = data.LastPeriod;
        var seeded = data.Periods.Count > 1 ? new[] { period.Previous, period } : [period];
        await progress.WriteLineAsync($"[{env.Scale.Name}] portal: storing {env.Units.All.Count} units' current submissions for {string.Join(", ", seeded)}…");
        foreach (var p in seeded) await SeedAsync(env, p, ct);

        var settings = env.Settings.ToDictionary(s => s.Key, s => s.Value);
        settings["Portal:DevelopmentSignIn"] = "true";
        await using var server = await StartServerAsync(env, period, settings);
        settings["Portal:WorkbookRedirect"] = "false";
        await using var streamingServer = await StartServerAsync(env, period, settings);
        // Follows the workbook's redirect to storage, as a browser does (the principal header goes along: storage ignores it).
        using var client = Reader(server);
        using var streamingClient = Reader(streamingServer);

        var iterations = env.Scale == BenchScale.Tiny ? 3 : 30;
        var submissions = server.Services.GetRequiredService<SubmissionStore>();
        var loader = server.Services.GetRequiredService<ProgressSnapshotLoader>();
        await progress.WriteLineAsync($"[{env.Scale.Name}] portal: board, progress and workbook, {iterations} requests each…");

        var boardPath = PortalRoutes.Fill(PortalRoutes.Board, ("period", period.ToString()));
        var progressPath = PortalRoutes.Fill(PortalRoutes.Progress, ("period", period.ToString()));
        var workbookPath = PortalRoutes.Fill(PortalRoutes.Workbook, ("period", period.ToString()));
        var board = await TimeAsync(iterations, () => GetAsync(client, boardPath, ct));
        var boardReads = await TimeAsync(iterations, async () => (await submissions.ListPeriodAsync(period, ct)).History.Count);

        var coldProgress = await TimeAsync(1, () => GetAsync(client, progressPath, ct), warmUp: false);
        var warmProgress = await TimeAsync(iterations, () => GetAsync(client, progressPath, ct));
        var progressKeys = await TimeAsync(iterations, async () => (await submissions.ListPointersAsync(seeded[0], period, ct)).Count);
        var progressReads = await TimeAsync(Math.Min(iterations, 5), async () =>
            (await loader.LoadWithPreviousAsync(period, ct)).Current.CurrentRows.Count);

        var generated = await TimeAsync(1, () => GetAsync(client, workbookPath, ct), warmUp: false);
        await EnsureRedirectAsync(server, workbookPath, ct);
        var cached = await TimeAsync(iterations, () => GetAsync(client, workbookPath, ct));
        var streamed = await TimeAsync(iterations, () => GetAsync(streamingClient, workbookPath, ct));
        var blobName = await server.Services.GetRequiredService<WorkbookCache>().BlobNameAsync(period, ct);
        var blob = server.Services.GetRequiredService<BlobServiceClient>()
            .GetBlobContainerClient(server.Services.GetRequiredService<StorageLayout>().Workbooks).GetBlobClient(blobName);
        // An instant a day before the clock, after every seeded arrival: settled, so kept at the first download.
        var asOfPath = $"{workbookPath}?asOf={Uri.EscapeDataString(period.EndExclusive.AddDays(59).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture))}";
        var asOfFirst = await TimeAsync(1, () => GetAsync(client, asOfPath, ct), warmUp: false);
        var asOfRepeated = await TimeAsync(iterations, () => GetAsync(client, asOfPath, ct));
        var bare = await TimeAsync(iterations, async () =>
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: ct);
            await using var content = download.Value.Content;
            return await DrainAsync(content, ct);
        });

        return
        [
            Line(env, BoardStep, board, boardReads.Timings.Median,
                targeted ? $"p95 < {BoardTargetMs:0} ms" : null, targeted ? board.Timings.P95 < BoardTargetMs : null),
            Line(env, "board's storage reads (the period's Submissions: pointers, history)", boardReads, null),
            Line(env, ProgressStep, warmProgress, progressKeys.Timings.Median),
            Line(env, "regional progress page, first request (figures computed)", coldProgress, progressReads.Timings.Median),
            Line(env, "regional progress's storage reads when computing (current rows, quarter and previous)", progressReads, null),
            Line(env, "regional progress's key reads when cached (pointers, quarter and previous)", progressKeys, null),
            Line(env, WorkbookStep, cached, bare.Timings.Median,
                targeted ? $"≤ {WorkbookTargetRatio}× bare blob read" : null, targeted ? cached.Timings.Median <= WorkbookTargetRatio * bare.Timings.Median : null),
            Line(env, StreamedWorkbookStep, streamed, bare.Timings.Median),
            Line(env, "bare blob read of the same workbook (floor)", bare, null),
            Line(env, "workbook first download (generated and stored)", generated, null),
            Line(env, AsOfWorkbookStep, asOfRepeated, cached.Timings.Median,
                targeted ? $"≤ {AsOfTargetRatio}× cached workbook download" : null, targeted ? asOfRepeated.Timings.Median <= AsOfTargetRatio * cached.Timings.Median : null),
            Line(env, "as-of workbook first download (generated and kept)", asOfFirst, null),
        ];
    }

    /// <summary>The local server with this scale's plan and units, its clock after the last quarter's deadline (every quarter open and due).</summary>
    internal static Task<LocalFunctionsServer> StartServerAsync(BenchEnvironment env, ReportingPeriod period, Dictionary<string, string?> settings) =>
        LocalFunctionsServer.StartAsync(new LocalFunctionsServer.Options
        {
            Settings = new Dictionary<string, string?>(settings),
            BlobEvents = false,
            ConfigureServices = services =>
            {
                services.Replace(ServiceDescriptor.Singleton(env.Plans));
                services.Replace(ServiceDescriptor.Singleton(env.Catalog));
                services.Replace(ServiceDescriptor.Singleton(env.Units));
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(period.EndExclusive.AddDays(60))));
            },
        });

    /// <summary>The redirected figures mean nothing if the app fell back to streaming: check it redirects to storage.</summary>
    private static async Task EnsureRedirectAsync(LocalFunctionsServer server, string path, CancellationToken ct)
    {
        using var client = Reader(server, new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location is not { IsAbsoluteUri: true })
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}, not a redirect to storage: the portal streams the workbook.");
        }
    }

    internal static HttpClient Reader(LocalFunctionsServer server, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new HttpClientHandler()) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.For("bench@coalicion.example", PortalRoles.CoalitionReader).Encode());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    /// <summary>No rows: these steps scale with units and activities, not with a row count, so they stay out of the rows/s comparison.</summary>
    private static BenchLine Line(BenchEnvironment env, string step, Measured m, double? floorMs, string? target = null, bool? met = null) => new()
    {
        Section = BenchSections.Portal,
        Scale = env.Scale.Name,
        Step = step,
        Ms = m.Timings.Median,
        P95Ms = m.Timings.P95,
        CpuMs = m.Timings.CpuMedian,
        Iterations = m.Timings.Count,
        FloorMs = floorMs,
        OutputBytes = m.Bytes,
        Target = target,
        Met = met,
    };

    internal sealed record Measured(Timings Timings, long Bytes);

    /// <summary>Three untimed warm-up runs (first requests compile and connect), then <paramref name="iterations"/> timed ones.</summary>
    internal static async Task<Measured> TimeAsync(int iterations, Func<Task<long>> step, bool warmUp = true)
    {
        if (warmUp)
            for (var i = 0; i < 3; i++) await step();
        var timings = new Timings();
        long bytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            var clock = StepClock.StartNew();
            bytes = await step();
            clock.Stop();
            timings.Add(clock);
        }
        return new Measured(timings, bytes);
    }

    internal static async Task<long> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        return await DrainAsync(body, ct);
    }

    private static async Task<long> DrainAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0) total += read;
        return total;
    }

    /// <summary>Every unit's current submission for <paramref name="period"/>, written as the ingestion writes it: rows, then the pointer.</summary>
    internal static async Task SeedAsync(BenchEnvironment env, ReportingPeriod period, CancellationToken ct)
    {
        var snapshot = env.Data.Snapshot(period);
        var progress = env.Get<ProgressStore>();
        var submissions = env.Get<SubmissionStore>();
        await Parallel.ForEachAsync(snapshot.Submissions.History, new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = ct },
            async (entry, token) =>
            {
                await progress.WriteAsync(entry.PartitionKey, entry.RowKey, snapshot.CurrentRows[entry.Unit], token);
                await submissions.PromoteAsync(entry, token);
            });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
