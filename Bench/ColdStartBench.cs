using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Bench;

/// <summary>
/// Issue 25's cold start: the app's own start — a child process running <c>serverlessplan serve</c>, the local host of
/// the app's HTTP functions and blob deliveries (<c>LocalHost/</c>, the same composition as the Functions worker) —
/// timed from process start to the first portal page answered (the coalition board, read from Azurite) and to the
/// first upload's verdict, beside the bare host's start (<see cref="BareHost"/>) in the same run. The app is launched
/// twice over: from the build output (JIT compiled) and published ReadyToRun for linux-x64 (<c>dotnet publish -r
/// linux-x64 -p:PublishReadyToRun=true</c>, into <c>Bench/obj/coldstart-r2r</c>; see <see cref="PublishReadyToRunAsync"/>). Each start
/// is a new process; one untimed start of each comes first (the disk cache, Azurite's tables), then
/// <see cref="Starts"/> timed ones, alternating bare / build / ReadyToRun so load on the machine falls on all three.
/// </summary>
/// <remarks>
/// What it leaves out: the Functions host in front of the worker (the platform's part, which Flex Consumption's
/// always-ready instances keep warm; not runnable offline here), and Event Grid's push — the local host finds a new blob
/// by listing every second (<see cref="LocalHost.LocalBlobEventsOptions"/>), so an upload's verdict includes up to a
/// second of waiting; the same ingestion repeated in the warm process has the same wait, so the difference between the
/// two is the first ingestion's own cost.
/// </remarks>
public static class ColdStartBench
{
    public const int Starts = 5;
    public const string BareStep = "bare host (slim WebApplication, one route): process start → first answer";
    public const string PageStep = "app ({0}): process start → first portal page answered (board)";
    public const string ReadyStep = "app ({0}): process start → serving, blob deliveries on";
    public const string IngestStep = "app ({0}): process start → first upload's verdict";
    public const string FirstVerdictStep = "app ({0}): first upload → verdict";
    public const string WarmVerdictStep = "app ({0}): second upload → verdict, same process";
    public const string Build = "build output";
    public const string ReadyToRun = "ReadyToRun publish";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static async Task<IReadOnlyList<BenchLine>> RunAsync(string storageConnection, BenchScale scale, TextWriter progress, CancellationToken ct)
    {
        var starts = scale == BenchScale.Tiny ? 1 : Starts;
        var root = RepositoryRoot();
        await progress.WriteLineAsync("[coldstart] the CLI published ReadyToRun for linux-x64…");
        var r2r = await PublishReadyToRunAsync(root, progress, ct);

        var settings = Settings(storageConnection);
        await using var services = Compose(settings);
        var registry = services.GetRequiredService<PlanRegistry>();
        await registry.LoadAsync(ct);
        // Every unit's registered contact is the address its sample sheets carry: no FOCAL_EMAIL_NOT_REGISTERED warning.
        foreach (var unit in services.GetRequiredService<ReportingUnits>().All) settings[$"Contacts:Units:{unit.Code}"] = SampleSheetFiller.FocalEmailOf(unit);
        var sheets = new FreshSheets(services, registry);
        var bareDll = Path.Combine(AppContext.BaseDirectory, "serverlessplan-bench.dll");
        var buildDll = Path.Combine(AppContext.BaseDirectory, "serverlessplan.dll");
        var variants = new[] { (Name: Build, Dll: buildDll), (Name: ReadyToRun, Dll: Path.Combine(r2r, "serverlessplan.dll")) };

        var bare = new Timings();
        var bareCpu = new List<double>();
        var measured = variants.ToDictionary(v => v.Name, _ => new AppTimings());
        try
        {
            for (var i = -1; i < starts; i++)
            {
                await progress.WriteLineAsync(i < 0 ? "[coldstart] untimed starts…" : $"[coldstart] start {i + 1} of {starts}: bare host, build output, ReadyToRun…");
                var (bareMs, bareCpuMs) = await StartBareAsync(bareDll, ct);
                if (i >= 0)
                {
                    bare.Add(TimeSpan.FromMilliseconds(bareMs));
                    bareCpu.Add(bareCpuMs);
                }

                foreach (var (name, dll) in variants)
                {
                    var start = await StartAppAsync(dll, settings, sheets, ct);
                    if (i >= 0) measured[name].Add(start);
                }
            }
        }
        finally
        {
            await DeleteStorageAsync(services);
        }

        var lines = new List<BenchLine>
        {
            Line(scale, BareStep, bare, cpuMs: Median(bareCpu)),
        };
        foreach (var (name, _) in variants)
        {
            var m = measured[name];
            lines.Add(Line(scale, string.Format(null, PageStep, name), m.Page, floorMs: bare.Median, cpuMs: Median(m.PageCpu), floorCpuMs: Median(bareCpu)));
            lines.Add(Line(scale, string.Format(null, ReadyStep, name), m.Ready));
            lines.Add(Line(scale, string.Format(null, IngestStep, name), m.Ingested));
            lines.Add(Line(scale, string.Format(null, FirstVerdictStep, name), m.FirstVerdict, floorMs: m.WarmVerdict.Median));
            lines.Add(Line(scale, string.Format(null, WarmVerdictStep, name), m.WarmVerdict));
        }

        return lines;
    }

    private static BenchLine Line(BenchScale scale, string step, Timings t, double? floorMs = null, double? cpuMs = null, double? floorCpuMs = null) => new()
    {
        Section = BenchSections.ColdStart,
        Scale = scale.Name,
        Step = step,
        Ms = t.Median,
        P95Ms = t.Max,
        Iterations = t.Count,
        FloorMs = floorMs,
        CpuMs = cpuMs,
        FloorCpuMs = floorCpuMs,
    };

    private static double? Median(List<double> values) => values.Count == 0 ? null : values.Order().ElementAt((values.Count - 1) / 2);

    /// <summary>The timings of one way of launching the app, start after start.</summary>
    private sealed class AppTimings
    {
        public Timings Page { get; } = new();
        public List<double> PageCpu { get; } = [];
        public Timings Ready { get; } = new();
        public Timings Ingested { get; } = new();
        public Timings FirstVerdict { get; } = new();
        public Timings WarmVerdict { get; } = new();

        public void Add(AppStart start)
        {
            Page.Add(start.Page);
            PageCpu.Add(start.PageCpu.TotalMilliseconds);
            Ready.Add(start.Ready);
            Ingested.Add(start.FirstVerdict);
            FirstVerdict.Add(start.FirstVerdict - start.FirstUpload);
            WarmVerdict.Add(start.WarmVerdict);
        }
    }

    private sealed record AppStart(TimeSpan Page, TimeSpan PageCpu, TimeSpan Ready, TimeSpan FirstUpload, TimeSpan FirstVerdict, TimeSpan WarmVerdict);

    /// <summary>The bare host: process start to its one route's first 200.</summary>
    private static async Task<(double Ms, double CpuMs)> StartBareAsync(string benchDll, CancellationToken ct)
    {
        var port = FreePort();
        using var child = new Child(benchDll, [BareHost.Verb, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new Dictionary<string, string?>());
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var answered = await child.FirstAnswerAsync(client, "", ct);
        return (answered.TotalMilliseconds, child.Cpu.TotalMilliseconds);
    }

    /// <summary>
    /// One start of the app: the board until it answers 200, "serving" on stdout (blob deliveries on), then a fresh
    /// sheet uploaded until its verdict is recorded, then another in the same process.
    /// </summary>
    private static async Task<AppStart> StartAppAsync(string cliDll, IReadOnlyDictionary<string, string?> settings, FreshSheets sheets, CancellationToken ct)
    {
        var port = FreePort();
        using var child = new Child(cliDll, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], settings);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.For("bench@coalicion.example", PortalRoles.CoalitionReader).Encode());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var page = await child.FirstAnswerAsync(client, PortalRoutes.Fill(PortalRoutes.Board, ("period", sheets.BoardPeriod.ToString())), ct);
        var pageCpu = child.Cpu;
        var ready = await child.ServingAsync(ct);

        var first = child.Elapsed;
        await sheets.UploadAndAwaitVerdictAsync(child, ct);
        var firstVerdict = child.Elapsed;
        var warm = Stopwatch.StartNew();
        await sheets.UploadAndAwaitVerdictAsync(child, ct);
        return new AppStart(page, pageCpu, ready, first, firstVerdict, warm.Elapsed);
    }

    /// <summary>A child process (<c>dotnet DLL ARGS</c>) timed from its start; killed with its tree when disposed.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process _process;
        private readonly Stopwatch _clock;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<TimeSpan> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Child(string dll, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> settings)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            _clock = Stopwatch.StartNew();
            _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
            _process.OutputDataReceived += (_, e) => OnLine(e.Data, serving: true);
            _process.ErrorDataReceived += (_, e) => OnLine(e.Data, serving: false);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>The child's CPU time so far (all its threads).</summary>
        public TimeSpan Cpu => _process.TotalProcessorTime;

        private void OnLine(string? line, bool serving)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            // ServeCommand prints this line once LocalFunctionsServer.StartAsync returned: Kestrel and blob deliveries are on.
            if (serving && line.StartsWith("Portal and HTTP API at", StringComparison.Ordinal)) _serving.TrySetResult(_clock.Elapsed);
        }

        /// <summary>Polls <paramref name="path"/> until it answers 200: the time since the process started.</summary>
        public async Task<TimeSpan> FirstAnswerAsync(HttpClient client, string path, CancellationToken ct)
        {
            while (true)
            {
                Check();
                try
                {
                    using var response = await client.GetAsync(path, ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        await response.Content.ReadAsByteArrayAsync(ct);
                        return _clock.Elapsed;
                    }

                    throw new InvalidOperationException($"GET /{path} answered {(int)response.StatusCode}. Output:\n{Output}");
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                    await Task.Delay(5, ct);
                }
            }
        }

        public async Task<TimeSpan> ServingAsync(CancellationToken ct)
        {
            Check();
            return await _serving.Task.WaitAsync(StartTimeout, ct);
        }

        /// <summary>Fails with the child's output when it died or is taking too long.</summary>
        public void Check()
        {
            if (_process.HasExited) throw new InvalidOperationException($"The child process exited with {_process.ExitCode}. Output:\n{Output}");
            if (_clock.Elapsed > StartTimeout) throw new TimeoutException($"The child process did not get there within {StartTimeout}. Output:\n{Output}");
        }

        private string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }

    /// <summary>Sheets for unit × quarter pairs not uploaded before in this run's storage, so each upload is a first arrival (no duplicate).</summary>
    private sealed class FreshSheets
    {
        private readonly IEnumerator<(ReportingUnit Unit, ReportingPeriod Period)> _next;
        private readonly TemplateWriter _writer;
        private readonly SampleSheetFiller _filler;
        private readonly BlobContainerClient _uploads;
        private readonly SubmissionStore _submissions;

        public FreshSheets(IServiceProvider services, PlanRegistry registry)
        {
            _writer = services.GetRequiredService<TemplateWriter>();
            _filler = new SampleSheetFiller(registry);
            _uploads = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(services.GetRequiredService<StorageLayout>().Uploads);
            _submissions = services.GetRequiredService<SubmissionStore>();
            var units = services.GetRequiredService<ReportingUnits>();
            var plan = registry.Plans.Plans.Select(p => p.Catalog).OrderBy(p => p.FirstYear).First();
            var periods = Enumerable.Range(0, (plan.LastYear - plan.FirstYear + 1) * 4)
                .Select(i => new ReportingPeriod(plan.FirstYear + i / 4, i % 4 + 1)).ToList();
            BoardPeriod = periods[0];
            _next = periods.SelectMany(p => units.At(p).Countries.Select(u => (u, p))).GetEnumerator();
        }

        /// <summary>The quarter whose board the app is asked for first.</summary>
        public ReportingPeriod BoardPeriod { get; }

        public async Task UploadAndAwaitVerdictAsync(Child child, CancellationToken ct)
        {
            if (!_next.MoveNext()) throw new InvalidOperationException("The plan has no more unit × quarter pairs for the cold-start bench.");
            var (unit, period) = _next.Current;
            var sheet = _filler.Fill(_writer.Write(unit, period, unit.Language), unit, period);
            await _uploads.CreateIfNotExistsAsync(cancellationToken: ct);
            await _uploads.GetBlobClient(new UploadPath(unit.Code, period, "informe.xlsx").BlobName).UploadAsync(new BinaryData(sheet), ct);
            while (true)
            {
                child.Check();
                var (history, _) = await _submissions.ListUnitPeriodAsync(period, unit.Code, ct);
                if (history.FirstOrDefault(h => h.StatusValue != SubmissionStatus.Pending) is { } verdict)
                {
                    if (verdict.StatusValue != SubmissionStatus.Current)
                        throw new InvalidOperationException($"The cold-start sheet of {unit.Code} {period} ended {verdict.StatusValue}, not accepted.");
                    return;
                }

                await Task.Delay(10, ct);
            }
        }
    }

    /// <summary>The child's settings: Azurite under a prefix of its own, mail to the outbox, every quarter open to uploads.</summary>
    private static Dictionary<string, string?> Settings(string storageConnection)
    {
        var settings = new Dictionary<string, string?>
        {
            [StorageNames.Connection] = storageConnection,
            [$"{StorageOptions.Section}:Prefix"] = "coldstart" + Guid.NewGuid().ToString("N")[..10],
            ["Mail:SendGridApiKey"] = "",
            ["Contacts:SecretariatCopy"] = "st@bench.example.org",
            // The embedded plan's quarters are past: without automatic locks they take uploads, late, as the bench's others do.
            ["Reports:LockGraceDays"] = "-1",
            // The child logs only what ServeCommand prints (its "serving" line) and warnings: no console logging cost per request.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return settings;
    }

    /// <summary>The app's services over the same settings, in this process: to write the sheets and read the verdicts.</summary>
    private static ServiceProvider Compose(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddServerlessPlan(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task DeleteStorageAsync(ServiceProvider services)
    {
        var prefix = services.GetRequiredService<StorageLayout>().Prefix;
        var blobs = services.GetRequiredService<BlobServiceClient>();
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix)) await blobs.DeleteBlobContainerAsync(container.Name);
        var tables = services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();
        var names = new List<string>();
        await foreach (var table in tables.QueryAsync()) if (table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) names.Add(table.Name);
        foreach (var name in names) await tables.DeleteTableAsync(name);
    }

    /// <summary>
    /// <c>dotnet publish Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o Bench/obj/coldstart-r2r</c>
    /// (its intermediate files go to the projects' <c>obj/Release/net10.0/linux-x64</c>, beside the portable build's);
    /// or, when <c>BENCH_R2R_DIR</c> names a folder holding that publish already, that folder (a publish takes minutes).
    /// Not <c>--artifacts-path</c>: with it the SDK also publishes the portable build of the Functions project the CLI
    /// references and fails on duplicate files (NETSDK1152).
    /// </summary>
    private static async Task<string> PublishReadyToRunAsync(string root, TextWriter progress, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("BENCH_R2R_DIR") is { Length: > 0 } given)
        {
            if (!File.Exists(Path.Combine(given, "serverlessplan.dll"))) throw new InvalidOperationException($"BENCH_R2R_DIR={given} holds no serverlessplan.dll.");
            await progress.WriteLineAsync($"[coldstart] ReadyToRun publish taken from BENCH_R2R_DIR: {given}");
            return given;
        }

        var output = Path.Combine(root, "Bench", "obj", "coldstart-r2r");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine(root, "Cli", "Cli.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-o", output, "-nologo", "-v", "q",
                 })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish -p:PublishReadyToRun=true exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        await progress.WriteLineAsync($"[coldstart] published in {clock.Elapsed.TotalSeconds:0} s: {output}");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessPlan.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ServerlessPlan.sln above {AppContext.BaseDirectory}: run the bench from the repository's build output.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
