using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The portal as <c>serverlessplan serve</c> runs it (the local server, development sign-in on, Event Grid emulated)
/// over one test's Azurite storage, with the clock on 20 October 2021: 2021-Q3 is open and still on time (due by
/// 30 October), 2021-Q4 has not opened.
/// </summary>
public sealed partial class PortalHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2021, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly bool _blobEvents;

    private PortalHost(TestStorage storage, FunctionsHttpServer server, bool blobEvents)
    {
        Storage = storage;
        Server = server;
        _blobEvents = blobEvents;
    }

    public TestStorage Storage { get; }

    public FunctionsHttpServer Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    /// <param name="configure">Runs after the clock is set: a registration here wins (plans in force, units).</param>
    /// <param name="arrivalsOnClock">
    /// Uploads arrive when <paramref name="time"/> says (the app's blob client stamps each write's version id with it, as
    /// Azure stamps the instant of the write: <see cref="BlobVersionIdPolicy"/>), so an upload can arrive before or after a
    /// quarter's lock as the test sets the clock.
    /// </param>
    /// <param name="storage">Storage another host or a scenario already holds data in (its own arrival stamps); a fresh one by default.</param>
    /// <param name="functionKey">Demand this key of the keyed API, as the Functions host does (null: keys not checked).</param>
    public static async Task<PortalHost> StartAsync(AzuriteFixture azurite, bool blobEvents = true, IReadOnlyDictionary<string, string?>? extra = null,
        TimeProvider? time = null, Action<IServiceCollection>? configure = null, bool arrivalsOnClock = false, TestStorage? storage = null,
        string? functionKey = null)
    {
        time ??= new FakeTimeProvider(Now);
        storage ??= new TestStorage(azurite, arrivals: arrivalsOnClock ? time : null);
        var settings = storage.Settings();
        settings["Portal:DevelopmentSignIn"] = "true";
        settings["Digest:Recipients"] = "presidencia@coalicion.example.org";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var server = await FunctionsHttpServer.StartAsync(settings, services =>
        {
            services.Replace(ServiceDescriptor.Singleton(time));
            if (arrivalsOnClock) services.Replace(ServiceDescriptor.Singleton(storage.Blobs));
            configure?.Invoke(services);
        }, blobEvents: blobEvents, functionKey: functionKey);
        return new PortalHost(storage, server, blobEvents);
    }

    /// <summary>A client that sends the principal App Service Authentication would send for these roles (no cookies kept).</summary>
    public HttpClient As(string name, params string[] roles)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.For(name, roles).Encode());
        return client;
    }

    /// <summary>A browser-like session: the principal header, cookies kept, and the anti-forgery token of its forms.</summary>
    public Task<PortalSession> SessionAsync(string name, string unitForToken, params string[] roles) =>
        SessionOnAsync($"units/{unitForToken}/2021-Q3", name, roles);

    /// <summary>A browser-like session whose token is taken from the forms of <paramref name="page"/> (empty when it has none).</summary>
    public async Task<PortalSession> SessionOnAsync(string page, string name, params string[] roles)
    {
        var cookies = new CookieContainer();
        var client = Server.CreateClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.For(name, roles).Encode());
        var html = await client.GetStringAsync(page);
        return new PortalSession(client, TokenIn(html));
    }

    /// <summary>The token of the page's forms; empty when the page has none for this user (a reader sees no upload form).</summary>
    public static string TokenIn(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    /// <summary>An upload as the portal's form sends it: the token field first, then the file.</summary>
    public static MultipartFormDataContent Form(string? token, byte[] sheet, string fileName = "informe GT 2021-Q3.xlsx")
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), AntiForgery.FieldName);
        var file = new ByteArrayContent(sheet);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx.ContentType);
        form.Add(file, "sheet", fileName);
        return form;
    }

    /// <summary>
    /// A country's upload, ingested: with Event Grid emulated, the blob is written and its delivery awaited (running the
    /// ingestion here too would race the delivery); without, the ingestion the trigger runs is run at once.
    /// </summary>
    public async Task<SubmissionEntity> SubmitAsync(string unit, string period, byte[] sheet, string fileName = "informe.xlsx")
    {
        var path = new UploadPath(unit, ReportingPeriod.Parse(period), fileName);
        if (!_blobEvents)
        {
            await Server.Services.GetRequiredService<UploadSubmitter>().SubmitAsync(path, new MemoryStream(sheet), $"seed:{unit}", CancellationToken.None);
        }
        else
        {
            var container = Storage.Blobs.GetBlobContainerClient(Storage.Layout.Uploads);
            await container.CreateIfNotExistsAsync();
            await container.GetBlobClient(path.BlobName).UploadAsync(new BinaryData(sheet), overwrite: true);
        }
        return await OutcomeAsync(unit, period, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sheet)));
    }

    /// <summary>Waits (a few seconds at most) until the history records an outcome for the submission.</summary>
    public Task<SubmissionEntity> OutcomeAsync(string unit, string period, string submissionId) =>
        EntryAsync(TableKeys.Partition(ReportingPeriod.Parse(period), unit), submissionId, "no outcome recorded",
            entry => entry.StatusValue != SubmissionStatus.Pending);

    /// <summary>
    /// Waits (a few seconds at most) until the ingestion of the submission has finished writing its history entry: an
    /// outcome recorded and, when the unit has someone to tell, its result mail marked sent. A test that edits the
    /// entry itself (to make it look older) must wait for this, or its write races the mark the ingestion still makes.
    /// </summary>
    public Task<SubmissionEntity> SettledAsync(SubmissionEntity submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var mailed = !Server.Services.GetRequiredService<Core.Mail.RegisteredContacts>().For(submitted.Unit).IsEmpty;
        return EntryAsync(submitted.PartitionKey, submitted.RowKey, "its ingestion did not settle",
            entry => entry.StatusValue != SubmissionStatus.Pending && (!mailed || entry.NotifiedAt is not null));
    }

    /// <summary>Polls the history entry until <paramref name="done"/> holds, for 30 s at most.</summary>
    private async Task<SubmissionEntity> EntryAsync(string partition, string submissionId, string failure, Func<SubmissionEntity, bool> done)
    {
        var store = Server.Services.GetRequiredService<SubmissionStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var entry = await store.GetAsync(partition, submissionId, CancellationToken.None);
            if (entry is not null && done(entry)) return entry;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{submissionId}: {failure} in 30 s.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A download of the coalition's workbook as a browser makes it: the portal's answer (its <c>X-Workbook-Source</c>),
    /// then, when it redirects to a storage link, that link followed by a client that carries nothing of the session.
    /// </summary>
    public static async Task<WorkbookDownload> DownloadWorkbookAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path);
        var source = answer.Headers.TryGetValues("X-Workbook-Source", out var values) ? values.Single() : null;
        if (answer.StatusCode != HttpStatusCode.Redirect)
        {
            return new WorkbookDownload(answer.StatusCode, source, null, await answer.Content.ReadAsByteArrayAsync(),
                answer.Content.Headers.ContentDisposition, answer.Content.Headers.ContentType?.MediaType);
        }

        var link = answer.Headers.Location!;
        using var storage = new HttpClient();
        using var file = await storage.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        return new WorkbookDownload(answer.StatusCode, source, link, await file.Content.ReadAsByteArrayAsync(),
            file.Content.Headers.ContentDisposition, file.Content.Headers.ContentType?.MediaType);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    [GeneratedRegex("name=\"__sp_af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <param name="Status">The portal's answer: 302 to a storage link, or 200 with the file.</param>
/// <param name="Link">The storage link followed, when the portal redirected.</param>
public sealed record WorkbookDownload(HttpStatusCode Status, string? Source, Uri? Link, byte[] Bytes,
    ContentDispositionHeaderValue? Disposition, string? ContentType)
{
    /// <summary>The name the browser saves the file under.</summary>
    public string? FileName => Disposition?.FileNameStar ?? Disposition?.FileName?.Trim('"');
}

/// <summary>A signed-in browser-like client and the anti-forgery token its pages carry.</summary>
public sealed record PortalSession(HttpClient Client, string Token) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
