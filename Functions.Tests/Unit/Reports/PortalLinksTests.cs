using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Reports;

public sealed class PortalLinksTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);

    private static PortalLinks Links(string portal, string? legacy = null, ListLoggerProvider? logs = null)
    {
        using var factory = LoggerFactory.Create(b => { if (logs is not null) b.AddProvider(logs); });
        return new PortalLinks(PortalAddress.Resolve(new PortalOptions { BaseUrl = portal }, new DigestOptions { DownloadBaseUrl = legacy },
            factory.CreateLogger<PortalLinks>()));
    }

    [Theory]
    [InlineData("https://plan.coalicion.example")]
    [InlineData("https://plan.coalicion.example/")]
    public void Builds_the_three_portal_routes_from_the_base_address(string baseUrl)
    {
        var links = Links(baseUrl);

        Assert.True(links.Enabled);
        Assert.Equal("https://plan.coalicion.example/units/GT/2021-Q3", links.UnitPeriod("gt", Q3));
        Assert.Equal("https://plan.coalicion.example/coalition/2021-Q3", links.Coalition(Q3));
        Assert.Equal("https://plan.coalicion.example/coalition/2021-Q3/workbook", links.CoalitionWorkbook(Q3));
    }

    [Fact]
    public void Keeps_a_path_prefix_of_the_base_address()
    {
        Assert.Equal("https://coalicion.example/portal/units/ST/2021-Q3", Links("https://coalicion.example/portal/").UnitPeriod("ST", Q3));
    }

    [Fact]
    public void Without_a_base_address_there_are_no_links()
    {
        var links = Links("");

        Assert.False(links.Enabled);
        Assert.Null(links.UnitPeriod("GT", Q3));
        Assert.Null(links.CoalitionWorkbook(Q3));
    }

    [Fact]
    public void The_deprecated_Digest_DownloadBaseUrl_is_read_as_the_portal_address_with_a_warning_and_Portal_BaseUrl_wins()
    {
        var logs = new ListLoggerProvider();

        var fallback = Links("", "https://func.example", logs);
        var both = Links("https://portal.example", "https://func.example");

        Assert.Equal("https://func.example/coalition/2021-Q3", fallback.Coalition(Q3));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Digest__DownloadBaseUrl is deprecated", StringComparison.Ordinal));
        Assert.Equal("https://portal.example/coalition/2021-Q3", both.Coalition(Q3));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("https://plan.example", true)]
    [InlineData("http://localhost:7071/", true)]
    [InlineData("plan.example", false)]
    [InlineData("ftp://plan.example", false)]
    [InlineData("https://plan.example/?x=1", false)]
    public void Only_absolute_http_addresses_without_query_are_usable(string url, bool usable)
    {
        Assert.Equal(usable, PortalOptions.IsUsableBaseUrl(url));
    }
}
