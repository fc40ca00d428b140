using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The registered contacts as deployed: one app setting per reporting unit, fed by the unitContacts parameter.</summary>
public sealed class ContactSettingsTests
{
    [Trait(Needs.Trait, Needs.Bicep)]
    [Fact]
    public void Every_unit_of_the_embedded_member_list_has_a_contacts_setting_in_the_template()
    {
        var settings = AppSettings(Deploy());

        Assert.All(RealPlan.Units.All, unit => Assert.True(settings.ContainsKey($"Contacts__Units__{unit.Code}"),
            $"infra/main.bicep has no Contacts__Units__{unit.Code}: that unit's results would reach only the ST copy."));
        Assert.True(settings.ContainsKey("Contacts__SecretariatCopy"));
    }

    [Fact]
    public void The_sample_settings_register_a_contact_for_every_unit_and_the_ST_copy()
    {
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "Functions", "local.settings.sample.json")))!["Values"]!;

        Assert.All(RealPlan.Units.All, unit =>
            Assert.False(string.IsNullOrWhiteSpace((string?)sample[$"Contacts__Units__{unit.Code}"]), $"no sample contact for {unit.Code}"));
        Assert.False(string.IsNullOrWhiteSpace((string?)sample["Contacts__SecretariatCopy"]));
    }
}
