using ServerlessPlan.Core.Findings;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>The outcome of ingesting one upload, with the validation report and where things were written.</summary>
public sealed record IngestionResult(
    IngestionOutcome Outcome,
    ValidationReport Report,
    string? SubmissionId,
    int Rows,
    string? ArchiveBlob,
    string? ReportBlob)
{
    /// <summary>Set when the verdict's mail is left to a later run (<see cref="ResultMailPending"/>); null when it was sent or not due.</summary>
    public ResultMailPending? MailPending { get; init; }
}
