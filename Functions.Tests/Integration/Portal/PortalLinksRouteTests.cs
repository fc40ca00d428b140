using System.Net;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Portal;

/// <summary>The links result mails and the digest carry (Core/Links/PortalLinks) are pages the portal serves.</summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class PortalLinksRouteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalHost.StartAsync(azurite, blobEvents: false);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Every_link_in_mails_opens_its_page_for_those_it_is_meant_for()
    {
        await _portal.SubmitAsync("GT", "2021-Q3", FilledSheet.Complete("GT", "2021-Q3").Build());
        var links = new PortalLinks(_portal.BaseAddress.ToString());
        var period = new ReportingPeriod(2021, 3);
        using var focalPoint = _portal.As("ana@gt.example.org", "Unit.GT");
        using var reader = _portal.As("presidencia@coalicion.example.org", "Coalition.Reader");

        using var unitPage = await focalPoint.GetAsync(links.UnitPeriod("GT", period));
        using var board = await reader.GetAsync(links.Coalition(period));
        var workbook = await PortalHost.DownloadWorkbookAsync(reader, links.CoalitionWorkbook(period)!);

        Assert.Equal(HttpStatusCode.OK, unitPage.StatusCode);
        Assert.Contains("3.er trimestre de 2021", await unitPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        // The link redirects to the stored workbook in storage (Portal__WorkbookRedirect), which saves it under its name.
        Assert.Equal(HttpStatusCode.Redirect, workbook.Status);
        Assert.Equal("consolidado-2021-Q3.xlsx", workbook.FileName);
        Assert.NotEmpty(workbook.Bytes);
    }
}
