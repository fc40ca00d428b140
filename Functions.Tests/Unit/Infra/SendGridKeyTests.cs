using System.Text.Json.Nodes;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// The SendGrid key across provisions: written on first setup or by the explicit rotation flag only (azd keeps the
/// old key in its environment), and Mail__SendGridApiKey always the vault reference, whatever a provision passes.
/// </summary>
[Trait(Needs.Trait, Needs.Bicep)]
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
    public void A_lost_SENDGRID_KEY_STORED_does_not_write_the_old_key_over_a_rotated_one()
    {
        // First setup: the key is written and the resource group tagged, its other tags kept.
        var first = Provision(SendGridKey, stored: false, rotate: false, new JsonObject { ["cost-center"] = "coalition" });
        var marker = Assert.Single(first.Resources("Microsoft.Resources/tags"));
        Assert.True(first.IsDeployed(marker));
        var tags = first.Evaluate(marker, "properties.tags")!.AsObject();
        Assert.Equal("coalition", Text(tags["cost-center"]));
        var tag = Assert.Single(tags, t => t.Key.StartsWith("serverlessplan-sendgrid-key-stored-", StringComparison.Ordinal));

        // Later, from a machine whose azd environment lost SENDGRID_KEY_STORED but still has the old key: the tag says
        // the vault holds a key, so the old one is not written again and the output is restored for azd.
        var afterLoss = Provision(SendGridKey, stored: false, rotate: false, new JsonObject { [tag.Key] = "true", ["cost-center"] = "coalition" });
        var keyVault = afterLoss.Module("keyvault");
        Assert.False(keyVault.IsDeployed(Assert.Single(keyVault.Resources("Microsoft.KeyVault/vaults/secrets"))));
        Assert.False(afterLoss.IsDeployed(Assert.Single(afterLoss.Resources("Microsoft.Resources/tags"))));
        Assert.True(Output(afterLoss, "SENDGRID_KEY_STORED")!.GetValue<bool>());

        // The explicit rotation still writes.
        var rotation = Provision("SG.new-key", stored: false, rotate: true, new JsonObject { [tag.Key] = "true" });
        var rotated = rotation.Module("keyvault");
        Assert.Equal("SG.new-key", Text(rotated.Evaluate(Assert.Single(rotated.Resources("Microsoft.KeyVault/vaults/secrets")), "properties.value")));
    }

    [Fact]
    public void The_key_is_a_secure_parameter_and_appears_in_no_output()
    {
        var template = CompiledTemplate.Json;

        Assert.Equal("securestring", Text(template["parameters"]!["sendGridApiKey"]!["type"]));
        Assert.DoesNotContain("sendGridApiKey", template["outputs"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    private static ArmScope Provision(string key, bool stored, bool rotate, JsonObject? resourceGroupTags = null) =>
        Deploy(overrides: new JsonObject
        {
            ["sendGridApiKey"] = key,
            ["sendGridKeyStored"] = stored,
            ["rotateSendGridKey"] = rotate,
        }, resourceGroupTags: resourceGroupTags);
}
