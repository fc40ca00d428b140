using ServerlessPlan.Core.Ingestion.Validation;

namespace ServerlessPlan.Core.Portal.Uploads;

/// <summary>What the portal did with a sheet: its verdict (the same report <c>POST /api/validate</c> gives) and where things went.</summary>
/// <param name="Stem">The name its report and annotated copy are kept under (<see cref="UploadNames"/>, without <c>.xlsx</c>).</param>
/// <param name="SubmissionId">The content's id (SHA-256): the history entry the ingestion will write; null when unreadable.</param>
/// <param name="SameAsCurrent">The unit's current submission for the quarter already has exactly this content.</param>
/// <param name="HasAnnotatedCopy">An annotated copy (findings marked on the cells) was kept.</param>
/// <param name="TooLarge">Over the size limit: nothing was read past it, nothing kept.</param>
public sealed record PortalUploadResult(
    ValidationReport Report,
    string? Stem,
    string? SubmissionId,
    bool SameAsCurrent,
    bool HasAnnotatedCopy,
    bool TooLarge)
{
    public bool Accepted => Report.Accepted && !TooLarge;

    /// <summary>Kept under <c>reports/{unit}/{period}/portal-rejected/</c> rather than beside the uploads' reports.</summary>
    public bool Rejected => !Accepted;
}
