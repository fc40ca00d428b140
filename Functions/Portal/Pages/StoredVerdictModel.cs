using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The verdict page of one stored report (<see cref="StoredVerdictPage"/>): an upload of the quarter's history, or a sheet
/// the portal refused, with the name it was sent under, when it came, its outcome, its counts and its findings.
/// </summary>
/// <param name="SentName">The name the person sent it under; null when it was kept before that was recorded.</param>
/// <param name="StoredName">The name it is stored under (what the page says when the sent name is unknown).</param>
/// <param name="Status">The upload's status in the history; null for a sheet the portal refused (never sent).</param>
/// <param name="Report">The findings shown: the stored report, or what the history entry kept (<paramref name="Source"/>); null when neither is left.</param>
public sealed record StoredVerdictModel(
    ReportingUnit Unit,
    ReportingPeriod Period,
    string? SentName,
    string StoredName,
    DateTimeOffset? ReceivedAt,
    SubmissionStatus? Status,
    int Errors,
    int Warnings,
    ValidationReport? Report,
    StoredVerdictSource Source)
{
    /// <summary>The original as the archive keeps it (uploads in the history only).</summary>
    public string? OriginalUrl { get; init; }

    /// <summary>The reviewed copy, when one was made and is this file's.</summary>
    public string? AnnotatedUrl { get; init; }

    /// <summary>The JSON report (the interface scripts read), when it is this file's.</summary>
    public string? JsonUrl { get; init; }

    /// <summary>The name a person reads for this file: the sent one, else the stored one.</summary>
    public string Name => SentName ?? StoredName;

    public ReportingZone Zone => Unit.Zone;
}

/// <summary>Where the findings on a verdict page come from.</summary>
public enum StoredVerdictSource
{
    /// <summary>The file's own stored report, whole.</summary>
    Report,

    /// <summary>
    /// The report under the file's name now belongs to a later file stored under the same name (a script writing
    /// <c>informe.xlsx</c> twice): the page shows what the history entry kept (its errors, or its warnings).
    /// </summary>
    Recorded,

    /// <summary>Nothing is left to show but the counts (the report was removed, or the upload is still being checked).</summary>
    None,
}
