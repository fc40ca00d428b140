using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Bench;

/// <summary>
/// A plan of any size built in code, shaped like the real one: four axes, activities spread over strategic and
/// operational objectives, every fourth indicator a count, something programmed every year, every text in Spanish and
/// English (as a plan file must have them: one in four synthetic countries writes in English). Deterministic: the same
/// size always gives the same plan.
/// </summary>
public static class SyntheticPlan
{
    public const int FirstYear = 2020;
    private const int Axes = 4;
    private const int ActivitiesPerObjective = 5;

    private static readonly LocalizedText[] AxisNames =
    [
        new("Prevención", "Prevention"),
        new("Atención Integral", "Comprehensive Care"),
        new("Persecución", "Prosecution"),
        new("Fortalecimiento Institucional", "Institutional Strengthening"),
    ];

    public static PlanCatalog Build(int activities, int years)
    {
        var lastYear = FirstYear + years - 1;
        var axes = new List<Axis>();
        var next = 0;
        for (var a = 1; a <= Axes; a++)
        {
            // Spread evenly; the first axes take the remainder.
            var inAxis = activities / Axes + (a <= activities % Axes ? 1 : 0);
            var operational = new List<OperationalObjective>();
            for (var o = 1; inAxis > 0; o++)
            {
                var take = Math.Min(ActivitiesPerObjective, inAxis);
                var code = $"{a}.1.{o}";
                operational.Add(new OperationalObjective(code, $"{a}.1.{o}.", $"Objetivo operativo {code}",
                    Enumerable.Range(1, take).Select(i => Activity(a, code, i, next++, FirstYear, lastYear)).ToList())
                {
                    EnglishText = $"Operational objective {code}",
                });
                inAxis -= take;
            }
            axes.Add(new Axis($"{a}", AxisNames[a - 1],
                [
                    new StrategicObjective($"{a}.1", $"{a}.1.", $"Objetivo estratégico {a}.1", operational)
                    {
                        EnglishText = $"Strategic objective {a}.1",
                    },
                ]));
        }

        return new PlanCatalog("bench", new LocalizedText("Plan Operativo sintético", "Synthetic operational plan"), FirstYear, lastYear, axes);
    }

    private static PlanActivity Activity(int axis, string objective, int index, int ordinal, int firstYear, int lastYear)
    {
        var code = $"{objective}.{index}";
        // Every tenth activity is shared with the Secretaría Técnica; the rest are national.
        var level = ordinal % 10 == 9 ? ReportingLevel.Both : ReportingLevel.National;
        var counts = ordinal % 4 == 0;
        var shared = level == ReportingLevel.Both;
        // 20–100 %: large enough that a first quarter's share never looks like a fraction.
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1)
            .Select(y => new YearTarget(y, 20 + (ordinal * 7 + y) % 9 * 10, null))
            .ToList();
        return new PlanActivity(code, $"{index}.", $"Actividad sintética {code}: campaña, capacitación o protocolo",
            $"Meta de la actividad {code}", counts ? $"Número de eventos de {code}" : $"Porcentaje de avance de {code}",
            shared ? "Países miembros y Secretaría Técnica" : "Países miembros",
            level, counts, years)
        {
            AxisCode = $"{axis}",
            OperationalObjectiveCode = objective,
            English = new ActivityTexts($"Synthetic activity {code}: campaign, training or protocol", $"Target of activity {code}",
                counts ? $"Number of events of {code}" : $"Progress percentage of {code}",
                shared ? "Member countries and Technical Secretariat" : "Member countries"),
        };
    }
}
