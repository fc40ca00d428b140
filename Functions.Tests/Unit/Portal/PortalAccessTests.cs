using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Portal;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>Who the portal believes a request comes from, and what that person may do.</summary>
public sealed class PortalAccessTests
{
    /// <summary>A principal as App Service Authentication sends it for an Entra ID user with app roles.</summary>
    private const string PlatformJson = """
        {"auth_typ":"aad","claims":[
          {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"2b5f0c6e-1111-4a4b-9c9d-000000000001"},
          {"typ":"name","val":"Ana Pérez"},{"typ":"preferred_username","val":"ana@gt.example.org"},
          {"typ":"roles","val":"Unit.GT"},{"typ":"roles","val":"Unit.XX"}],
         "name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}
        """;

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_the_platform_principal_and_its_app_roles()
    {
        var principal = ClientPrincipal.Decode(Base64(PlatformJson))!;

        Assert.Equal("Ana Pérez", principal.Name);
        Assert.Equal("2b5f0c6e-1111-4a4b-9c9d-000000000001", principal.UserId);
        Assert.Equal(["Unit.GT", "Unit.XX"], principal.Roles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("W10=")]
    public void Anything_that_is_not_a_principal_is_nobody(string header) => Assert.Null(ClientPrincipal.Decode(header));

    [Fact]
    public void A_header_over_the_bound_is_refused_unread()
    {
        var huge = ClientPrincipal.For("x", Enumerable.Range(0, 2000).Select(i => $"Unit.R{i}").ToArray()).Encode();

        Assert.True(huge.Length > ClientPrincipal.MaxHeaderLength);
        Assert.Null(ClientPrincipal.Decode(huge));
    }

    [Fact]
    public void A_focal_point_sees_and_changes_only_its_units_and_unknown_unit_roles_give_nothing()
    {
        var user = new PortalUser(ClientPrincipal.Decode(Base64(PlatformJson))!, RealPlan.Units);

        Assert.Equal(["GT"], user.Units);
        Assert.True(user.CanSee("GT"));
        Assert.True(user.CanSee("gt"));
        Assert.True(user.CanUploadFor("GT"));
        Assert.False(user.CanSee("HN"));
        Assert.False(user.CanUploadFor("HN"));
        Assert.False(user.IsReader);
    }

    [Fact]
    public void A_reader_sees_every_unit_and_changes_none_an_admin_reads_too()
    {
        var reader = new PortalUser(ClientPrincipal.For("p", PortalRoles.CoalitionReader), RealPlan.Units);
        var admin = new PortalUser(ClientPrincipal.For("a", PortalRoles.CoalitionAdmin), RealPlan.Units);
        var nobody = new PortalUser(ClientPrincipal.For("n"), RealPlan.Units);

        Assert.All(RealPlan.Units.All, u => Assert.True(reader.CanSee(u.Code)));
        Assert.All(RealPlan.Units.All, u => Assert.False(reader.CanUploadFor(u.Code)));
        Assert.True(admin.IsReader && admin.IsAdmin);
        Assert.False(nobody.HasAnyRole);
        Assert.False(nobody.CanSee("GT"));
    }

    [Theory]
    [InlineData("coalition.admin")]
    [InlineData("COALITION.ADMIN")]
    [InlineData("coalition.reader")]
    [InlineData("Coalition.reader")]
    [InlineData("unit.GT")]
    [InlineData("UNIT.GT")]
    [InlineData("Unit.gt")]
    [InlineData(" Unit.GT")]
    public void App_role_values_are_exact_strings_and_a_case_variant_gets_nothing(string role)
    {
        var user = new PortalUser(ClientPrincipal.For("eve", role), RealPlan.Units);

        Assert.False(user.HasAnyRole);
        Assert.False(user.IsAdmin);
        Assert.False(user.IsReader);
        Assert.Empty(user.Units);
        Assert.False(user.CanSee("GT"));
        Assert.False(user.CanUploadFor("GT"));
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void The_header_is_believed_only_behind_the_platform_or_the_development_sign_in(bool development, bool platform, bool believed)
    {
        var source = new ClientPrincipalSource(development, platform);
        var header = ClientPrincipal.For("ana", "Unit.GT").Encode();

        Assert.Equal(believed, source.Read(header, null) is not null);
        // The development cookie stands in for the header only under the development sign-in.
        Assert.Equal(development, source.Read(null, header) is not null);
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("WEBSITE_INSTANCE_ID")]
    public void Development_sign_in_is_refused_at_start_when_the_app_runs_in_Azure(string azureSetting)
    {
        using var provider = Compose(new() { ["Portal:DevelopmentSignIn"] = "true", [azureSetting] = "func-plan-prod" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Contains("Portal__DevelopmentSignIn", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_sign_in_starts_locally_and_is_off_by_default()
    {
        using var local = Compose(new() { ["Portal:DevelopmentSignIn"] = "true" });
        using var azure = Compose(new() { ["WEBSITE_SITE_NAME"] = "func-plan-prod" });

        Assert.True(local.GetRequiredService<IOptions<PortalOptions>>().Value.DevelopmentSignIn);
        Assert.False(azure.GetRequiredService<IOptions<PortalOptions>>().Value.DevelopmentSignIn);
        Assert.False(azure.GetRequiredService<ClientPrincipalSource>().Trusted);
    }

    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        settings["PlanStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddServerlessPlan(configuration).BuildServiceProvider();
    }
}
