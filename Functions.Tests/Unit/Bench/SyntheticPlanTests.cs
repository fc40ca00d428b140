using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Bench;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Unit.Bench;

/// <summary>
/// The bench's synthetic plan and units at every scale, without storage: every unit gets its template in its own
/// language, as the bench asks for it before timing anything. The smoke tests run only the tiny scale, which has no
/// English-speaking unit, so without this a larger scale could break unseen.
/// </summary>
public sealed class SyntheticPlanTests
{
    public static TheoryData<string> Scales() => [.. BenchScale.Ladder.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scales))]
    public void Every_synthetic_unit_gets_a_template_in_its_own_language(string scaleName)
    {
        var scale = BenchScale.Parse(scaleName);
        var catalog = SyntheticPlan.Build(scale.Activities, scale.Years);
        var plans = PlanRegistry.Fixed(catalog);
        var writer = new TemplateWriter(plans, Options.Create(new ReportingOptions()));
        var reader = new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance);
        var period = new BenchDataSet(scale, plans, SyntheticUnits.Build(scale.Units)).LastPeriod;
        var units = SyntheticUnits.Build(scale.Units).At(period).All;
        // Units with the same language and activities get the same sheet but for the header's code and name: one
        // written and read back stands for the rest, keeping the large scale (200 sheets of 500 rows) to seconds.
        var written = new HashSet<(Language, string)>();

        Assert.Equal(scale.Units, units.Count);
        foreach (var unit in units)
        {
            var activities = catalog.ActivitiesFor(unit);
            // What the writer asks of every row: the texts in the unit's language, which a plan without them refuses.
            Assert.All(activities, a => Assert.False(string.IsNullOrEmpty(a.TextsIn(unit.Language).Text)));
            var metadata = writer.MetadataFor(unit, period, unit.Language);
            if (!written.Add((unit.Language, metadata.ActivityFingerprint))) continue;

            var sheet = reader.Read(new MemoryStream(writer.Write(unit, period, unit.Language)), activities.Count);

            Assert.True(sheet.OpenError is null && sheet.Stopped is null, $"{scale.Name} {unit.Code}: {sheet.OpenError}{sheet.Stopped}");
            Assert.Equal(ReportSheet(unit.Language), sheet.ReportSheetName);
            Assert.Equal(metadata, sheet.Metadata.Parsed);
            Assert.Equal(activities.Select(a => a.Code), sheet.Rows.Select(r => r.ActivityCode));
        }
        Assert.Equal(units.Select(u => u.Language).Distinct().Count(), written.Select(w => w.Item1).Distinct().Count());
    }

    [Fact]
    public void Every_scale_above_the_tiny_one_has_units_writing_in_english()
    {
        foreach (var scale in BenchScale.Ladder.Where(s => s != BenchScale.Tiny))
            Assert.Contains(SyntheticUnits.Build(scale.Units).All, u => u.Language == Language.En);
    }

    [Fact]
    public void Every_synthetic_text_has_its_own_english_as_a_plan_file_must()
    {
        var catalog = SyntheticPlan.Build(BenchScale.Large.Activities, BenchScale.Large.Years);
        var strategic = catalog.Axes.SelectMany(a => a.StrategicObjectives).ToList();
        var operational = strategic.SelectMany(s => s.OperationalObjectives).ToList();

        Assert.All(strategic, s => Assert.NotEqual(s.Text, s.TextIn(Language.En)));
        Assert.All(operational, o => Assert.NotEqual(o.Text, o.TextIn(Language.En)));
        Assert.All(catalog.Activities, a =>
        {
            var (es, en) = (a.Spanish, a.TextsIn(Language.En));
            Assert.True(es.Text != en.Text && es.Meta != en.Meta && es.Indicador != en.Indicador && es.Responsable != en.Responsable,
                $"{a.Code}: {en}");
        });
        // What the real catalog's publishing needs: the plan can be written as a plan file, both languages present.
        Assert.NotEmpty(PlanDocumentWriter.Sha256(catalog));
    }
}
