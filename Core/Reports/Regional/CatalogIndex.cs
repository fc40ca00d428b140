using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

internal static class CatalogIndex
{
    /// <summary>Each activity's axis, from the catalog tree (not trusting a flat list's filled-in codes).</summary>
    public static Dictionary<string, string> AxisByActivity(PlanCatalog catalog)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var axis in catalog.Axes)
        {
            foreach (var activity in axis.StrategicObjectives.SelectMany(s => s.OperationalObjectives).SelectMany(o => o.Activities))
                result.TryAdd(activity.Code, axis.Code);
        }

        return result;
    }
}
