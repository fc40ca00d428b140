using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Plan.Publishing;

/// <summary>
/// Gathers <see cref="PlansInForce"/>: the embedded plans, the <c>Plan__File</c> plan (which sets aside the embedded plans
/// whose years it covers) and the published ones — what <see cref="PlanRegistry"/> serves and <c>plan list</c> shows. A broken
/// embedded plan or <c>Plan__File</c> throws (<see cref="PlanFormatException"/>: the deployment is wrong); a broken
/// published blob is a listed problem (storage is data).
/// </summary>
public sealed class PlansInForceLoader(PublishedPlanStore store, IOptions<PlanOptions> options)
{
    public async Task<PlansInForce> LoadAsync(CancellationToken ct) =>
        PlansInForce.Compose(BuiltIn(), await store.LoadAsync(ct), string.IsNullOrWhiteSpace(options.Value.File) ? options.Value.Id : null);

    /// <summary>The plans that need no storage: embedded ones, then the configured file.</summary>
    public IReadOnlyList<PlanInForce> BuiltIn()
    {
        var settings = options.Value;
        var file = string.IsNullOrWhiteSpace(settings.File) ? null : PlanLoader.LoadFile(settings.File);
        var defaultId = file?.Id ?? settings.Id;
        var plans = PlanLoader.EmbeddedIds
            .Select(id => new PlanInForce(PlanLoader.LoadEmbedded(id), PlanOrigin.Embedded, $"embedded plan-{id}.json", id == defaultId))
            .ToList();
        if (file is not null)
        {
            // The file is the default even when an embedded plan shares its id, and it is used "instead of the embedded
            // plan": an embedded plan of another id over the same years is set aside rather than reported as an overlap.
            plans = plans.Where(p => p.Id == file.Id || !p.Overlaps(file)).Select(p => p with { IsDefault = false }).ToList();
            plans.Add(new PlanInForce(file, PlanOrigin.File, Path.GetFullPath(settings.File!), true));
        }
        return plans;
    }

    /// <summary>Without storage: what an offline command can still say.</summary>
    public PlansInForce LoadBuiltIn() => PlansInForce.Compose(BuiltIn(), new PublishedPlans([], []));
}
