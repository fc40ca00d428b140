namespace ServerlessPlan.Core.Plan.Publishing;

/// <summary>
/// The plans in force: every embedded plan, the <c>Plan__File</c> plan and every published plan, one per id (published
/// over file over embedded), ordered by their first year. <see cref="For(int)"/> answers "which plan does this year belong
/// to"; <see cref="Overlapping"/> is what publication refuses. Two plans in force whose years overlap are a problem
/// listed in <see cref="Problems"/> (publication prevents it; a file or an embedded plan can still cause it).
/// </summary>
public sealed class PlansInForce
{
    private PlansInForce(IReadOnlyList<PlanInForce> plans, IReadOnlyList<string> problems)
    {
        Plans = plans;
        Problems = problems;
    }

    public IReadOnlyList<PlanInForce> Plans { get; }

    /// <summary>Published blobs that could not be loaded, and overlapping plans.</summary>
    public IReadOnlyList<string> Problems { get; }

    public PlanInForce? Find(string id) => Plans.FirstOrDefault(p => p.Id == id);

    /// <summary>The plan whose years cover <paramref name="year"/>, or null when none does.</summary>
    public PlanInForce? For(int year) => Plans.FirstOrDefault(p => p.Covers(year));

    public PlanInForce? For(ReportingPeriod period) => For(period.Year);

    /// <summary>Plans with another id whose years overlap the candidate's.</summary>
    public IReadOnlyList<PlanInForce> Overlapping(PlanCatalog candidate) =>
        Plans.Where(p => p.Id != candidate.Id && p.Overlaps(candidate)).ToList();

    public static string Describe(PlanCatalog catalog) => $"{catalog.Id} ({catalog.FirstYear}–{catalog.LastYear})";

    /// <param name="builtIn">Embedded and file plans, file last so it wins over an embedded plan of the same id.</param>
    /// <param name="defaultId">The id <c>Plan__Id</c> names when no <c>Plan__File</c> is set: a published plan of that id
    /// is the default even when no built-in plan has it.</param>
    public static PlansInForce Compose(IEnumerable<PlanInForce> builtIn, PublishedPlans published, string? defaultId = null)
    {
        var byId = new Dictionary<string, PlanInForce>(StringComparer.Ordinal);
        foreach (var plan in builtIn)
            byId[plan.Id] = byId.TryGetValue(plan.Id, out var replaced) ? plan with { Replaces = replaced.Origin } : plan;
        foreach (var plan in published.Plans)
        {
            var replaced = byId.GetValueOrDefault(plan.Catalog.Id);
            byId[plan.Catalog.Id] = new PlanInForce(plan.Catalog, PlanOrigin.Published, plan.Location,
                replaced?.IsDefault ?? plan.Catalog.Id == defaultId, plan, replaced?.Origin);
        }

        var plans = byId.Values.OrderBy(p => p.Catalog.FirstYear).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var problems = published.Problems.ToList();
        for (var i = 0; i < plans.Count; i++)
        {
            for (var j = i + 1; j < plans.Count; j++)
            {
                if (plans[i].Overlaps(plans[j].Catalog))
                    problems.Add($"plans {plans[i].Describe()} ({plans[i].Origin}) and {plans[j].Describe()} ({plans[j].Origin}) overlap");
            }
        }

        return new PlansInForce(plans, problems);
    }
}
