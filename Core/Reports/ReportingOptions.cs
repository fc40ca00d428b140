using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Reports;

/// <summary>Reporting calendar. Section <c>Reports</c>.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reports";

    /// <summary>Days after a quarter ends by which a unit's sheet is due.</summary>
    [Range(0, 365)]
    public int DeadlineDays { get; set; } = 30;
}
