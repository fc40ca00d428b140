using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary>Templates come from the plan in force for their quarter, and only for units that are members then.</summary>
public sealed class TemplatePlansOverTimeTests
{
    private static readonly PlanCatalog Next = PlanWorkbooks.ImportValid(PlanWorkbookEdits.InExcel(PlanWorkbooks.Export()));
    private static readonly PlanRegistry TwoPlans = PlanRegistry.Fixed(RealPlan.Catalog, Next);
    private static readonly TemplateWriter Writer = new(TwoPlans, Options.Create(new ReportingOptions()));

    private static readonly ReportingUnit Mexico =
        new("MX", new LocalizedText("México", "Mexico"), Language.Es, ReportingUnitKind.Country) { From = new ReportingPeriod(2024, 1) };

    private static readonly ReportingUnits Members = new([.. RealPlan.Units.All, Mexico]);

    private static SubmittedSheet Read(byte[] template) =>
        new SubmissionSheetReader(NullLogger<SubmissionSheetReader>.Instance).Read(new MemoryStream(template));

    [Theory]
    [InlineData("2021-Q3", "2020-2022", PlanWorkbookEdits.Removed, PlanWorkbookEdits.Added)]
    [InlineData("2024-Q1", "2023-2025", PlanWorkbookEdits.Added, PlanWorkbookEdits.Removed)]
    public void A_quarters_template_is_written_from_its_plan(string period, string plan, string present, string absent)
    {
        var st = RealPlan.Unit("ST");
        var sheet = Read(Writer.Write(st, ReportingPeriod.Parse(period), Language.Es));

        Assert.Equal(plan, sheet.Metadata.Parsed!.PlanId);
        Assert.Equal(Writer.MetadataFor(st, ReportingPeriod.Parse(period), Language.Es), sheet.Metadata.Parsed);
        Assert.Contains(present, sheet.Rows.Select(r => r.ActivityCode));
        Assert.DoesNotContain(absent, sheet.Rows.Select(r => r.ActivityCode));
        Assert.Equal(TwoPlans.For(ReportingPeriod.Parse(period)).ActivitiesFor(st).Count, sheet.Rows.Count);
    }

    [Fact]
    public void A_unit_gets_no_template_for_a_quarter_before_it_joined()
    {
        var ex = Assert.Throws<TemplateRequestException>(() => TemplateRequest.Resolve(Members, TwoPlans, "mx", "2023-Q4", null));

        Assert.Equal("La unidad MX (México) no es miembro de la Coalición Regional en el 4.º trimestre de 2023 (miembro desde el 1.er trimestre de 2024).", ex.Text.Es);
        Assert.Equal("Unit MX (Mexico) is not a member of the Coalición Regional in the 4th quarter of 2023 (a member from the 1st quarter of 2024).", ex.Text.En);
        Assert.Throws<TemplateRequestException>(() => Writer.Write(Mexico, new ReportingPeriod(2023, 4), Language.Es));
        Assert.Equal("MX", TemplateRequest.Resolve(Members, TwoPlans, "mx", "2024-Q1", null).Unit.Code);
    }

    [Fact]
    public void A_quarter_no_plan_covers_names_the_plans_in_force()
    {
        var ex = Assert.Throws<TemplateRequestException>(() => TemplateRequest.Resolve(Members, TwoPlans, "GT", "2026-Q1", "en"));

        Assert.Equal("Year 2026 is outside the plans in force: 2020-2022 (2020–2022), 2023-2025 (2023–2025).", ex.Text.En);
    }
}
