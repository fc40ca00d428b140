using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessPlan.LocalHost;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The app's HTTP functions on a real Kestrel on loopback, for tests: a thin wrapper over the production local
/// server (<see cref="LocalFunctionsServer"/>, what <c>serverlessplan serve</c> runs; its remarks say what it does and
/// does not reproduce of the Functions host), with the app's logs captured and a client on its address.
/// </summary>
public sealed class FunctionsHttpServer : IAsyncDisposable
{
    private readonly LocalFunctionsServer _server;

    private FunctionsHttpServer(LocalFunctionsServer server, ListLoggerProvider logs)
    {
        _server = server;
        Logs = logs;
        Client = CreateClient();
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>: request <c>api/validate</c>, not <c>/api/validate</c>, relative to it.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>A client on <see cref="BaseAddress"/>; make others with <see cref="CreateClient"/> (e.g. other handlers).</summary>
    public HttpClient Client { get; }

    /// <summary>The HTTP functions found and mapped.</summary>
    public IReadOnlyList<HttpFunction> Functions => _server.Functions;

    /// <summary>Everything the app logged, with structured properties.</summary>
    public ListLoggerProvider Logs { get; }

    /// <summary>The app's services (the same singletons the functions get).</summary>
    public IServiceProvider Services => _server.Services;

    /// <summary>
    /// Starts the functions of <paramref name="functionsAssembly"/> (the Functions app by default) with
    /// <paramref name="settings"/> as the whole configuration (keys as in local.settings.json, <c>:</c> or <c>__</c>).
    /// </summary>
    /// <param name="configureServices">Runs after the app's composition: a registration here wins (a plan, a failing client).</param>
    /// <param name="blobEvents">Emulate Event Grid's deliveries of new uploads to IngestUpload (polling every 200 ms).</param>
    /// <param name="functionKey">Demand this key of every non-anonymous function, as the host does (null: no check).</param>
    public static async Task<FunctionsHttpServer> StartAsync(IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null, Assembly? functionsAssembly = null, bool blobEvents = false,
        string? functionKey = null)
    {
        var logs = new ListLoggerProvider();
        var server = await LocalFunctionsServer.StartAsync(new LocalFunctionsServer.Options
        {
            Settings = settings,
            ConfigureServices = configureServices,
            ConfigureLogging = logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information),
            FunctionsAssembly = functionsAssembly,
            BlobEvents = blobEvents,
            BlobPollInterval = TimeSpan.FromMilliseconds(200),
            FunctionKey = functionKey,
        });
        return new FunctionsHttpServer(server, logs);
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
