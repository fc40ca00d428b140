using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.OpenData;

/// <summary>Where an activity sits in its plan's tree: axis, strategic and operational objective (from the tree, not a flat list's codes).</summary>
internal sealed record ActivityPlace(string Axis, string Strategic, string Operational)
{
    public static Dictionary<string, ActivityPlace> Index(PlanCatalog plan)
    {
        var places = new Dictionary<string, ActivityPlace>(StringComparer.Ordinal);
        var tree = plan.Axes
            .SelectMany(a => a.StrategicObjectives, (a, s) => (Axis: a, Strategic: s))
            .SelectMany(x => x.Strategic.OperationalObjectives, (x, o) => (x.Axis, x.Strategic, Operational: o));
        foreach (var (axis, strategic, operational) in tree)
        {
            foreach (var activity in operational.Activities)
                places.TryAdd(activity.Code, new ActivityPlace(axis.Code, strategic.Code, operational.Code));
        }
        return places;
    }
}
