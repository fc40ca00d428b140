using System.Net;
using System.Text.RegularExpressions;
using ServerlessPlan.LocalHost;
using ServerlessPlan.Functions.Portal;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>
/// Who may reach what, route by route: every route of the app is enumerated from the <c>[HttpTrigger]</c> attributes
/// (not a hand-picked list), so a route added later is covered without editing these tests.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed partial class PortalAuthorizationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, blobEvents: false);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static readonly IReadOnlyList<HttpFunction> All = HttpFunction.Discover(typeof(HomeFunction).Assembly, HostSettings.RoutePrefix);

    /// <summary>Reachable without signing in: the start page, the stylesheet and script, the sign-in's own pages, and the keyed API.</summary>
    private static bool IsPublic(HttpFunction f) =>
        f.Name is "PortalHome" or nameof(PortalAssets) || f.Name.StartsWith("Development", StringComparison.Ordinal) ||
        f.Pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The unit's own pages (<c>/units/{unit}/…</c>): a focal point's, and readers'.</summary>
    public static TheoryData<string, string> UnitRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in All.Where(f => f.Pattern.StartsWith("/units/{unit}", StringComparison.Ordinal)))
            foreach (var method in f.Methods) data.Add(method.ToUpperInvariant(), f.Pattern);
        return data;
    }

    /// <summary>
    /// The ST's actions on a unit's quarter from the board (<c>/coalition/{period}/units/{unit}/…</c>) and the operations
    /// page with its replay (<c>/coalition/operations…</c>): administrators only.
    /// </summary>
    public static TheoryData<string, string> AdminRoutes()
    {
        var data = new TheoryData<string, string>();
        var admin = All.Where(f => f.Pattern.StartsWith("/coalition/", StringComparison.Ordinal)
            && (f.Methods.Any(m => m.Equals("post", StringComparison.OrdinalIgnoreCase)) || f.Pattern.StartsWith(OperationsRoute, StringComparison.Ordinal)));
        foreach (var f in admin)
            foreach (var method in f.Methods) data.Add(method.ToUpperInvariant(), f.Pattern);
        return data;
    }

    private const string OperationsRoute = "/coalition/operations";

    public static TheoryData<string, string> SignedInRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in All.Where(f => !IsPublic(f)))
            foreach (var method in f.Methods) data.Add(method.ToUpperInvariant(), f.Pattern);
        return data;
    }

    public static TheoryData<string, string> CoalitionRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in All.Where(f => f.Pattern.StartsWith("/coalition", StringComparison.Ordinal)))
            foreach (var method in f.Methods) data.Add(method.ToUpperInvariant(), f.Pattern);
        return data;
    }

    [Fact]
    public void The_enumeration_finds_the_unit_and_coalition_routes_of_the_portal()
    {
        Assert.True(UnitRoutes().Count >= 10, $"Only {UnitRoutes().Count} unit routes found.");
        Assert.Contains("POST /units/{unit}/{period}/upload", ((IEnumerable<object[]>)UnitRoutes()).Select(r => $"{r[0]} {r[1]}"));
        Assert.Contains("GET /coalition/{period}/workbook", ((IEnumerable<object[]>)CoalitionRoutes()).Select(r => $"{r[0]} {r[1]}"));
        Assert.Equal(["GET /coalition/operations", "POST /coalition/operations/replay", "POST /coalition/{period}/units/{unit}/lock", "POST /coalition/{period}/units/{unit}/reopen"],
            ((IEnumerable<object[]>)AdminRoutes()).Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UnitRoutes))]
    public async Task A_GT_focal_point_is_refused_every_route_of_HN_with_403(string method, string pattern)
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");

        using var response = await SendAsync(gt, method, Fill(pattern, "HN"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("UNIT_FORBIDDEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnitRoutes))]
    public async Task A_GT_focal_point_is_not_refused_the_same_routes_of_GT(string method, string pattern)
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");

        using var response = await SendAsync(gt, method, Fill(pattern, "GT"));

        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{method} {pattern}: {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(UnitRoutes))]
    public async Task A_reader_sees_every_unit_but_changes_nothing(string method, string pattern)
    {
        using var reader = await _portal.SessionAsync("presidencia@coalicion.example.org", "GT", "Coalition.Reader");

        using var response = await SendAsync(reader, method, Fill(pattern, "HN"));

        if (method == "POST")
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("UNIT_FORBIDDEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(CoalitionRoutes))]
    public async Task A_focal_point_is_refused_the_coalition_pages(string method, string pattern)
    {
        using var gt = await _portal.SessionAsync("ana@gt.example.org", "GT", "Unit.GT");

        using var response = await SendAsync(gt, method, Fill(pattern, "GT"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task A_reader_is_refused_the_ST_s_actions_with_403(string method, string pattern)
    {
        using var reader = await _portal.SessionAsync("presidencia@coalicion.example.org", "GT", "Coalition.Reader");

        using var response = await SendAsync(reader, method, Fill(pattern, "GT"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("COALITION_ADMIN_FORBIDDEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task An_administrator_is_let_through_to_the_ST_s_actions(string method, string pattern)
    {
        // The token of a form the administrator sees (a unit's upload form, being also GT's focal point here).
        using var admin = await _portal.SessionAsync("st@coalicion.example.org", "GT", "Coalition.Admin", "Unit.GT");

        using var response = await SendAsync(admin, method, Fill(pattern, "GT"), form: new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Functions.Http.AntiForgery.FieldName] = admin.Token,
            ["days"] = "7",
            ["reason"] = "prueba",
            ["blob"] = "uploads/GT/2021-Q3/informe.xlsx",
        }));

        // Through the gate: the quarter never locks in this host (grace -1), so a reopen or lock itself is refused with
        // 409; the operations page answers, and its replay of an upload that is not there says so.
        var expected = pattern.StartsWith(OperationsRoute, StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.Conflict;
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(SignedInRoutes))]
    public async Task Nobody_signed_in_is_sent_to_sign_in_or_told_401(string method, string pattern)
    {
        using var anonymous = _portal.Server.CreateClient();
        using var page = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, "GT").TrimStart('/'));
        page.Headers.Accept.ParseAdd("text/html");

        using var response = await anonymous.SendAsync(page);

        if (method == "GET")
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/.auth/login/aad?post_login_redirect_uri=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Empty(response.Headers.WwwAuthenticate);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            // RFC 7235: every 401 says how to authenticate; locally (no Portal__SignInAuthority) it names no authority.
            var (scheme, parameters) = Challenges.Parse(Assert.Single(response.Headers.WwwAuthenticate).ToString());
            Assert.Equal("Bearer", scheme);
            Assert.Equal(Core.Portal.BearerChallenge.LocalRealm, parameters["realm"]);
        }
    }

    [Theory]
    [MemberData(nameof(SignedInRoutes))]
    public async Task Without_trusted_authentication_a_principal_header_is_ignored(string method, string pattern)
    {
        // Development sign-in off and no WEBSITE_AUTH_ENABLED: nothing stands behind the header, so nobody is signed in.
        await using var plain = await PortalHost.StartAsync(azurite, blobEvents: false, new Dictionary<string, string?> { ["Portal:DevelopmentSignIn"] = "false" });
        using var spoofed = plain.As("mallory@example.org", "Coalition.Admin", "Unit.GT");
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern, "GT").TrimStart('/'));
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await spoofed.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_App_Service_Authentication_on_the_platform_header_is_believed()
    {
        await using var azure = await PortalHost.StartAsync(azurite, blobEvents: false, new Dictionary<string, string?>
        {
            ["Portal:DevelopmentSignIn"] = "false",
            ["WEBSITE_AUTH_ENABLED"] = "True",
        });
        using var reader = azure.As("presidencia@coalicion.example.org", "Coalition.Reader");

        using var board = await reader.GetAsync("coalition/2021-Q3");
        using var me = await reader.GetAsync(".auth/me");

        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        // The platform answers /.auth/* itself: the app has no such routes outside the development sign-in.
        Assert.Equal(HttpStatusCode.NotFound, me.StatusCode);
    }

    [Theory]
    [InlineData("%2F%09%2Fevil.example", "/")]
    [InlineData("%2F%0A%2Fevil.example", "/")]
    [InlineData("%2F%0D%2Fevil.example", "/")]
    [InlineData("%2F%20%2Fevil.example", "/")]
    [InlineData("%09%2F%2Fevil.example", "/")]
    [InlineData("%2F%2Fevil.example", "/")]
    [InlineData("%2F%5Cevil.example", "/")]
    [InlineData("%2F%00evil.example", "/")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("%2F", "/")]
    [InlineData("%2Fcoalition%2F2021-Q3%3Flang%3Den", "/coalition/2021-Q3?lang=en")]
    [InlineData("%2Funits%2FGT%2F2021-Q3", "/units/GT/2021-Q3")]
    public async Task Signing_out_of_the_development_sign_in_goes_back_only_to_a_local_path(string target, string location)
    {
        using var client = _portal.Server.CreateClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await client.GetAsync($".auth/logout?post_logout_redirect_uri={target}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, Assert.Single(response.Headers.NonValidated["Location"]));
    }

    private static async Task<HttpResponseMessage> SendAsync(PortalSession session, string method, string path, HttpContent? form = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("Origin", session.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        if (method == "POST") request.Content = form ?? PortalHost.Form(session.Token, FilledSheet.Complete("GT", "2021-Q3").Build());
        return await session.Client.SendAsync(request);
    }

    /// <summary>A concrete path for a route pattern: the unit given, a quarter of the plan, well-formed ids and names.</summary>
    private static string Fill(string pattern, string unit) => Parameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "unit" => unit,
        "period" => "2021-Q3",
        "id" => new string('a', 64),
        "stem" => "20211020-120000-informe",
        "name" => "portal.css",
        _ => "",
    }).Replace("//", "/", StringComparison.Ordinal);

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
