namespace ServerlessPlan.Core.Operations;

/// <summary>
/// A result mail claimed by a run and not marked sent: a run sending it now, or one that died after claiming (the
/// host killed it mid-way). Owed until <see cref="LapsesAt"/>; after it, the next delivery or the sweep sends it.
/// </summary>
public sealed record PendingResultMail(
    string Unit,
    string Period,
    string SubmissionId,
    string FileName,
    string UploadBlob,
    string Verdict,
    DateTimeOffset ClaimedAt,
    DateTimeOffset LapsesAt)
{
    /// <summary>True when the claim has lapsed: its run is gone and nobody has sent the mail yet.</summary>
    public bool Lapsed(DateTimeOffset now) => now >= LapsesAt;
}
