using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Unit.Sheets;

/// <summary>
/// A small plan built in code, so sheet tests do not depend on the real catalog: two axes, national, regional and
/// shared activities, one count indicator, one activity with nothing programmed in 2021.
/// </summary>
public static class TestPlans
{
    public const string PlanId = "test-2020-2022";

    public static PlanCatalog Catalog() => new(
        PlanId,
        new LocalizedText("Plan de prueba 2020-2022", "Test plan 2020-2022"),
        2020, 2022,
        [
            Axis("1", new("Prevención", "Prevention"),
                Activity("1.1.1.1", "1.1.", "Campañas nacionales de sensibilización", ReportingLevel.National, count: true, p2021: 50m),
                Activity("1.1.1.2", "1.2.", "Estrategia regional de prevención", ReportingLevel.Regional, count: false, p2021: 90m),
                Activity("1.1.1.3", "1.3.", "Validar el protocolo regional", ReportingLevel.Both, count: false, p2021: 100m)),
            Axis("2", new("Atención Integral", "Comprehensive Care"),
                Activity("2.1.1.1", "2.1.1.1", "Capacitar a operadores de atención a víctimas", ReportingLevel.National, count: true, p2021: 25.5m),
                Activity("2.1.1.2", "2.1.1.2", "Red regional de albergues", ReportingLevel.Both, count: false, p2021: null)),
        ]);

    public static ReportingUnit Guatemala { get; } = new("GT", new("Guatemala", "Guatemala"), Language.Es, ReportingUnitKind.Country);
    public static ReportingUnit Belize { get; } = new("BZ", new("Belice", "Belize"), Language.En, ReportingUnitKind.Country);
    public static ReportingUnit Secretariat { get; } =
        new("ST", new("Secretaría Técnica", "Technical Secretariat"), Language.Es, ReportingUnitKind.Secretariat);

    public static ReportingUnits Units() => new([Guatemala, Belize, Secretariat]);

    public static TemplateWriter Writer(PlanCatalog? catalog = null) =>
        new(catalog ?? Catalog(), Options.Create(new ReportingOptions()));

    public static PlanActivity Activity(string code, string label, string text, ReportingLevel level, bool count, decimal? p2021) => new(
        code, label, text,
        Meta: $"Meta de {code}",
        Indicador: count ? $"Número de acciones de {code}" : $"Documento de {code} aprobado",
        Responsable: level == ReportingLevel.Regional ? "Secretaría Técnica y Presidencia" : "Países miembros",
        level, count,
        [new YearTarget(2020, 10m, null), new YearTarget(2021, p2021, null), new YearTarget(2022, 40m, null)]);

    private static Axis Axis(string code, LocalizedText name, params PlanActivity[] activities) => new(code, name,
    [
        new StrategicObjective($"{code}.1", $"{code}.1", $"Objetivo estratégico {code}.1",
        [
            new OperationalObjective($"{code}.1.1", $"{code}.1.1", $"Objetivo operativo {code}.1.1",
                activities.Select(a => a with { AxisCode = code, OperationalObjectiveCode = $"{code}.1.1" }).ToList()),
        ]),
    ]);
}
