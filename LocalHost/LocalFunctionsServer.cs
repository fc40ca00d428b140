using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Functions;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.LocalHost;

/// <summary>
/// The app's HTTP functions (portal and API) served by Kestrel without the Functions host: what
/// <c>serverlessplan serve</c> runs, what the tests and the bench speak HTTP to. One source of routes: each
/// <c>[Function]</c> with an <c>[HttpTrigger]</c> is mapped at its attribute's route under host.json's prefix; the
/// function classes come from the app's own composition (<see cref="FunctionsServiceCollectionExtensions.AddFunctionsApp"/>);
/// Event Grid's blob deliveries are emulated (<see cref="LocalBlobEvents"/>).
/// </summary>
/// <remarks>
/// <para>
/// What it reproduces of the isolated worker's ASP.NET Core integration (<c>ConfigureFunctionsWebApplication</c>):
/// Kestrel with synchronous I/O disallowed (its default, and the worker's); <c>AddMvc()</c>, which the worker adds so
/// returned <c>IActionResult</c>s execute with the same formatters (problem details as <c>application/problem+json</c>);
/// the app's worker middleware's two steps (<see cref="HttpPolicyMiddleware"/>: security headers, failures as a page or
/// problem JSON); route values, then the query string, bound by parameter name; the request's cancellation token.
/// </para>
/// <para>
/// What it does not: the Functions host in front of the worker. Authorization levels are enforced only when a
/// <see cref="Options.FunctionKey"/> is given (then a function or admin level function answers 401, as the host does,
/// unless the request carries that key as <c>?code=</c> or <c>x-functions-key</c>; there are no per-function or admin
/// keys); App Service Authentication is stood in for by the development sign-in when <c>Portal__DevelopmentSignIn</c>
/// is on, and otherwise absent (no principal is believed); no host-side limits (the host's request body
/// limit, the front end's 230 s timeout, <c>functionTimeout</c>); no <c>FunctionContext</c>,
/// <c>HttpRequestData</c>/<c>HttpResponseData</c>, output bindings, forwarded headers, or the host's invocation
/// logging; the timer (SendDigest) does not fire (run <c>serverlessplan digest</c>). Configuration is only what the
/// caller passes.
/// </para>
/// </remarks>
public sealed class LocalFunctionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalFunctionsServer(WebApplication app, IReadOnlyList<HttpFunction> functions)
    {
        _app = app;
        Functions = functions;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The HTTP functions found and mapped.</summary>
    public IReadOnlyList<HttpFunction> Functions { get; }

    /// <summary>The app's services (the same singletons the functions get).</summary>
    public IServiceProvider Services => _app.Services;

    public sealed record Options
    {
        /// <summary>The whole configuration (keys as in local.settings.json, <c>:</c> or <c>__</c>).</summary>
        public required IReadOnlyDictionary<string, string?> Settings { get; init; }

        public IPAddress Address { get; init; } = IPAddress.Loopback;

        /// <summary>0: a free port.</summary>
        public int Port { get; init; }

        /// <summary>Runs after the app's composition: a registration here wins (a clock, a plan, a failing client).</summary>
        public Action<IServiceCollection>? ConfigureServices { get; init; }

        public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

        /// <summary>Where the functions are (the Functions app's assembly by default; tests map probes of their own).</summary>
        public Assembly? FunctionsAssembly { get; init; }

        /// <summary>Emulate Event Grid's blob deliveries (on by default).</summary>
        public bool BlobEvents { get; init; } = true;

        public TimeSpan BlobPollInterval { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// The one key every non-anonymous function demands, as the host demands a function key (<c>serve
        /// --no-dev-sign-in</c>, the smoke test's runs). Null: keys are not checked.
        /// </summary>
        public string? FunctionKey { get; init; }
    }

    public static async Task<LocalFunctionsServer> StartAsync(Options options)
    {
        var assembly = options.FunctionsAssembly ?? FunctionsApp.Assembly;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = assembly.GetName().Name,
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(options.Settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AllowSynchronousIO = false;
            kestrel.Listen(options.Address, options.Port);
        });

        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddMvc();
        builder.Services.AddFunctionsApp(builder.Configuration);
        if (options.BlobEvents)
        {
            builder.Services.AddSingleton(new LocalBlobEventsOptions { FunctionsAssembly = assembly, PollInterval = options.BlobPollInterval });
            builder.Services.AddSingleton<LocalBlobEvents>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalBlobEvents>());
        }
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalFunctionsServer>();
        app.Use((context, next) => HttpPolicyAsync(context, next, logger));
        var functions = HttpFunction.Discover(assembly, HostSettings.RoutePrefix);
        foreach (var function in functions)
        {
            RequestDelegate invoke = options.FunctionKey is { } key && function.AuthLevel != AuthorizationLevel.Anonymous
                ? context => FunctionKeys.Accepts(context.Request, key) ? function.InvokeAsync(context) : FunctionKeys.RefuseAsync(context)
                : function.InvokeAsync;
            app.MapMethods(function.Pattern, function.Methods, invoke).WithDisplayName(function.Name);
        }
        try
        {
            // Runs the app's hosted services as the worker host does: the plan registry loads before anything is served.
            await app.StartAsync();
            // Blobs written from now on are delivered: none is mistaken for one that was there before the server.
            if (options.BlobEvents) await app.Services.GetRequiredService<LocalBlobEvents>().Ready;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new LocalFunctionsServer(app, functions);
    }

    /// <summary>Stops when <paramref name="stop"/> is cancelled (Ctrl-C for <c>serverlessplan serve</c>).</summary>
    public async Task RunUntilAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The worker middleware's steps (<see cref="HttpPolicyMiddleware"/>), around every function the same way.</summary>
    private static async Task HttpPolicyAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        SecurityHeaders.Apply(context);
        try
        {
            await next();
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            logger.LogError(ex, "Function {Function} failed on {Method} {Path}", context.GetEndpoint()?.DisplayName, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            SecurityHeaders.Apply(context);
            await HttpFailure.ForException(context.Request).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
    }
}
