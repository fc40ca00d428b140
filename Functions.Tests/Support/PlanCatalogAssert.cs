using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Deep equality of two catalogs, field by field (records compare their lists by reference, and a writer that drops a
/// field would drop it on both sides of a JSON comparison): every difference is listed with its path.
/// </summary>
public static class PlanCatalogAssert
{
    public static void Equal(PlanCatalog expected, PlanCatalog actual)
    {
        var differences = Differences(expected, actual).ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} difference(s):{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    public static IEnumerable<string> Differences(PlanCatalog e, PlanCatalog a)
    {
        var d = new List<string>();
        void Same<T>(string path, T x, T y)
        {
            if (!EqualityComparer<T>.Default.Equals(x, y)) d.Add($"{path}: expected «{x}», got «{y}»");
        }
        void Count<T>(string path, IReadOnlyList<T> x, IReadOnlyList<T> y) => Same(path + ".Count", x.Count, y.Count);

        Same("Id", e.Id, a.Id);
        Same("Title", e.Title, a.Title);
        Same("FirstYear", e.FirstYear, a.FirstYear);
        Same("LastYear", e.LastYear, a.LastYear);
        Count("Axes", e.Axes, a.Axes);
        foreach (var (ea, aa) in e.Axes.Zip(a.Axes))
        {
            var p = $"axis {ea.Code}";
            Same(p + ".Code", ea.Code, aa.Code);
            Same(p + ".Name", ea.Name, aa.Name);
            Count(p + ".StrategicObjectives", ea.StrategicObjectives, aa.StrategicObjectives);
            foreach (var (es, @as) in ea.StrategicObjectives.Zip(aa.StrategicObjectives))
            {
                var ps = $"strategic {es.Code}";
                Same(ps + ".Code", es.Code, @as.Code);
                Same(ps + ".Label", es.Label, @as.Label);
                Same(ps + ".Text", es.Text, @as.Text);
                Same(ps + ".EnglishText", es.EnglishText, @as.EnglishText);
                Count(ps + ".OperationalObjectives", es.OperationalObjectives, @as.OperationalObjectives);
                foreach (var (eo, ao) in es.OperationalObjectives.Zip(@as.OperationalObjectives))
                {
                    var po = $"operational {eo.Code}";
                    Same(po + ".Code", eo.Code, ao.Code);
                    Same(po + ".Label", eo.Label, ao.Label);
                    Same(po + ".Text", eo.Text, ao.Text);
                    Same(po + ".EnglishText", eo.EnglishText, ao.EnglishText);
                    Count(po + ".Activities", eo.Activities, ao.Activities);
                    foreach (var (ex, ax) in eo.Activities.Zip(ao.Activities)) d.AddRange(ActivityDifferences(ex, ax));
                }
            }
        }
        return d;
    }

    private static IEnumerable<string> ActivityDifferences(PlanActivity e, PlanActivity a)
    {
        var p = $"activity {e.Code}";
        if (e.Code != a.Code) yield return $"{p}.Code: got {a.Code}";
        if (e.Label != a.Label) yield return $"{p}.Label: expected «{e.Label}», got «{a.Label}»";
        if (e.Spanish != a.Spanish) yield return $"{p}.Spanish: expected {e.Spanish}, got {a.Spanish}";
        if (e.English != a.English) yield return $"{p}.English: expected {e.English}, got {a.English}";
        if (e.Reporting != a.Reporting) yield return $"{p}.Reporting: expected {e.Reporting}, got {a.Reporting}";
        if (e.IndicatorIsCount != a.IndicatorIsCount) yield return $"{p}.IndicatorIsCount: expected {e.IndicatorIsCount}, got {a.IndicatorIsCount}";
        if (e.AxisCode != a.AxisCode) yield return $"{p}.AxisCode: expected {e.AxisCode}, got {a.AxisCode}";
        if (e.OperationalObjectiveCode != a.OperationalObjectiveCode)
            yield return $"{p}.OperationalObjectiveCode: expected {e.OperationalObjectiveCode}, got {a.OperationalObjectiveCode}";
        if (!e.Years.SequenceEqual(a.Years))
            yield return $"{p}.Years: expected [{string.Join(", ", e.Years)}], got [{string.Join(", ", a.Years)}]";
    }
}
