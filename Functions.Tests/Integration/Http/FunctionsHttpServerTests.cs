using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Tests.Support;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Integration.Http;

/// <summary>The local server itself: it maps what the host maps, and it is as strict as Azure about synchronous I/O.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class FunctionsHttpServerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Maps_every_http_function_at_the_route_and_methods_the_host_sees()
    {
        await using var server = await FunctionsHttpServer.StartAsync(new TestStorage(azurite).Settings());

        var expected = FunctionsMetadata.Load()
            .Select(f => (Name: (string)f!["name"]!, Trigger: f["bindings"]!.AsArray().FirstOrDefault(b => (string?)b!["type"] == "httpTrigger")))
            .Where(f => f.Trigger is not null)
            .Select(f => $"{f.Name} {string.Join(",", f.Trigger!["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()))} /{(string?)f.Trigger["route"] ?? f.Name}")
            .Order();
        var mapped = server.Functions.Select(f => $"{f.Name} {string.Join(",", f.Methods.Select(m => m.ToUpperInvariant()))} {f.Pattern}").Order();

        Assert.Equal(expected, mapped);
        // host.json's empty route prefix: the API keeps its /api/… paths through its own routes, the portal is at the root.
        Assert.Contains(server.Functions, f => f.Pattern == "/api/validate");
        Assert.Contains(server.Functions, f => f.Pattern == "/units/{unit}/{period}");
    }

    [Fact]
    public async Task A_synchronous_read_of_the_request_body_fails_as_it_does_in_Azure()
    {
        await using var server = await FunctionsHttpServer.StartAsync(new TestStorage(azurite).Settings(), functionsAssembly: typeof(Probe).Assembly);

        using var synchronous = await server.Client.PostAsync("probe/sync", new StringContent("hola"));
        using var asynchronous = await server.Client.PostAsync("probe/async", new StringContent("hola"));

        Assert.Equal(HttpStatusCode.InternalServerError, synchronous.StatusCode);
        Assert.Contains(server.Logs.Entries, e => e.Exception is InvalidOperationException { Message: var m } && m.Contains("Synchronous operations are disallowed", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, asynchronous.StatusCode);
        Assert.Equal("4", await asynchronous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Binds_route_values_with_constraints_then_query_parameters_by_name()
    {
        await using var server = await FunctionsHttpServer.StartAsync(new TestStorage(azurite).Settings(), functionsAssembly: typeof(Probe).Assembly);

        using var bound = await server.Client.GetAsync("probe/items/42?label=uno");
        using var constrained = await server.Client.GetAsync("probe/items/cuarenta");

        Assert.Equal("42:uno", await bound.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, constrained.StatusCode);
    }
}

/// <summary>Functions of the test assembly, for the harness's own tests (the Functions app has none that misbehave).</summary>
public sealed class Probe
{
    [Function("ProbeSyncRead")]
    public IActionResult ReadSynchronously([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/sync")] HttpRequest req)
    {
        using var reader = new StreamReader(req.Body, Encoding.UTF8);
        return new ContentResult { Content = reader.ReadToEnd().Length.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    [Function("ProbeAsyncRead")]
    public async Task<IActionResult> ReadAsynchronously([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/async")] HttpRequest req,
        CancellationToken ct)
    {
        using var reader = new StreamReader(req.Body, Encoding.UTF8);
        return new ContentResult { Content = (await reader.ReadToEndAsync(ct)).Length.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    [Function("ProbeBinding")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060", Justification = "The trigger declares the route; the probe answers from the bound route values.")]
    public IActionResult Bind([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/items/{id:int}")] HttpRequest req, int id, string? label) =>
        new ContentResult { Content = $"{id}:{label}" };
}
