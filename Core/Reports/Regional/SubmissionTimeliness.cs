namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>How a unit stands against a period's deadline.</summary>
public enum SubmissionTimeliness
{
    /// <summary>Its first accepted upload arrived before the deadline.</summary>
    OnTime,

    /// <summary>Its first accepted upload arrived at or after the deadline.</summary>
    Late,

    /// <summary>It uploaded, but every upload was rejected: nothing of it is in the figures.</summary>
    RejectedOnly,

    /// <summary>No upload at all (or only one still being processed).</summary>
    Missing,
}
