using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The one small plan built in code for the tests that must not depend on the real catalog (<see cref="RealPlan"/>):
/// two axes, five activities covering national, regional and shared reporting, one whose indicador counts, one with
/// nothing programmed in 2021; three countries (Belize in English) and the Secretaría Técnica. Every text has its English.
/// </summary>
public static class TestPlan
{
    public const string PlanId = "test";

    public static readonly PlanCatalog Catalog = Build();

    public static ReportingUnit Guatemala { get; } = new("GT", new LocalizedText("Guatemala", "Guatemala"), Language.Es, ReportingUnitKind.Country);
    public static ReportingUnit Honduras { get; } = new("HN", new LocalizedText("Honduras", "Honduras"), Language.Es, ReportingUnitKind.Country);
    public static ReportingUnit Belize { get; } = new("BZ", new LocalizedText("Belice", "Belize"), Language.En, ReportingUnitKind.Country);
    public static ReportingUnit Secretariat { get; } =
        new("ST", new LocalizedText("Secretaría Técnica", "Technical Secretariat"), Language.Es, ReportingUnitKind.Secretariat);

    public static readonly ReportingUnits Units = new([Guatemala, Honduras, Belize, Secretariat]);

    /// <summary>This plan as the only plan in force.</summary>
    public static readonly PlanRegistry Plans = PlanRegistry.Fixed(Catalog);

    /// <summary>The template writer over this plan (or <paramref name="catalog"/>), with the default deadline.</summary>
    public static TemplateWriter Writer(PlanCatalog? catalog = null) =>
        new(catalog is null ? Plans : PlanRegistry.Fixed(catalog), Options.Create(new ReportingOptions()));

    /// <summary>National; its indicador counts, so the sheet asks for a quantity.</summary>
    public const string National = "1.1.1.1";
    public const string Shared = "1.1.1.2";
    public const string NotPlannedIn2021 = "1.1.1.3";
    public const string Regional = "2.1.1.1";
    public const string National2 = "2.1.1.2";

    /// <summary>The same plan with no English texts at all: what a catalog built in code may be, and the loader never produces.</summary>
    public static PlanCatalog WithoutEnglish() => Catalog with
    {
        Axes = Catalog.Axes.Select(axis => axis with
        {
            StrategicObjectives = axis.StrategicObjectives.Select(strategic => strategic with
            {
                EnglishText = null,
                OperationalObjectives = strategic.OperationalObjectives.Select(operational => operational with
                {
                    EnglishText = null,
                    Activities = operational.Activities.Select(activity => activity with { English = null }).ToList(),
                }).ToList(),
            }).ToList(),
        }).ToList(),
    };

    private static PlanCatalog Build()
    {
        static PlanActivity Activity(string axis, string code, string label, ReportingLevel level, decimal? p2020, decimal? p2021, decimal? p2022) =>
            new(code, label, $"Actividad {code}", $"Meta {code}", $"Indicador {code}",
                level == ReportingLevel.Regional ? "Secretaría Técnica y Presidencia" : "Países miembros",
                level, code == National, [new YearTarget(2020, p2020, null), new YearTarget(2021, p2021, null), new YearTarget(2022, p2022, null)])
            {
                AxisCode = axis,
                OperationalObjectiveCode = code[..5],
                English = new ActivityTexts($"Activity {code}", $"Target {code}", $"Indicator {code}",
                    level == ReportingLevel.Regional ? "Technical Secretariat and Presidency" : "Member countries"),
            };

        var axis1 = new Axis("1", new LocalizedText("Prevención", "Prevention"),
        [
            new StrategicObjective("1.1", "1.1", "Objetivo estratégico 1.1",
            [
                new OperationalObjective("1.1.1", "1.1.1", "Objetivo operativo 1.1.1",
                [
                    Activity("1", National, "1.1.", ReportingLevel.National, 50, 50, null),
                    Activity("1", Shared, "1.2.", ReportingLevel.Both, null, 100, null),
                    Activity("1", NotPlannedIn2021, "1.3.", ReportingLevel.National, 100, null, null),
                ]) { EnglishText = "Operational objective 1.1.1" },
            ]) { EnglishText = "Strategic objective 1.1" },
        ]);
        var axis2 = new Axis("2", new LocalizedText("Atención Integral", "Comprehensive Care"),
        [
            new StrategicObjective("2.1", "2.1", "Objetivo estratégico 2.1",
            [
                new OperationalObjective("2.1.1", "2.1.1", "Objetivo operativo 2.1.1",
                [
                    Activity("2", Regional, "2.1.1.1", ReportingLevel.Regional, null, 40, 60),
                    Activity("2", National2, "2.1.1.2", ReportingLevel.National, null, 60, 40),
                ]) { EnglishText = "Operational objective 2.1.1" },
            ]) { EnglishText = "Strategic objective 2.1" },
        ]);
        return new PlanCatalog(PlanId, new LocalizedText("Plan Operativo de prueba", "Test operational plan"), 2020, 2022, [axis1, axis2]);
    }

    public static ProgressRow Row(string unit, ReportingPeriod period, string activity, double? ejecutado,
        string? status = "InProgress", string? observaciones = null) => new()
    {
        Unit = unit,
        Period = period.ToString(),
        Year = period.Year,
        Activity = activity,
        Programado = (double?)Catalog.FindActivity(activity)?.ForYear(period.Year)?.Programado,
        Ejecutado = ejecutado,
        Status = status,
        Observaciones = observaciones,
    };
}
