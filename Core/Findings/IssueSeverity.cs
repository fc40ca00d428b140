namespace ServerlessPlan.Core.Findings;

public enum IssueSeverity
{
    /// <summary>The sheet is rejected.</summary>
    Error,

    /// <summary>The sheet is accepted; the focal point is told.</summary>
    Warning,
}
