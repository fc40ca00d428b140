using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Locks;

/// <summary>
/// <c>POST /api/validate</c> through a real Kestrel, with quarters that lock (the default grace): a sheet for a quarter
/// locked today is answered 422 with <c>PERIOD_LOCKED</c>, until the ST reopens the quarter for the unit.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class ValidateLockedHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TestStorage _storage = new(azurite);
    private FunctionsHttpServer _server = null!;

    public async Task InitializeAsync()
    {
        var settings = _storage.Settings();
        settings["Reports:LockGraceDays"] = LockScenario.Grace;
        settings["Contacts:SecretariatCopy"] = "st@coalicion.example.org";
        _server = await FunctionsHttpServer.StartAsync(settings);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Report)> PostAsync(string unit)
    {
        var content = new ByteArrayContent(FilledSheet.Complete(unit, "2021-Q3").Build());
        content.Headers.ContentType = new MediaTypeHeaderValue(Core.Sheets.Xlsx.ContentType);
        var response = await _server.Client.PostAsync($"api/validate?unit={unit}&period=2021-Q3", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_quarter_locked_today_is_refused_with_period_locked_until_the_ST_reopens_it_for_the_unit()
    {
        var (status, report) = await PostAsync("GT");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = report.GetProperty("errors")[0];
        Assert.Equal("PERIOD_LOCKED", error.GetProperty("code").GetString());
        Assert.Contains("desde el 15 de noviembre de 2021", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("la Secretaría Técnica (st@coalicion.example.org)", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        var calendar = RealPlan.Calendar(lockGraceDays: 15);
        var locks = new PeriodLockService(_storage.Locks(), calendar, RealPlan.Plans, RealPlan.Units, TimeProvider.System, NullLogger<PeriodLockService>.Instance);
        Assert.Equal(LockChangeOutcome.Reopened, (await locks.ReopenAsync(new ReopenRequest("GT", new ReportingPeriod(2021, 3), 1, "carga de un informe histórico", "test"), default)).Outcome);

        var (reopened, accepted) = await PostAsync("GT");
        var (other, _) = await PostAsync("HN");
        Assert.Equal(HttpStatusCode.OK, reopened);
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other);   // the reopening is GT's alone
    }
}
