using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Http;

/// <summary><c>GET /api/templates/{unit}/{period}</c> through a real Kestrel on loopback, route values bound from the path.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class TemplateDownloadHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FunctionsHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await FunctionsHttpServer.StartAsync(new TestStorage(azurite).Settings());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Returns_the_xlsx_named_for_the_unit_and_period()
    {
        using var response = await _server.Client.GetAsync("api/templates/gt/2021-Q3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("plantilla-GT-2021-Q3.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        var sheet = new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance).Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("GT", sheet.Metadata.Parsed?.UnitCode);
        Assert.Equal("2021-Q3", sheet.Metadata.Parsed?.Period.ToString());
    }

    [Fact]
    public async Task Honours_lang_in_the_query()
    {
        using var response = await _server.Client.GetAsync("api/templates/GT/2022-Q1?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("template-GT-2022-Q1.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Theory]
    [InlineData("XX/2021-Q3", "Unidad desconocida 'XX'")]
    [InlineData("GT/2021-Q5", "Trimestre no válido '2021-Q5'")]
    [InlineData("GT/2031-Q1?lang=en", "Year 2031 is outside the plans in force: 2020-2022 (2020–2022).")]
    [InlineData("GT/2021-Q3?lang=fr", "Idioma no válido 'fr'")]
    public async Task Answers_400_with_a_problem_in_the_requested_language(string path, string detail)
    {
        using var response = await _server.Client.GetAsync($"api/templates/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/templates/GT")]
    [InlineData("api/templates/GT/2021-Q3/extra")]
    [InlineData("templates/GT/2021-Q3")]
    public async Task Paths_outside_the_route_template_are_not_found(string path)
    {
        using var response = await _server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_not_allowed()
    {
        using var response = await _server.Client.PostAsync("api/templates/GT/2021-Q3", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
