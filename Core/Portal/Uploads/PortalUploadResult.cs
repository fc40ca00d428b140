using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Portal.Uploads;

/// <summary>What the portal did with a sheet: its verdict (the same report <c>POST /api/validate</c> gives) and where things went.</summary>
/// <param name="Stem">The name its report and annotated copy are kept under (<see cref="UploadNames"/>, without <c>.xlsx</c>).</param>
/// <param name="SubmissionId">The content's id (SHA-256): the history entry the ingestion will write; null when unreadable.</param>
/// <param name="SameAsCurrent">The unit's current submission for the quarter already has exactly this content.</param>
/// <param name="HasAnnotatedCopy">An annotated copy (findings marked on the cells) was kept.</param>
/// <param name="TooLarge">Over the size limit: nothing was read past it, nothing kept.</param>
/// <param name="NameTaken">
/// Accepted, but its name under <c>uploads/</c> already held other content (written straight to storage, or a clash of
/// content tags): not stored, not submitted — the person is told to send it again.
/// </param>
public sealed record PortalUploadResult(
    ValidationReport Report,
    string? Stem,
    string? SubmissionId,
    bool SameAsCurrent,
    bool HasAnnotatedCopy,
    bool TooLarge,
    bool NameTaken = false)
{
    public bool Accepted => Report.Accepted && !TooLarge && !NameTaken;

    /// <summary>Kept under <c>reports/{unit}/{period}/portal-rejected/</c> rather than beside the uploads' reports.</summary>
    public bool Rejected => !Accepted;
}
