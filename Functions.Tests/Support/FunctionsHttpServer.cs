using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Functions;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The Functions app's HTTP functions served by a real Kestrel on loopback, so tests speak HTTP to them as clients do.
/// </summary>
/// <remarks>
/// <para>
/// What it reproduces of the isolated worker's ASP.NET Core integration (<c>ConfigureFunctionsWebApplication</c>):
/// Kestrel with synchronous I/O disallowed (its default, and the worker's); <c>AddMvc()</c>, which the worker adds so
/// returned <c>IActionResult</c>s execute with the same formatters (problem details as <c>application/problem+json</c>);
/// one endpoint per <c>[Function]</c> method with an <c>[HttpTrigger]</c> parameter, at
/// <c>{routePrefix}/{Route ?? function name}</c> with the declared methods, the prefix read from <c>host.json</c>
/// (<c>extensions.http.routePrefix</c>, default <c>api</c>) as the worker reads it; the function class made per
/// request from the request's scope of the app's real composition (<see cref="FunctionsServiceCollectionExtensions.AddFunctionsApp"/>,
/// options validated on start); parameters bound from the real request, its route values, then its query string, and
/// the request's cancellation token; an unhandled exception answers 500 with no body.
/// </para>
/// <para>
/// What it does not: the Functions host in front of the worker. No authorization level is enforced (function and
/// admin keys, <c>?code=</c>, <c>x-functions-key</c>, App Service authentication are ignored); no host-side limits
/// (the host's request body limit, the front end's 230 s timeout, <c>functionTimeout</c>); no worker middleware
/// (<c>IFunctionsWorkerMiddleware</c>), <c>FunctionContext</c>, <c>HttpRequestData</c>/<c>HttpResponseData</c>,
/// output bindings, forwarded headers, or invocation logging and telemetry by the host. Configuration is only what the
/// test passes (no environment variables, no local.settings.json).
/// </para>
/// </remarks>
public sealed class FunctionsHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsHttpServer(WebApplication app, IReadOnlyList<HttpFunction> functions, ListLoggerProvider logs)
    {
        _app = app;
        Functions = functions;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>: request <c>api/validate</c>, not <c>/api/validate</c>, relative to it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client on <see cref="BaseAddress"/>; make others with <see cref="CreateClient"/> (e.g. other handlers).</summary>
    public HttpClient Client { get; }

    /// <summary>The HTTP functions found and mapped.</summary>
    public IReadOnlyList<HttpFunction> Functions { get; }

    /// <summary>Everything the app logged, with structured properties.</summary>
    public ListLoggerProvider Logs { get; }

    /// <summary>The app's services (the same singletons the functions get).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the functions of <paramref name="functionsAssembly"/> (the Functions app by default) with
    /// <paramref name="settings"/> as the whole configuration (keys as in local.settings.json, <c>:</c> or <c>__</c>).
    /// </summary>
    /// <param name="configureServices">Runs after the app's composition: a registration here wins (a plan, a failing client).</param>
    public static async Task<FunctionsHttpServer> StartAsync(IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null, Assembly? functionsAssembly = null)
    {
        var assembly = functionsAssembly ?? typeof(ValidateUpload).Assembly;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = assembly.GetName().Name,
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AllowSynchronousIO = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        var logs = new ListLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddMvc();
        builder.Services.AddFunctionsApp(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        var functions = HttpFunction.Discover(assembly, RoutePrefix());
        foreach (var function in functions)
            app.MapMethods(function.Pattern, function.Methods, function.InvokeAsync).WithDisplayName(function.Name);
        try
        {
            // Runs the app's hosted services as the worker host does: the plan registry loads before anything is served.
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new FunctionsHttpServer(app, functions, logs);
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The host's <c>extensions.http.routePrefix</c> from the repository's host.json (the one deployed), <c>api</c> when absent.</summary>
    private static string RoutePrefix()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "host.json")));
        return (string?)hostJson?["extensions"]?["http"]?["routePrefix"] ?? "api";
    }
}
