using System.Globalization;
using Azure;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan.Publishing;

/// <summary>
/// Publishes a valid plan to storage (<c>plan publish</c>), never silently over another: the same plan again is a
/// no-op; another plan under an id already in force (published, from <c>Plan__File</c> or embedded) needs
/// <c>replace</c>, and the version it replaces stays kept; a plan whose years overlap another plan in force is refused,
/// naming both. Publishers take a lease (<see cref="PublishedPlanStore.LockAsync"/>) so that checks and writes of two
/// publications never interleave, and the current blob is written conditionally on what was checked. A publication
/// refreshes this process's <see cref="PlanRegistry"/> when it serves plans; other processes (the Functions app) read it
/// at their next start or refresh (<c>Plan__RefreshMinutes</c>).
/// </summary>
public sealed class PlanPublisher(PublishedPlanStore store, PlansInForceLoader loader, PlanRegistry registry, TimeProvider time,
    ILogger<PlanPublisher> logger)
{
    /// <summary>How long to wait for another publisher to finish.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <param name="source">The file the plan was read from (kept in the blob's metadata).</param>
    public async Task<PublishResult> PublishAsync(PlanCatalog catalog, string source, bool replace, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var content = PlanDocumentWriter.Write(catalog);
        var sha256 = PlanDocumentWriter.Sha256(catalog);

        await using var _ = await store.LockAsync(LockWait, ct);
        var plans = await loader.LoadAsync(ct);
        var existing = plans.Find(catalog.Id);
        if (existing is not null && PlanDocumentWriter.Sha256(existing.Catalog) == sha256)
        {
            logger.LogInformation("Plan {Plan} is already in force with the same content ({Sha256}): nothing published", catalog.Id, sha256);
            return new PublishResult(PublishOutcome.Unchanged, catalog, sha256, existing.Location, null, existing, []);
        }

        var refusals = new List<ValidationIssue>();
        if (existing is not null && !replace)
            refusals.Add(PlanIssues.AlreadyPublished.Create(language, catalog.Id, DescribeExisting(existing, language), "--replace"));
        foreach (var other in plans.Overlapping(catalog))
            refusals.Add(PlanIssues.YearsOverlap.Create(language, PlansInForce.Describe(catalog), other.Describe(), DescribeOrigin(other, language)));
        if (refusals.Count > 0) return new PublishResult(PublishOutcome.Refused, catalog, sha256, null, null, existing, refusals);

        var at = time.GetUtcNow();
        ETag? expected = existing?.Published?.ETag;
        var version = await store.WriteAsync(catalog, content, sha256, at, source, expected, ct);
        if (registry.IsLoaded) await registry.RefreshAsync(ct);
        return new PublishResult(existing is null ? PublishOutcome.Published : PublishOutcome.Replaced, catalog, sha256,
            store.PathOf(PublishedPlanStore.CurrentBlobName(catalog.Id)), store.PathOf(version), existing, []);
    }

    private static string DescribeExisting(PlanInForce plan, Language language)
    {
        if (plan.Published is not { } published) return DescribeOrigin(plan, language);
        var at = published.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return language == Language.En ? $"on {at} UTC, {plan.Location}" : $"el {at} UTC, {plan.Location}";
    }

    /// <summary>Where a plan in force comes from, in words.</summary>
    public static string DescribeOrigin(PlanInForce plan, Language language) => (plan.Origin, language) switch
    {
        (PlanOrigin.Embedded, Language.En) => $"embedded in the application, {plan.Location}",
        (PlanOrigin.Embedded, _) => $"incluido en la aplicación, {plan.Location}",
        (PlanOrigin.File, Language.En) => $"the Plan__File setting, {plan.Location}",
        (PlanOrigin.File, _) => $"el ajuste Plan__File, {plan.Location}",
        (_, Language.En) => $"published, {plan.Location}",
        _ => $"publicado, {plan.Location}",
    };
}
