using System.Text.Json.Nodes;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The Functions site as Flex Consumption will receive it: nothing it refuses (ARM error 51021).</summary>
[Trait(Needs.Trait, Needs.Bicep)]
public sealed class FlexSiteTests
{
    // siteConfig properties known to be accepted on Flex Consumption (the official Flex samples set no more than
    // these). Adding one means checking it against the Flex Consumption deprecations first: regions that enforce the
    // list fail the whole deployment.
    private static readonly string[] AcceptedSiteConfig = ["minTlsVersion"];

    [Fact]
    public void Flex_site_sets_no_ftpsState_and_only_accepted_site_config()
    {
        var app = Deploy().Module("functionapp");
        var site = Assert.Single(app.Resources("Microsoft.Web/sites"));
        var siteConfig = app.Evaluate(site, "properties.siteConfig")?.AsObject() ?? [];

        Assert.DoesNotContain(siteConfig, p => p.Key.Equals("ftpsState", StringComparison.OrdinalIgnoreCase));
        Assert.Subset(AcceptedSiteConfig.ToHashSet(), siteConfig.Select(p => p.Key).ToHashSet());
        Assert.DoesNotContain("ftps", site.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Flex_site_declares_no_ftp_publishing_policy_and_keeps_scm_basic_auth_off()
    {
        var app = Deploy().Module("functionapp");
        var policies = app.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .Select(p => (Name: Text(app.Evaluate(p["name"])).Split('/')[^1], Properties: app.Evaluate(p, "properties")!))
            .ToList();

        Assert.DoesNotContain(policies, p => p.Name.Equals("ftp", StringComparison.OrdinalIgnoreCase));
        var scm = Assert.Single(policies, p => p.Name == "scm");
        Assert.False(scm.Properties["allow"]!.GetValue<bool>());
    }

    [Fact]
    public void Flex_site_gets_its_runtime_from_functionAppConfig_not_from_site_config()
    {
        var app = Deploy().Module("functionapp");
        var site = Assert.Single(app.Resources("Microsoft.Web/sites"));
        var properties = app.Evaluate(site, "properties")!.AsObject();

        Assert.NotNull(properties["functionAppConfig"]?["runtime"]);
        foreach (var stack in new[] { "linuxFxVersion", "netFrameworkVersion", "alwaysOn", "use32BitWorkerProcess" })
            Assert.Null(properties["siteConfig"]?[stack]);
        Assert.IsType<JsonObject>(properties["siteConfig"]);
    }
}
