using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Plan;

/// <summary>Reporting calendar. Section <c>Reports</c>.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reports";

    /// <summary>Days after a quarter ends by which a unit's sheet is due.</summary>
    [Range(0, 365)]
    public int DeadlineDays { get; set; } = 30;

    /// <summary>
    /// Days after the deadline a quarter still accepts (late) sheets; from then on it is locked for uploads and only the
    /// ST can reopen it for a unit (docs/follow-up.md). 0 locks it at the deadline; -1 never locks (every past quarter
    /// stays open, as when loading years of history).
    /// </summary>
    [Range(-1, 365)]
    public int LockGraceDays { get; set; } = 15;
}
