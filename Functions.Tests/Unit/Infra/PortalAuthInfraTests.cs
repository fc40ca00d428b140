using System.Text.Json.Nodes;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The portal in the compiled template: App Service Authentication with Entra ID (authsettingsV2), the portal's own
/// address for the links in mails, the development sign-in never on, the site root given to the portal, and the app
/// roles the registration must define.
/// </summary>
public sealed class PortalAuthInfraTests
{
    private const string ClientId = "4f0c2d1e-8b7a-4c3d-9e2f-1a2b3c4d5e6f";

    private static ArmScope WithPortal(JsonObject? more = null)
    {
        var overrides = new JsonObject { ["portalClientId"] = ClientId };
        foreach (var (key, value) in more ?? []) overrides[key] = value?.DeepClone();
        return Deploy(overrides: overrides);
    }

    private static JsonObject AuthSettings(ArmScope main)
    {
        var module = main.Module("portal-auth");
        var config = Assert.Single(module.Resources("Microsoft.Web/sites/config"));
        Assert.EndsWith("authsettingsV2", Text(module.Evaluate(config["name"])));
        return module.Evaluate(config, "properties")!.AsObject();
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Sign_in_is_Entra_ID_through_App_Service_Authentication_with_the_registration_given()
    {
        var auth = AuthSettings(WithPortal(new JsonObject { ["portalTenantId"] = "11111111-2222-3333-4444-555555555555" }));

        Assert.True(auth["platform"]!["enabled"]!.GetValue<bool>());
        var aad = auth["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True(aad["enabled"]!.GetValue<bool>());
        Assert.Equal(ClientId, Text(aad["registration"]!["clientId"]));
        // The cloud's own sign-in endpoint (environment(): opaque here), then the tenant's v2.0 issuer.
        var issuer = Text(aad["registration"]!["openIdIssuer"]);
        Assert.StartsWith("⟨environment().authentication.loginEndpoint", issuer, StringComparison.Ordinal);
        Assert.EndsWith("11111111-2222-3333-4444-555555555555/v2.0", issuer, StringComparison.Ordinal);
        // No client secret anywhere: the code is redeemed with the app's identity as a federated credential.
        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", Text(aad["registration"]!["clientSecretSettingName"]));
        Assert.Null(aad["registration"]!["clientSecretCertificateThumbprint"]);
        Assert.Contains(ClientId, aad["validation"]!["allowedAudiences"]!.AsArray().Select(Text));
        Assert.True(auth["httpSettings"]!["requireHttps"]!.GetValue<bool>());
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Unauthenticated_requests_reach_the_app_so_the_keyed_API_and_the_Event_Grid_webhook_keep_working()
    {
        var validation = AuthSettings(WithPortal())["globalValidation"]!;

        // The code refuses anonymous callers on every portal route (PortalAuthorizationTests); the platform must not
        // redirect /api/... (function keys) or /runtime/webhooks/blobs (Event Grid's system key) to a sign-in page.
        Assert.Equal("AllowAnonymous", Text(validation["unauthenticatedClientAction"]));
        Assert.False(validation["requireAuthentication"]!.GetValue<bool>());
        Assert.Null(validation["excludedPaths"]);
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Without_an_app_registration_no_sign_in_is_configured()
    {
        var main = Deploy();
        var module = main.Resources("Microsoft.Resources/deployments").Single(d => Text(main.Evaluate(d["name"])) == "portal-auth");

        Assert.False(main.IsDeployed(module));
        // The azd placeholder given to az as is counts as "not given".
        var viaAz = Deploy(overrides: new JsonObject { ["portalClientId"] = "${PORTAL_CLIENT_ID}" });
        Assert.False(viaAz.IsDeployed(viaAz.Resources("Microsoft.Resources/deployments").Single(d => Text(viaAz.Evaluate(d["name"])) == "portal-auth")));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Development_sign_in_is_false_in_every_deployment_and_no_parameter_reaches_it()
    {
        foreach (var deployment in new[] { Deploy(), WithPortal(), Deploy(withSendGridKey: false, withEventGridSubscription: false) })
            Assert.Equal("false", Text(AppSettings(deployment)["Portal__DevelopmentSignIn"]));

        var expression = CompiledTemplate.Json["resources"]!.ToJsonString();
        Assert.DoesNotContain("parameters('portalDevelopmentSignIn')", expression, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CompiledTemplate.Json["parameters"]!.AsObject(), p => p.Key.Contains("SignIn", StringComparison.OrdinalIgnoreCase));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Mails_link_to_the_app_itself_unless_another_portal_address_is_given()
    {
        var named = Deploy(overrides: new JsonObject { ["functionAppName"] = "func-plan-prod" });
        var own = Text(AppSettings(named)["Portal__BaseUrl"]);
        var other = Text(AppSettings(Deploy(overrides: new JsonObject { ["portalBaseUrl"] = "https://plan.coalicion.example" }))["Portal__BaseUrl"]);

        // The site's defaultHostName (Flex Consumption apps get a unique one), never the name with .azurewebsites.net.
        Assert.StartsWith("https://⟨reference(", own, StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName⟩", own, StringComparison.Ordinal);
        Assert.Equal("https://plan.coalicion.example", other);
        Assert.EndsWith("outputs.uri.value⟩", Text(Output(named, "PORTAL_URL")), StringComparison.Ordinal);
        Assert.Equal("https://plan.coalicion.example", Text(Output(Deploy(overrides: new JsonObject { ["portalBaseUrl"] = "https://plan.coalicion.example" }), "PORTAL_URL")));
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Sign_in_redeems_codes_with_the_app_identity_as_the_registration_s_federated_credential()
    {
        var main = WithPortal();
        var settings = AppSettings(main);
        var aad = AuthSettings(main)["identityProviders"]!["azureActiveDirectory"]!;
        var settingName = Text(aad["registration"]!["clientSecretSettingName"]);

        // The setting the platform reads holds the client id of the identity the app runs as, not a secret.
        Assert.Equal(Text(settings["AzureWebJobsStorage__clientId"]), Text(settings[settingName]));
        Assert.EndsWith(".clientId⟩", Text(settings[settingName]), StringComparison.Ordinal);
        Assert.DoesNotContain(settings, s => s.Key.Equals("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", StringComparison.OrdinalIgnoreCase));
        // The deploy guide registers the credential and leaves the implicit grant off.
        var guide = File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "docs", "deploy.md"));
        Assert.Contains("az ad app federated-credential create", guide, StringComparison.Ordinal);
        Assert.Contains("api://AzureADTokenExchange", guide, StringComparison.Ordinal);
        Assert.DoesNotContain("--enable-id-token-issuance true", guide, StringComparison.Ordinal);
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Theory]
    [InlineData("https://plan.coalicion.example", "https://plan.coalicion.example")]
    [InlineData("https://datos.coalicion.example/plan/", "https://datos.coalicion.example")]
    public void On_a_custom_domain_the_root_Power_BI_asks_a_token_for_is_an_audience(string portalBaseUrl, string root)
    {
        var audiences = AuthSettings(WithPortal(new JsonObject { ["portalBaseUrl"] = portalBaseUrl }))
            ["identityProviders"]!["azureActiveDirectory"]!["validation"]!["allowedAudiences"]!.AsArray().Select(Text).ToList();

        // Power Query asks for the URL's root as the resource; a v1 token's aud is that string, with or without the slash.
        Assert.Equal([ClientId, $"api://{ClientId}", root, root + "/"], audiences);
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void On_the_app_s_own_address_the_audiences_are_the_registration_s_only()
    {
        var audiences = AuthSettings(WithPortal())["identityProviders"]!["azureActiveDirectory"]!["validation"]!["allowedAudiences"]!.AsArray().Select(Text);

        // *.azurewebsites.net cannot be an Application ID URI (not a domain the tenant can verify): nothing to add.
        Assert.Equal([ClientId, $"api://{ClientId}"], audiences);
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void The_app_s_401s_name_the_registration_s_tenant_as_the_authority_and_none_without_sign_in()
    {
        var tenant = "11111111-2222-3333-4444-555555555555";
        var withTenant = Text(AppSettings(WithPortal(new JsonObject { ["portalTenantId"] = tenant }))["Portal__SignInAuthority"]);
        var deploymentTenant = Text(AppSettings(WithPortal())["Portal__SignInAuthority"]);

        // The cloud's own sign-in endpoint (environment(): opaque here), then the tenant: the issuer's own authority.
        Assert.StartsWith("⟨environment().authentication.loginEndpoint", withTenant, StringComparison.Ordinal);
        Assert.EndsWith(tenant, withTenant, StringComparison.Ordinal);
        Assert.Contains("tenant().tenantId", deploymentTenant, StringComparison.Ordinal);
        Assert.Equal("", Text(AppSettings(Deploy())["Portal__SignInAuthority"]));
    }

    private static JsonNode StripDescriptions(JsonNode? node)
    {
        var copy = node!.DeepClone();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    o.Remove("metadata");
                    foreach (var child in o.Select(p => p.Value).ToList()) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(copy);
        return copy;
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void No_address_is_built_from_the_app_s_name()
    {
        // Values only (descriptions may explain the host name): variables, resources and outputs, nested modules included.
        var template = CompiledTemplate.Json;
        foreach (var section in new[] { "variables", "resources", "outputs" })
            Assert.DoesNotContain("azurewebsites.net", StripDescriptions(template[section]).ToJsonString(), StringComparison.OrdinalIgnoreCase);
        foreach (var script in new[] { "create-eventgrid-subscription.sh", "create-eventgrid-subscription.ps1" })
            Assert.DoesNotContain(".azurewebsites.net", File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "infra", "scripts", script)), StringComparison.Ordinal);
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void The_site_root_is_the_portal_and_its_workbooks_container_exists()
    {
        var main = Deploy();

        Assert.Equal("true", Text(AppSettings(main)["AzureWebJobsDisableHomepage"]));
        Assert.Contains(StorageNames.WorkbooksContainer, main.Variable("dataContainers")!.AsArray().Select(Text));
    }

    [Fact]
    public void The_app_roles_file_defines_a_role_per_unit_and_the_coalition_roles_with_stable_unique_ids()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "infra", "portal-app-roles.json")))!.AsArray();
        var values = roles.Select(r => (string)r!["value"]!).ToList();

        Assert.Equal(RealPlan.Units.All.Select(u => PortalRoles.Unit(u.Code)).Append(PortalRoles.CoalitionReader).Append(PortalRoles.CoalitionAdmin).Order(),
            values.Order());
        Assert.Equal(roles.Count, roles.Select(r => Guid.Parse((string)r!["id"]!)).Distinct().Count());
        Assert.All(roles, r => Assert.Equal(["User"], r!["allowedMemberTypes"]!.AsArray().Select(m => (string)m!)));
    }
}
