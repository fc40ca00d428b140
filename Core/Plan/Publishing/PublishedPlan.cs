namespace ServerlessPlan.Core.Plan.Publishing;

/// <summary>A plan as published in storage: the current version of its id.</summary>
/// <param name="BlobName">Inside the config container: <c>plans/{id}.json</c>.</param>
/// <param name="Location">The blob as people read it: <c>config/plans/{id}.json</c> (with the storage prefix).</param>
/// <param name="Sha256">Of the plan's canonical file (<see cref="PlanDocumentWriter.Sha256"/>), which is what the blob holds.</param>
/// <param name="Source">The file it was published from (as the publisher named it), when known.</param>
public sealed record PublishedPlan(
    PlanCatalog Catalog,
    string BlobName,
    string Location,
    string Sha256,
    DateTimeOffset PublishedAt,
    string? Source,
    Azure.ETag ETag);

/// <summary>What storage holds: the readable published plans, and a line for each blob that could not be used.</summary>
public sealed record PublishedPlans(IReadOnlyList<PublishedPlan> Plans, IReadOnlyList<string> Problems);
