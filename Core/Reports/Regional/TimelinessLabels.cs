using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Regional;

public static class TimelinessLabels
{
    public static LocalizedText For(SubmissionTimeliness timeliness) => timeliness switch
    {
        SubmissionTimeliness.OnTime => new("A tiempo", "On time"),
        SubmissionTimeliness.Late => new("Tarde", "Late"),
        SubmissionTimeliness.RejectedOnly => new("Solo rechazadas", "Rejected only"),
        _ => new("Falta", "Missing"),
    };
}
