using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Bench;

/// <summary>
/// <c>serverlessplan-bench bare-host PORT</c>: the floor of the cold-start bench (<see cref="ColdStartBench"/>) — the
/// least a worker that answers HTTP starts: a slim <see cref="WebApplication"/> (the generic host, configuration,
/// dependency injection, Kestrel, as the isolated worker's ASP.NET Core integration and the local host build it) with
/// one route and no logging, launched the same way as the app (<c>dotnet X.dll</c>) so the process start is the same.
/// It never touches the bench's other code, so none of it is loaded.
/// </summary>
public static class BareHost
{
    public const string Verb = "bare-host";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Text("ok"));
        await app.RunAsync();
        return 0;
    }
}
