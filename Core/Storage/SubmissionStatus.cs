namespace ServerlessPlan.Core.Storage;

/// <summary>Where a submission stands in its unit-and-period's history.</summary>
public enum SubmissionStatus
{
    /// <summary>Accepted, rows being written; not yet visible to reports.</summary>
    Pending,

    /// <summary>The unit's values for the period.</summary>
    Current,

    /// <summary>Accepted once, replaced by a newer upload.</summary>
    Superseded,

    /// <summary>Failed validation; nothing of it reached the progress table.</summary>
    Rejected,
}
