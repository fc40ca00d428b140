namespace ServerlessPlan.Core.Sheets;

/// <summary>Where an activity stands, as the focal point declares it in the status column.</summary>
public enum ActivityStatus
{
    NotStarted,
    InProgress,
    Completed,
    NotApplicable,
}
