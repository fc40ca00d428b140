using System.Text.Json.Nodes;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The SendGrid key across provisions: written on first setup or by the explicit rotation flag only (azd keeps the
/// old key in its environment), and Mail__SendGridApiKey always the vault reference, whatever a provision passes.
/// </summary>
public sealed class SendGridKeyTests
{
    public static TheoryData<string, string, bool, bool, bool> Provisions() => new()
    {
        // case, key passed, stored by an earlier provision, rotate flag, secret written?
        { "first setup", SendGridKey, false, false, true },
        { "re-provision with the old key still in the azd environment", SendGridKey, true, false, false },
        { "re-provision without the key", "", true, false, false },
        { "rotation through the template", "SG.new-key", true, true, true },
        { "never a key", "", false, false, false },
        { "rotation flag without a key", "", true, true, false },
        { "az route with azd's placeholder left in place", "${SENDGRID_API_KEY}", false, false, false },
    };

    [Theory]
    [MemberData(nameof(Provisions))]
    public void Secret_is_written_on_first_setup_and_on_rotation_only(string @case, string key, bool stored, bool rotate, bool written)
    {
        var main = Provision(key, stored, rotate);
        var keyVault = main.Module("keyvault");
        var secret = Assert.Single(keyVault.Resources("Microsoft.KeyVault/vaults/secrets"));

        Assert.True(written == keyVault.IsDeployed(secret), @case);
        if (written)
            Assert.Equal(key, Text(keyVault.Evaluate(secret, "properties.value")));
    }

    [Theory]
    [MemberData(nameof(Provisions))]
    public void App_setting_stays_the_Key_Vault_reference_whatever_the_provision_passes(string @case, string key, bool stored, bool rotate, bool written)
    {
        _ = written;
        var main = Provision(key, stored, rotate);
        var setting = Text(AppSettings(main)["Mail__SendGridApiKey"]);

        // The vault's URI and the secret's name are the key vault module's outputs (known once deployed).
        Assert.True(setting.StartsWith("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal), @case);
        Assert.Contains("outputs.vaultUri.value⟩secrets/⟨", setting);
        Assert.EndsWith("outputs.sendGridSecretName.value⟩/)", setting);
        Assert.Equal(Text(AppSettings(Provision(SendGridKey, false, false))["Mail__SendGridApiKey"]), setting);
    }

    [Fact]
    public void Output_records_a_stored_key_and_azd_feeds_it_back_to_the_next_provision()
    {
        Assert.True(Output(Provision(SendGridKey, false, false), "SENDGRID_KEY_STORED")!.GetValue<bool>());
        Assert.True(Output(Provision("", true, false), "SENDGRID_KEY_STORED")!.GetValue<bool>());
        Assert.False(Output(Provision("", false, false), "SENDGRID_KEY_STORED")!.GetValue<bool>());

        // azd stores outputs in the environment and main.parameters.json maps them back by name.
        var parameters = MainParameters.Load();
        Assert.Equal("${SENDGRID_KEY_STORED}", MainParameters.Value(parameters, "sendGridKeyStored"));
        Assert.Equal("${SENDGRID_API_KEY}", MainParameters.Value(parameters, "sendGridApiKey"));
        Assert.Matches(@"^\$\{[A-Z_]+\}$", MainParameters.Value(parameters, "rotateSendGridKey"));
    }

    [Fact]
    public void The_key_is_a_secure_parameter_and_appears_in_no_output()
    {
        var template = CompiledTemplate.Json;

        Assert.Equal("securestring", Text(template["parameters"]!["sendGridApiKey"]!["type"]));
        Assert.DoesNotContain("sendGridApiKey", template["outputs"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    private static ArmScope Provision(string key, bool stored, bool rotate) =>
        Deploy(overrides: new JsonObject
        {
            ["sendGridApiKey"] = key,
            ["sendGridKeyStored"] = stored,
            ["rotateSendGridKey"] = rotate,
        });
}
