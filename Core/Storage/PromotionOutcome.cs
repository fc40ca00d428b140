namespace ServerlessPlan.Core.Storage;

/// <summary>What happened when an accepted submission asked to become its unit-and-period's current one.</summary>
public enum PromotionOutcome
{
    /// <summary>It is now current (and superseded <c>Previous</c>, if any).</summary>
    BecameCurrent,

    /// <summary>It already was current: a repeated delivery of the same content.</summary>
    AlreadyCurrent,

    /// <summary>A newer upload is current; this one is kept in the history as superseded.</summary>
    OlderThanCurrent,
}

public sealed record PromotionResult(PromotionOutcome Outcome, string? Previous, string? Current);
