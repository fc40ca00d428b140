using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;
using static ServerlessPlan.Tests.Unit.Ingestion.Validation.Findings;

namespace ServerlessPlan.Tests.Unit.Ingestion.Validation;

/// <summary>
/// A sheet is judged against the plan in force for its quarter and the members of that quarter: two plans
/// (2020-2022 and the edited 2023-2025) and a country that joins in 2024-Q1.
/// </summary>
public sealed class PlansOverTimeValidationTests
{
    private static readonly PlanCatalog Next = PlanWorkbooks.ImportValid(PlanWorkbookEdits.InExcel(PlanWorkbooks.Export()));
    private static readonly PlanRegistry TwoPlans = PlanRegistry.Fixed(RealPlan.Catalog, Next);

    private static readonly ReportingUnit Mexico =
        new("MX", new LocalizedText("México", "Mexico"), Language.Es, ReportingUnitKind.Country) { From = new ReportingPeriod(2024, 1) };

    private static readonly ReportingUnits Members = new([.. RealPlan.Units.All, Mexico]);
    private static readonly SheetValidator Validator = new(TwoPlans, Members);
    private static readonly SubmissionSheetReader Reader = new(NullLogger<SubmissionSheetReader>.Instance);

    private static SheetValidation Check(FilledSheet sheet, string unit, string period) =>
        Validator.Validate(Reader.Read(sheet.Open()), new UploadExpectation(unit, ReportingPeriod.Parse(period)));

    /// <summary>A complete sheet of <paramref name="catalog"/>, its control sheet and header then saying <paramref name="claimed"/>.</summary>
    private static FilledSheet Relabelled(string unit, string period, PlanCatalog catalog, string claimed) =>
        new FilledSheet(Members.Find(unit)!, ReportingPeriod.Parse(period), catalog).FillAll()
            .Metadata(MetaPeriod, claimed).Report(ws => ws.Cell(PeriodCell).SetValue(claimed));

    [Fact]
    public void Each_quarter_is_checked_against_its_own_plan()
    {
        var q2024 = Check(new FilledSheet(RealPlan.Unit("ST"), ReportingPeriod.Parse("2024-Q1"), Next).FillAll(), "ST", "2024-Q1");
        var q2021 = Check(new FilledSheet(RealPlan.Unit("ST"), ReportingPeriod.Parse("2021-Q3"), RealPlan.Catalog).FillAll(), "ST", "2021-Q3");

        Assert.True(q2024.Report.Accepted, PlanWorkbooks.Describe(q2024.Report.Errors));
        Assert.Contains(PlanWorkbookEdits.Added, q2024.Activities.Select(a => a.Code));
        Assert.True(q2021.Report.Accepted, PlanWorkbooks.Describe(q2021.Report.Errors));
        Assert.Contains(PlanWorkbookEdits.Removed, q2021.Activities.Select(a => a.Code));
    }

    [Fact]
    public void A_sheet_of_the_2023_2025_plan_claiming_2021_Q3_is_PLAN_MISMATCH()
    {
        var validation = Check(Relabelled("GT", "2024-Q1", Next, "2021-Q3"), "GT", "2021-Q3");

        OnlyError(validation, "PLAN_MISMATCH", null, null, null,
            "Descargue la plantilla del 3.er trimestre de 2021 y copie sus datos en ella: esta es del plan «2023-2025», pero ese trimestre se informa con el plan «2020-2022».");
    }

    [Fact]
    public void A_sheet_of_the_2020_2022_plan_claiming_2024_Q1_is_PLAN_MISMATCH()
    {
        var validation = Check(Relabelled("BZ", "2021-Q3", RealPlan.Catalog, "2024-Q1"), "BZ", "2024-Q1");

        OnlyError(validation, "PLAN_MISMATCH", null, null, null,
            "Download the template for the 1st quarter of 2024 and copy your data into it: this one is for plan \"2020-2022\", but that quarter is reported under plan \"2023-2025\".");
    }

    [Fact]
    public void A_unit_that_was_not_a_member_in_the_quarter_is_UNIT_NOT_MEMBER()
    {
        // Guatemala's 2021-Q3 sheet made out to México, control sheet and header alike.
        var sheet = FilledSheet.Complete("GT", "2021-Q3").Metadata(MetaUnitCode, "MX").Report(ws => ws.Cell(UnitCell).SetValue("MX"));

        var validation = Check(sheet, "MX", "2021-Q3");

        OnlyError(validation, "UNIT_NOT_MEMBER", null, null, null,
            "México (MX) no es miembro de la Coalición Regional en el 3.er trimestre de 2021 (miembro desde el 1.er trimestre de 2024), así que no lo informa.");
        Assert.Empty(validation.Activities);
    }

    [Fact]
    public void A_period_no_plan_covers_names_every_plan_in_force()
    {
        var validation = Check(Relabelled("GT", "2024-Q1", Next, "2027-Q1"), "GT", "2027-Q1");

        OnlyError(validation, "PERIOD_OUTSIDE_PLAN", null, null, null,
            "Use la plantilla de un trimestre de un plan vigente (2020-2022 (2020–2022), 2023-2025 (2023–2025)): ningún plan vigente cubre el 1.er trimestre de 2027.");
    }

    [Fact]
    public void The_reader_stops_below_the_template_of_the_quarters_plan()
    {
        Assert.Equal(Next.ActivitiesFor(RealPlan.Unit("ST")).Count, Validator.TemplateRows("ST", ReportingPeriod.Parse("2024-Q1")));
        Assert.Equal(RealPlan.Catalog.ActivitiesFor(RealPlan.Unit("GT")).Count, Validator.TemplateRows("GT", ReportingPeriod.Parse("2021-Q3")));
        // Unknown period or unit: the most any unit's template has under any plan in force.
        var most = new[] { RealPlan.Catalog, Next }.SelectMany(c => Members.All.Select(u => c.ActivitiesFor(u).Count)).Max();
        Assert.Equal(most, Validator.TemplateRows(null, null));
        Assert.Equal(most, Validator.TemplateRows("GT", ReportingPeriod.Parse("2030-Q1")));
    }
}
