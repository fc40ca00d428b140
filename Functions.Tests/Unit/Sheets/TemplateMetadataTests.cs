using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Sheets;

public sealed class TemplateMetadataTests
{
    [Fact]
    public void Fingerprint_is_stable_hex_sha256_and_depends_on_codes_labels_and_order()
    {
        var activities = TestPlan.Catalog.ActivitiesFor(TestPlan.Guatemala);

        var fingerprint = ActivityFingerprint.Compute(activities);

        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
        Assert.Equal(fingerprint, ActivityFingerprint.Compute(TestPlan.Catalog.ActivitiesFor(TestPlan.Guatemala)));
        Assert.NotEqual(fingerprint, ActivityFingerprint.Compute(activities.Reverse()));
        Assert.NotEqual(fingerprint, ActivityFingerprint.Compute(activities.Skip(1)));
        Assert.NotEqual(fingerprint, ActivityFingerprint.Compute(activities.Select((a, i) => i == 0 ? a with { Label = "9." } : a)));
        Assert.Equal(fingerprint, ActivityFingerprint.Compute(activities.Select(a => a with { Text = a.Text + " (corregido)" })));
        Assert.NotEqual(fingerprint, ActivityFingerprint.Compute(TestPlan.Catalog.ActivitiesFor(TestPlan.Secretariat)));
    }

    [Fact]
    public void Metadata_round_trips_through_its_key_value_pairs()
    {
        var metadata = new TemplateMetadata("1", "2020-2022", "GT", new ReportingPeriod(2021, 3), Language.En, "abc");

        var pairs = metadata.ToPairs().ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(TemplateLayout.MetadataKeys, metadata.ToPairs().Select(p => p.Key));
        Assert.Equal("2021-Q3", pairs[TemplateLayout.MetaPeriod]);
        Assert.Equal("en", pairs[TemplateLayout.MetaLanguage]);
        Assert.Equal(metadata, TemplateMetadata.TryFrom(pairs));
    }

    [Theory]
    [InlineData(TemplateLayout.MetaPeriod, "2021-Q5")]
    [InlineData(TemplateLayout.MetaLanguage, "fr")]
    [InlineData(TemplateLayout.MetaUnitCode, " ")]
    public void Metadata_with_a_bad_value_does_not_parse(string key, string value)
    {
        var pairs = new TemplateMetadata("1", "2020-2022", "GT", new ReportingPeriod(2021, 3), Language.Es, "abc")
            .ToPairs().ToDictionary(p => p.Key, p => p.Value);
        pairs[key] = value;

        Assert.Null(TemplateMetadata.TryFrom(pairs));
    }
}
