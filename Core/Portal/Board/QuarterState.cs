namespace ServerlessPlan.Core.Portal.Board;

/// <summary>Where a unit's quarter stands, as the task list of its quarters shows it (a tag each).</summary>
public enum QuarterState
{
    /// <summary>The quarter has not opened: nothing can be sent yet.</summary>
    NotOpen,

    /// <summary>Open, nothing sent (or the deadline passed with nothing sent).</summary>
    NotStarted,

    /// <summary>A sheet arrived and is being processed: no verdict yet.</summary>
    Processing,

    /// <summary>Every sheet sent was rejected: nothing of the unit is in the figures.</summary>
    Rejected,

    /// <summary>Its first accepted sheet arrived before the deadline.</summary>
    AcceptedOnTime,

    /// <summary>Its first accepted sheet arrived at or after the deadline.</summary>
    AcceptedLate,
}
