using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Functions.Portal.Pages.Charts;

/// <summary>The words the charts write inside their pictures.</summary>
public static class ChartTexts
{
    public static readonly LocalizedText LowCoverageNote = new("cob. baja", "low cov.");
    public static readonly LocalizedText OnTime = new("A tiempo", "On time");
    public static readonly LocalizedText Late = new("Tarde", "Late");
    public static readonly LocalizedText RejectedOnly = new("Solo rechazadas", "Rejected only");
    public static readonly LocalizedText Missing = new("Falta", "Missing");

    /// <summary>How a unit stood in a quarter, as the rate chart's legend and the tables name it.</summary>
    public static LocalizedText Timeliness(SubmissionTimeliness timeliness) => timeliness switch
    {
        SubmissionTimeliness.OnTime => OnTime,
        SubmissionTimeliness.Late => Late,
        SubmissionTimeliness.RejectedOnly => RejectedOnly,
        _ => Missing,
    };
}
