using System.Net;
using System.Text;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Portal;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>
/// Which read link a download gets: a user-delegation SAS where the app reaches storage with an identity (Azure), one
/// key per instance renewed before it expires; a service SAS with a shared key; none — streamed, said once in the log —
/// when the setting is off or storage gives no key. Storage is a stub transport here: the key request is what is checked.
/// </summary>
public sealed class BlobReadLinksTests
{
    private static readonly Uri Account = new("https://stplan.blob.core.windows.net/");

    [Fact]
    public async Task With_an_identity_one_user_delegation_key_signs_every_link_of_the_instance()
    {
        var storage = new KeyService(TimeSpan.FromHours(6));
        var (links, _) = Links(storage.Client());

        var first = (await links.SignerAsync(default))!.ReadUri(Blob(storage.Client()), "consolidado-2021-Q3.xlsx", Xlsx.ContentType);
        var second = (await links.SignerAsync(default))!.ReadUri(Blob(storage.Client()), "consolidado-2021-Q3.xlsx", Xlsx.ContentType);

        Assert.Equal(1, storage.KeyRequests);
        var sas = HttpUtility.ParseQueryString(first.Query);
        Assert.Equal(KeyService.ObjectId, sas["skoid"]);
        Assert.Equal("r", sas["sp"]);
        Assert.Equal("b", sas["sr"]);
        Assert.Equal("https", sas["spr"]);
        Assert.Equal(Xlsx.ContentType, sas["rsct"]);
        Assert.Contains("attachment;", sas["rscd"], StringComparison.Ordinal);
        Assert.Contains("filename=\"consolidado-2021-Q3.xlsx\"", sas["rscd"], StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(sas["se"]!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(1));
        Assert.Equal("/workbooks/2021-Q3/abc.xlsx", first.AbsolutePath);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task A_key_close_to_its_expiry_is_renewed_before_a_link_is_signed()
    {
        // Less left than a link's lifetime and the skew margin: the next link could outlive the key.
        var storage = new KeyService(UserDelegationKeys.RenewBefore - TimeSpan.FromMinutes(1));
        var (links, _) = Links(storage.Client());

        await links.SignerAsync(default);
        await links.SignerAsync(default);

        Assert.Equal(2, storage.KeyRequests);
        var asked = storage.AskedExpiry!.Value - storage.AskedStart!.Value;
        Assert.Equal(UserDelegationKeys.KeyLifetime + TimeSpan.FromMinutes(5), asked);
    }

    [Fact]
    public async Task The_key_lives_only_as_long_as_the_links_need_and_outlives_every_link_it_signs()
    {
        var storage = new KeyService(UserDelegationKeys.KeyLifetime);
        var (links, _) = Links(storage.Client());

        var link = (await links.SignerAsync(default))!.ReadUri(Blob(storage.Client()), "consolidado-2021-Q3.xlsx", Xlsx.ContentType);

        var sas = HttpUtility.ParseQueryString(link.Query);
        var linkExpiry = DateTimeOffset.Parse(sas["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        var keyExpiry = DateTimeOffset.Parse(sas["ske"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(keyExpiry - linkExpiry >= TimeSpan.FromMinutes(5), $"key {keyExpiry:O}, link {linkExpiry:O}");
        // Asked for half an hour (and the five minutes of skew before now): a key taken from an instance soon ages out.
        Assert.True(storage.AskedExpiry!.Value - DateTimeOffset.UtcNow <= TimeSpan.FromMinutes(30));
        Assert.True(UserDelegationKeys.RenewBefore > BlobReadLinks.Lifetime);
    }

    [Fact]
    public async Task When_storage_refuses_a_key_downloads_stream_and_the_log_says_so_once()
    {
        var storage = new KeyService(TimeSpan.FromHours(6)) { Refuse = true };
        var (links, log) = Links(storage.Client());

        Assert.Null(await links.SignerAsync(default));
        Assert.Null(await links.SignerAsync(default));

        Assert.Equal(1, storage.KeyRequests);
        var entry = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("403", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_identity_gets_no_token_downloads_stream()
    {
        var client = new BlobServiceClient(Account, new NoToken(), new BlobClientOptions { Transport = new HttpClientTransport(new KeyService(TimeSpan.FromHours(1))) });
        var (links, log) = Links(client);

        Assert.Null(await links.SignerAsync(default));
        Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task With_a_shared_key_a_service_SAS_and_no_key_request()
    {
        var client = new BlobServiceClient(Account, new StorageSharedKeyCredential("stplan", Convert.ToBase64String(new byte[32])));
        var (links, _) = Links(client);

        var link = (await links.SignerAsync(default))!.ReadUri(Blob(client), "consolidado-2021-Q3.xlsx", Xlsx.ContentType);

        var sas = HttpUtility.ParseQueryString(link.Query);
        Assert.Null(sas["skoid"]);
        Assert.Equal("r", sas["sp"]);
        Assert.NotNull(sas["sig"]);
    }

    [Fact]
    public async Task The_setting_off_streams_and_asks_for_nothing()
    {
        var storage = new KeyService(TimeSpan.FromHours(6));
        var (links, log) = Links(storage.Client(), redirect: false);

        Assert.Null(await links.SignerAsync(default));
        Assert.Null(await links.SignerAsync(default));

        Assert.Equal(0, storage.KeyRequests);
        Assert.Single(log.Entries);
    }

    private static BlobClient Blob(BlobServiceClient client) => client.GetBlobContainerClient("workbooks").GetBlobClient("2021-Q3/abc.xlsx");

    private static (BlobReadLinks Links, ListLoggerProvider Log) Links(BlobServiceClient client, bool redirect = true)
    {
        var log = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(log));
        var options = Options.Create(new PortalOptions { WorkbookRedirect = redirect });
        return (new BlobReadLinks(client, new UserDelegationKeys(client), options, factory.CreateLogger<BlobReadLinks>()), log);
    }

    private sealed class NoToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("no managed identity here");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("no managed identity here");
    }

    private sealed class AnyToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    /// <summary>The Get User Delegation Key operation as the blob service answers it, with keys that expire after <paramref name="keyLife"/>.</summary>
    private sealed class KeyService(TimeSpan keyLife) : HttpMessageHandler
    {
        public const string ObjectId = "11111111-1111-1111-1111-111111111111";

        private int _keyRequests;

        public int KeyRequests => _keyRequests;

        public bool Refuse { get; init; }

        public DateTimeOffset? AskedStart { get; private set; }

        public DateTimeOffset? AskedExpiry { get; private set; }

        public BlobServiceClient Client() =>
            new(Account, new AnyToken(), new BlobClientOptions { Transport = new HttpClientTransport(this), Retry = { MaxRetries = 0 } });

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("comp=userdelegationkey&restype=service", string.Join('&', request.RequestUri!.Query.TrimStart('?').Split('&').Order()));
            Interlocked.Increment(ref _keyRequests);
            var body = System.Xml.Linq.XElement.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            AskedStart = DateTimeOffset.Parse(body.Element("Start")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            AskedExpiry = DateTimeOffset.Parse(body.Element("Expiry")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (Refuse)
            {
                return new HttpResponseMessage(HttpStatusCode.Forbidden)
                {
                    Content = new StringContent("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>no</Message></Error>",
                        Encoding.UTF8, "application/xml"),
                    Headers = { { "x-ms-error-code", "AuthorizationPermissionMismatch" } },
                };
            }

            var now = DateTimeOffset.UtcNow;
            var xml = $"""
                <?xml version="1.0" encoding="utf-8"?>
                <UserDelegationKey><SignedOid>{ObjectId}</SignedOid><SignedTid>22222222-2222-2222-2222-222222222222</SignedTid>
                <SignedStart>{now.AddMinutes(-5):yyyy-MM-ddTHH:mm:ssZ}</SignedStart><SignedExpiry>{now.Add(keyLife):yyyy-MM-ddTHH:mm:ssZ}</SignedExpiry>
                <SignedService>b</SignedService><SignedVersion>2025-01-05</SignedVersion><Value>{Convert.ToBase64String(new byte[32])}</Value></UserDelegationKey>
                """;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        }
    }
}
