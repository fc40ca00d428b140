using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Plan.Publishing;

public enum PublishOutcome
{
    /// <summary>A new id: stored as the current version and its first kept version.</summary>
    Published,

    /// <summary>A new version of an id already in force (with <c>--replace</c>); the previous one stays among the versions.</summary>
    Replaced,

    /// <summary>The same plan is already in force: nothing written.</summary>
    Unchanged,

    /// <summary>Not stored: see <see cref="PublishResult.Refusals"/>.</summary>
    Refused,
}

/// <param name="Current">The blob path of the plan in force after publication (or of the identical one already in force).</param>
/// <param name="Version">The kept version written, when one was.</param>
/// <param name="Previous">The plan this publication replaced, or that made it a no-op.</param>
public sealed record PublishResult(
    PublishOutcome Outcome,
    PlanCatalog Catalog,
    string Sha256,
    string? Current,
    string? Version,
    PlanInForce? Previous,
    IReadOnlyList<ValidationIssue> Refusals);
