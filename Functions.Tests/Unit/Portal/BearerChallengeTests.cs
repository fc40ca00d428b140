using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Portal;
using static ServerlessPlan.Tests.Support.Challenges;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>
/// The <c>WWW-Authenticate</c> challenge of the app's 401s, read back as a client reads it (ASP.NET Core's
/// header parser, not string matching), and the setting that names its authority, validated at start.
/// </summary>
public sealed class BearerChallengeTests
{
    private const string Authority = "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData(Authority)]
    [InlineData(Authority + "/")]
    [InlineData("  " + Authority + "  ")]
    public void Names_the_authority_and_its_authorize_endpoint_as_Microsoft_services_do(string configured)
    {
        var (scheme, parameters) = Parse(BearerChallenge.Of(configured));

        Assert.Equal("Bearer", scheme);
        Assert.Equal(Authority, parameters["realm"]);
        Assert.Equal(Authority + "/oauth2/authorize", parameters["authorization_uri"]);
        Assert.True(Uri.TryCreate(parameters["authorization_uri"], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Without_an_authority_the_challenge_is_still_well_formed_and_names_none(string? configured)
    {
        var (scheme, parameters) = Parse(BearerChallenge.Of(configured));

        Assert.Equal("Bearer", scheme);
        Assert.Equal(BearerChallenge.LocalRealm, Assert.Single(parameters).Value);
        Assert.False(parameters.ContainsKey("authorization_uri"));
    }

    [Theory]
    [InlineData("http://login.microsoftonline.com/tenant")]
    [InlineData("https://login.microsoftonline.com")]
    [InlineData("https://login.microsoftonline.com/")]
    [InlineData("https://login.microsoftonline.com/tenant?x=1")]
    [InlineData("https://login.microsoftonline.com/tenant#x")]
    [InlineData("login.microsoftonline.com/tenant")]
    public void A_setting_that_is_not_an_https_authority_with_a_tenant_stops_the_app_at_start(string configured)
    {
        using var provider = Compose(configured);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Contains("Portal__SignInAuthority", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_authority_reaches_the_challenge_the_app_sends()
    {
        using var provider = Compose(Authority);

        Assert.Equal(BearerChallenge.Of(Authority), provider.GetRequiredService<BearerChallenge>().Value);
    }

    private static ServiceProvider Compose(string authority)
    {
        var settings = new Dictionary<string, string?> { ["PlanStorage"] = "UseDevelopmentStorage=true", ["Portal:SignInAuthority"] = authority };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddServerlessPlan(configuration).BuildServiceProvider();
    }
}
