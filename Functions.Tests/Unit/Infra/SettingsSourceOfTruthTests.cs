using System.Text.Json.Nodes;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Unit.Infra.OptionsSettings;
using static ServerlessPlan.Tests.Unit.Infra.SampleDeployment;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// One source of truth for settings: every setting the code reads (found by reflection, with the default a new
/// options instance holds) is in the README's configuration table, in Functions/local.settings.sample.json and in
/// infra/main.bicep's app settings, with the same default, except where <see cref="OptionsSettings.NotDeployed"/> or
/// <see cref="OptionsSettings.EnvironmentSpecific"/> says why not. A new setting fails here until it is in all four.
/// </summary>
public sealed class SettingsSourceOfTruthTests
{
    // Connection and host settings: not options, documented and deployed by name.
    private static readonly string[] HostSettingPrefixes =
        [StorageNames.Connection, "AzureWebJobsStorage", "AzureWebJobsDisableHomepage", "FUNCTIONS_WORKER_RUNTIME", "APPLICATIONINSIGHTS_"];

    private static readonly Lazy<JsonObject> DefaultDeploymentSettings = new(() =>
        AppSettings(ArmScope.Root(CompiledTemplate.Json, new JsonObject { ["environmentName"] = "test" })));

    public static TheoryData<string> Settings() => [.. All().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Settings))]
    public void README_lists_the_setting_with_the_default_of_the_code(string name)
    {
        var setting = Find(name);
        var readme = SettingsDocuments.ReadmeDefaults();

        if (setting.IsMap)
        {
            Assert.True(readme.Keys.Any(k => k.StartsWith(name + "__", StringComparison.Ordinal)),
                $"README.md's configuration table needs a row `{name}__<key>`.");
            return;
        }

        Assert.True(readme.TryGetValue(name, out var documented), $"README.md's configuration table has no row for `{name}`.");
        Assert.True(Same(setting.Default, documented),
            $"README.md says {name} defaults to '{documented}', the code to '{setting.Default}'.");
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Sample_settings_hold_the_setting_with_the_default_of_the_code(string name)
    {
        var setting = Find(name);
        var sample = SettingsDocuments.SampleValues();

        if (setting.IsMap)
        {
            Assert.True(sample.Keys.Any(k => k == name || k.StartsWith(name + "__", StringComparison.Ordinal)),
                $"Functions/local.settings.sample.json needs an example `{name}__<key>`.");
            return;
        }

        Assert.True(sample.TryGetValue(name, out var value), $"Functions/local.settings.sample.json has no {name}.");
        if (!EnvironmentSpecific.ContainsKey(name))
        {
            Assert.True(Same(setting.Default, value),
                $"local.settings.sample.json sets {name} to '{value}', the code's default is '{setting.Default}' (environment-specific? say why in OptionsSettings.EnvironmentSpecific).");
        }
    }

    [Trait(Needs.Trait, Needs.Bicep)]
    [Theory]
    [MemberData(nameof(Settings))]
    public void Main_bicep_deploys_the_setting_with_the_default_of_the_code(string name)
    {
        var setting = Find(name);
        if (NotDeployed.ContainsKey(name) || setting.IsMap)
            return; // Presence of maps and the reasons for not deploying: AppSettingsContractTests.

        var deployed = DefaultDeploymentSettings.Value;
        Assert.True(deployed.ContainsKey(name), $"infra/main.bicep deploys no app setting {name} (or list it in NotDeployed with the reason).");
        if (!EnvironmentSpecific.ContainsKey(name))
        {
            var value = Text(deployed[name]);
            Assert.True(Same(setting.Default, value),
                $"infra/main.bicep deploys {name} = '{value}' by default, the code's default is '{setting.Default}'.");
        }
    }

    [Fact]
    public void Every_setting_in_the_README_table_and_the_sample_is_one_the_code_reads()
    {
        var unknown = SettingsDocuments.ReadmeDefaults().Keys.Select(k => $"README.md: {k}")
            .Concat(SettingsDocuments.SampleValues().Keys.Select(k => $"local.settings.sample.json: {k}"))
            .Where(entry => !IsKnown(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToList();

        Assert.True(unknown.Count == 0, $"Settings the code does not read (renamed or removed?): {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void Every_exception_names_a_setting_of_the_code_and_says_why()
    {
        var names = All().Select(s => s.Name).ToHashSet();

        Assert.All(NotDeployed.Concat(EnvironmentSpecific), exception =>
        {
            Assert.Contains(exception.Key, names);
            Assert.False(string.IsNullOrWhiteSpace(exception.Value));
        });
    }

    [Fact]
    public void Reflection_finds_the_settings_of_every_options_class_and_the_top_level_schedule()
    {
        var settings = All().ToDictionary(s => s.Name);

        Assert.All(BySection().SelectMany(s => s.Value), name => Assert.Contains(name, settings.Keys));
        Assert.Equal("0 0 12 * * MON", settings["DigestSchedule"].Default);
        Assert.Equal("0 0 13 * * *", settings["ReminderSchedule"].Default);
        Assert.Equal("14;3", settings["Reminders__DaysBefore"].Default);
        Assert.Equal("104857600", settings["Ingestion__MaxUncompressedBytes"].Default);
        Assert.Equal("", settings["Plan__File"].Default);
    }

    private static Setting Find(string name) => All().Single(s => s.Name == name);

    private static bool IsKnown(string key) =>
        All().Any(s => s.Name == key || (s.IsMap && key.StartsWith(s.Name + "__", StringComparison.Ordinal))) ||
        HostSettingPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    // Configuration is text: "True" from ARM's string(bool) and "true" in a settings file are the same value.
    private static bool Same(string expected, string actual) =>
        bool.TryParse(expected, out var e) && bool.TryParse(actual, out var a)
            ? e == a
            : string.Equals(expected, actual, StringComparison.Ordinal);
}
