namespace ServerlessPlan.Core.Storage;

/// <summary>What <see cref="SubmissionStore.TryClaimNoticeAsync"/> found: whether this run may send the result mail.</summary>
/// <param name="Holder">The run holding a live claim (for <see cref="NoticeClaimOutcome.HeldElsewhere"/>).</param>
/// <param name="ClaimedAt">Since when that run holds it.</param>
public sealed record NoticeClaim(NoticeClaimOutcome Outcome, string? Holder = null, DateTimeOffset? ClaimedAt = null);

public enum NoticeClaimOutcome
{
    /// <summary>This run holds the claim: it sends, then marks the entry notified (or releases the claim on failure).</summary>
    Claimed,

    /// <summary>The result mail already went out.</summary>
    AlreadyNotified,

    /// <summary>Another run claimed it less than a lease ago and may be sending right now.</summary>
    HeldElsewhere,

    /// <summary>No history entry for the submission: there is nothing to tell about.</summary>
    Missing,
}
