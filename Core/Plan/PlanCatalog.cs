using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>The operational plan as data: axes → strategic objectives → operational objectives → activities.</summary>
public sealed record PlanCatalog(string Id, LocalizedText Title, int FirstYear, int LastYear, IReadOnlyList<Axis> Axes)
{
    private IReadOnlyList<PlanActivity>? _activities;
    private Dictionary<string, PlanActivity>? _byCode;

    /// <summary>A copy (<c>with</c>) starts without the lookups cached from the original's axes, which it may replace.</summary>
    private PlanCatalog(PlanCatalog original)
    {
        Id = original.Id;
        Title = original.Title;
        FirstYear = original.FirstYear;
        LastYear = original.LastYear;
        Axes = original.Axes;
    }

    /// <summary>Every activity in plan order, with <see cref="PlanActivity.AxisCode"/> filled in.</summary>
    public IReadOnlyList<PlanActivity> Activities => _activities ??= Axes
        .SelectMany(a => a.StrategicObjectives)
        .SelectMany(s => s.OperationalObjectives)
        .SelectMany(o => o.Activities)
        .ToList();

    public PlanActivity? FindActivity(string code)
    {
        _byCode ??= Activities.ToDictionary(a => a.Code, StringComparer.Ordinal);
        return _byCode.GetValueOrDefault(code);
    }

    public bool ContainsYear(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>The activities a unit fills in, in plan order.</summary>
    public IReadOnlyList<PlanActivity> ActivitiesFor(ReportingUnit unit) =>
        Activities.Where(unit.Reports).ToList();
}
