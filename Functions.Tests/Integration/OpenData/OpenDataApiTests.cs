using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Tests.Integration.Locks;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.OpenData;

/// <summary>
/// The open-data API through the real Kestrel server (<c>/api/v1/datasets/{table}</c>, <c>/api/v1/datapackage</c>),
/// every answer checked against the OpenAPI document the app serves: its status and content type are documented for
/// the path, and JSON rows keep their table's row schema (required columns, types, nullability, enumerations).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class OpenDataApiTests(AzuriteFixture azurite)
    : LockScenario(azurite, new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero)), IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;
    private PortalHost _portal = null!;
    private JsonDocument _openApi = null!;

    public async Task InitializeAsync()
    {
        await IngestAtAsync(Oct(10, 9), "informe.xlsx", Sheet(10));
        await IngestAtAsync(Oct(11, 9), "informe.xlsx", Sheet(40, "HN"), "HN");
        await IngestAtAsync(Oct(20, 9), "informe-v2.xlsx", Sheet(20));
        Clock.SetUtcNow(Nov(30));
        _portal = await PortalHost.StartAsync(_azurite, blobEvents: false, storage: Storage, time: Clock,
            extra: new Dictionary<string, string?> { ["Reports:LockGraceDays"] = Grace, ["Portal:SignInAuthority"] = Authority });
        using var anonymous = _portal.Server.CreateClient();
        var response = await anonymous.GetAsync("api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        _openApi = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _openApi.Dispose();
        await _portal.DisposeAsync();
    }

    private const string Authority = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555";

    private HttpClient Reader() => _portal.As("analista@coalicion.example.org", "Coalition.Reader");

    /// <summary>The answer's status and content type are among those the document lists for the path.</summary>
    private async Task<HttpResponseMessage> CheckedAsync(HttpClient client, string template, string url)
    {
        var response = await client.GetAsync(url);
        var operation = _openApi.RootElement.GetProperty("paths").GetProperty(template).GetProperty("get");
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var documented), $"{url}: {status} is not documented for {template}");
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        Assert.True(documented.GetProperty("content").TryGetProperty(type, out _), $"{url}: {status} {type} is not documented for {template}");
        if (documented.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
                Assert.True(response.Headers.Contains(header.Name), $"{url}: {status} documents the header {header.Name}, which the answer lacks");
        }

        return response;
    }

    private void AssertKeepsRowSchema(DatasetTable table, JsonElement row)
    {
        var schema = _openApi.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(Functions.Api.OpenDataOpenApi.RowSchema(table));
        var properties = schema.GetProperty("properties");
        foreach (var required in schema.GetProperty("required").EnumerateArray()) Assert.True(row.TryGetProperty(required.GetString()!, out _), $"{table.Name}: {required} missing");
        foreach (var value in row.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(value.Name, out var property), $"{table.Name}: {value.Name} is not in the schema");
            if (value.Value.ValueKind == JsonValueKind.Null)
            {
                Assert.True(property.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(), $"{table.Name}: {value.Name} is null but not nullable");
                continue;
            }

            var ok = property.GetProperty("type").GetString() switch
            {
                "integer" => value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetInt64(out _),
                "number" => value.Value.ValueKind == JsonValueKind.Number,
                "boolean" => value.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => value.Value.ValueKind == JsonValueKind.String,
            };
            Assert.True(ok, $"{table.Name}: {value.Name} = {value.Value} is not a {property.GetProperty("type")}");
            if (property.TryGetProperty("format", out var format) && format.GetString() == "date-time")
                Assert.True(DateTimeOffset.TryParse(value.Value.GetString(), CultureInfo.InvariantCulture, out _), $"{value.Name} is not a date-time");
            if (property.TryGetProperty("enum", out var values))
                Assert.Contains(value.Value.GetString(), values.EnumerateArray().Select(v => v.GetString()));
        }
    }

    [Fact]
    public async Task Every_table_as_json_keeps_the_documented_row_schema_and_equals_the_csv()
    {
        using var client = Reader();
        foreach (var table in OpenDataSchema.Tables)
        {
            var json = await CheckedAsync(client, "/api/v1/datasets/{table}", $"api/v1/datasets/{table.Name}?period=2021-Q3&format=json");
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            using var rows = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
            foreach (var row in rows.RootElement.EnumerateArray()) AssertKeepsRowSchema(table, row);

            var csv = await CheckedAsync(client, "/api/v1/datasets/{table}", $"api/v1/datasets/{table.Name}?period=2021-Q3");
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var path = Path.GetTempFileName();
            await File.WriteAllBytesAsync(path, await csv.Content.ReadAsByteArrayAsync());
            var (header, csvRows) = DataPackageCheck.ReadCsv(path);
            File.Delete(path);
            Assert.Equal(table.Fields.Select(f => f.Name), header);
            Assert.Equal(rows.RootElement.GetArrayLength(), csvRows.Count);
        }
    }

    [Fact]
    public async Task Progress_as_of_an_instant_is_the_version_current_then_and_parquet_reads_back()
    {
        using var client = Reader();
        var response = await CheckedAsync(client, "/api/v1/datasets/{table}", "api/v1/datasets/progress?period=2021-Q3&asOf=2021-10-15T00:00:00Z&format=json");
        using var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var gt = rows.RootElement.EnumerateArray().Single(r => r.GetProperty("unit_code").GetString() == "GT" && r.GetProperty("activity_code").GetString() == "1.1.1.2");
        Assert.Equal(10, gt.GetProperty("ejecutado_recorded").GetDouble());

        var parquet = await CheckedAsync(client, "/api/v1/datasets/{table}", "api/v1/datasets/progress?format=parquet");
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, await parquet.Content.ReadAsByteArrayAsync());
        var (header, parquetRows) = await DataPackageCheck.ReadParquetAsync(path);
        File.Delete(path);
        Assert.Equal(OpenDataSchema.Progress.Fields.Select(f => f.Name), header);
        Assert.Contains(parquetRows, r => r[Array.IndexOf(header, "unit_code")] == "GT" && r[Array.IndexOf(header, "ejecutado_recorded")] == "20");
    }

    [Fact]
    public async Task The_datapackage_describes_every_table_with_links_to_the_api()
    {
        using var client = Reader();
        var response = await CheckedAsync(client, "/api/v1/datapackage", "api/v1/datapackage?period=2021-Q3");
        using var descriptor = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(OpenDataSchema.Version, descriptor.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal(OpenDataSchema.Tables.Select(t => $"/api/v1/datasets/{t.Name}?period=2021-Q3"),
            descriptor.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()));
    }

    [Theory]
    [InlineData("api/v1/datasets/nothing", HttpStatusCode.NotFound)]
    [InlineData("api/v1/datasets/progress?format=xlsx", HttpStatusCode.BadRequest)]
    [InlineData("api/v1/datasets/progress?period=2021-Q5", HttpStatusCode.BadRequest)]
    [InlineData("api/v1/datasets/progress?asOf=yesterday", HttpStatusCode.BadRequest)]
    public async Task Wrong_requests_are_documented_problems(string url, HttpStatusCode expected)
    {
        using var client = Reader();
        var response = await CheckedAsync(client, "/api/v1/datasets/{table}", url);

        Assert.Equal(expected, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Only_coalition_readers_get_data()
    {
        using var anonymous = _portal.Server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await CheckedAsync(anonymous, "/api/v1/datasets/{table}", "api/v1/datasets/progress")).StatusCode);
        using var focalPoint = _portal.As("punto@gt.example.org", "Unit.GT");
        Assert.Equal(HttpStatusCode.Forbidden, (await CheckedAsync(focalPoint, "/api/v1/datasets/{table}", "api/v1/datasets/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CheckedAsync(focalPoint, "/api/v1/datapackage", "api/v1/datapackage")).StatusCode);
    }

    /// <summary>
    /// What Power BI's Web connector does with "Organizational account": a request with an empty bearer token, then
    /// the authority named in the 401's challenge; the resource it asks that authority for is the URL's root.
    /// </summary>
    [Theory]
    [InlineData("/api/v1/datasets/{table}", "api/v1/datasets/progress?format=csv")]
    [InlineData("/api/v1/datapackage", "api/v1/datapackage")]
    public async Task Power_Query_s_empty_bearer_probe_is_told_where_to_sign_in(string template, string url)
    {
        using var probe = _portal.Server.CreateClient();
        probe.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer ");

        var response = await CheckedAsync(probe, template, url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (scheme, parameters) = Challenges.Parse(Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("Bearer", scheme);
        Assert.Equal(Authority + "/oauth2/authorize", parameters["authorization_uri"]);
        Assert.Equal(Authority, parameters["realm"]);
        // And as MSAL, Entra ID's own client library, reads a challenge to find where to ask for a token.
        var msal = Microsoft.Identity.Client.WwwAuthenticateParameters.CreateFromAuthenticationHeaders(response.Headers, "Bearer");
        Assert.Equal(Authority, msal.Authority?.TrimEnd('/'));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("SIGN_IN_REQUIRED", problem.RootElement.GetProperty("code").GetString());

        // Signed in (App Service Authentication's principal, from a session or a validated token): data, no challenge.
        using var reader = Reader();
        var served = await CheckedAsync(reader, template, url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Empty(served.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Problems_are_in_the_language_asked_with_lang()
    {
        // Two callers: asking with lang also remembers it in the portal's language cookie.
        using var first = _portal.Server.CreateClient();
        using var second = _portal.Server.CreateClient();

        var english = await CheckedAsync(first, "/api/v1/datasets/{table}", "api/v1/datasets/progress?lang=en");
        var spanish = await CheckedAsync(second, "/api/v1/datasets/{table}", "api/v1/datasets/progress");

        using var en = JsonDocument.Parse(await english.Content.ReadAsStringAsync());
        using var es = JsonDocument.Parse(await spanish.Content.ReadAsStringAsync());
        Assert.Equal(Functions.Http.PortalGate.SignInRequired.En, en.RootElement.GetProperty("detail").GetString());
        Assert.Equal(Functions.Http.PortalGate.SignInRequired.Es, es.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_table_asked_for_while_every_build_slot_is_taken_is_refused_with_429_and_Retry_After_and_served_once_one_frees()
    {
        // The instance's workbook build slots are the exports' too: take them all, as running builds would.
        var builds = _portal.Server.Services.GetRequiredService<Core.Portal.Workbooks.WorkbookBuilds>();
        var held = Enumerable.Range(0, builds.Limit).Select(_ => builds.TrySlot()).ToList();
        Assert.All(held, Assert.NotNull);
        using var reader = Reader();

        var refused = await CheckedAsync(reader, "/api/v1/datasets/{table}", "api/v1/datasets/units?format=json");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(Core.Portal.Workbooks.WorkbookBuilds.RetryAfter, refused.Headers.RetryAfter?.Delta);

        held[0]!.Dispose();
        var served = await CheckedAsync(reader, "/api/v1/datasets/{table}", "api/v1/datasets/units?format=json");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        foreach (var slot in held) slot!.Dispose();
        // The answer's slot is given back once its rows are written (just after the last byte leaves): all free again.
        for (var wait = 0; wait < 250 && builds.Running > 0; wait++) await Task.Delay(20);
        Assert.Equal(0, builds.Running);
    }
}
