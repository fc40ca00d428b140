using ServerlessPlan.Core.Plan;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Tests.Support.PlanWorkbookEdits;
using static ServerlessPlan.Tests.Support.PlanWorkbooks;

namespace ServerlessPlan.Tests.Unit.Plan.Matrix;

/// <summary>The exported 2020-2022 matrix, edited into the 2023-2025 plan in Excel and by a script, reads as that plan.</summary>
public sealed class PlanMatrixEditTests
{
    private static readonly Lazy<byte[]> Exported = new(() => Export());

    [Fact]
    public void Edited_in_excel_into_2023_2025_with_one_activity_added_and_one_removed_it_imports_as_that_plan()
    {
        var plan = ImportValid(InExcel(Exported.Value));

        Assert.Equal(NextId, plan.Id);
        Assert.Equal((2023, 2025), (plan.FirstYear, plan.LastYear));
        Assert.Equal("Operational Plan Matrix 2023-2025", plan.Title.En);
        Assert.Equal(20, plan.Activities.Count);
        Assert.Null(plan.FindActivity(Removed));
        Assert.Equal(RealPlan.Catalog.Activities.Select(a => a.Code).Where(c => c != Removed).Append(Added).Order(),
            plan.Activities.Select(a => a.Code).Order());
        Assert.Equal(["4.1.1.2"], plan.Axes[3].StrategicObjectives[0].OperationalObjectives[0].Activities.Select(a => a.Code));

        var added = plan.FindActivity(Added)!;
        Assert.Equal(new ActivityTexts(AddedSpanish[0], AddedSpanish[1], AddedSpanish[2], AddedSpanish[3]), added.Spanish);
        Assert.Equal(new ActivityTexts(AddedEnglish[0], AddedEnglish[1], AddedEnglish[2], AddedEnglish[3]), added.English);
        Assert.Equal((ReportingLevel.Regional, true, "4.1.3"), (added.Reporting, added.IndicatorIsCount, added.OperationalObjectiveCode));
        Assert.Equal([new YearTarget(2023, 30, null), new YearTarget(2024, 70, null), new YearTarget(2025, null, null)], added.Years);

        // Untouched activities keep their texts; their years move with the headers, the recorded ejecutado is gone.
        var kept = plan.FindActivity("1.1.1.3")!;
        Assert.Equal(RealPlan.Catalog.FindActivity("1.1.1.3")!.English, kept.English);
        Assert.Equal([new YearTarget(2023, 10, null), new YearTarget(2024, 90, null), new YearTarget(2025, null, null)], kept.Years);
        Assert.All(plan.Activities, a => Assert.All(a.Years, y => Assert.Null(y.Ejecutado)));
    }

    [Fact]
    public void Edited_by_a_script_with_inline_strings_it_imports_as_the_same_plan()
    {
        var byScript = ByScript(Exported.Value);
        var result = Import(byScript);
        Assert.True(result.Valid, Describe(result.Issues));
        Assert.Empty(result.Issues);
        PlanCatalogAssert.Equal(ImportValid(InExcel(Exported.Value)), result.Catalog!);
    }

    [Fact]
    public void The_new_plan_exports_and_imports_again_unchanged()
    {
        var plan = ImportValid(InExcel(Exported.Value));
        PlanCatalogAssert.Equal(plan, ImportValid(Export(plan)));
    }
}
