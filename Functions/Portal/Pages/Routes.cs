using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The portal's own URLs, as its pages link them. The route templates are the functions' <c>[HttpTrigger]</c>
/// attributes; the public ones mails carry are built by <c>Core/Portal/PortalLinks</c> (same paths).
/// </summary>
public static class Routes
{
    public static string Unit(string unit) => $"/units/{Uri.EscapeDataString(unit)}";

    public static string UnitPeriod(string unit, ReportingPeriod period) => $"{Unit(unit)}/{period}";

    public static string Upload(string unit, ReportingPeriod period) => $"{UnitPeriod(unit, period)}/upload";

    public static string Template(string unit, ReportingPeriod period) => $"{UnitPeriod(unit, period)}/template";

    public static string SubmissionState(string unit, ReportingPeriod period, string submissionId) => $"{UnitPeriod(unit, period)}/submissions/{submissionId}";

    public static string Original(string unit, ReportingPeriod period, string submissionId) => $"{UnitPeriod(unit, period)}/originals/{submissionId}";

    /// <param name="refused">A sheet the portal refused (its verdict lives apart from the uploads' reports).</param>
    public static string Annotated(string unit, ReportingPeriod period, string stem, bool refused) =>
        $"{UnitPeriod(unit, period)}/{(refused ? "checks" : "reports")}/{Uri.EscapeDataString(stem)}/annotated";

    public static string Report(string unit, ReportingPeriod period, string stem, bool refused) =>
        $"{UnitPeriod(unit, period)}/{(refused ? "checks" : "reports")}/{Uri.EscapeDataString(stem)}/report";

    public static string Coalition(ReportingPeriod period) => $"/coalition/{period}";

    public static string Progress(ReportingPeriod period) => $"/coalition/{period}/progress";

    public static string Digest(ReportingPeriod period) => $"/coalition/{period}/digest";

    public static string DigestMail(ReportingPeriod period) => $"/coalition/{period}/digest/mail";

    /// <summary>The picture over time: <c>?plan=&amp;from=&amp;to=</c>, all optional.</summary>
    public const string Trends = "/coalition/trends";

    public static string Workbook(ReportingPeriod period) => $"/coalition/{period}/workbook";

    /// <summary>The ST's reopening of one unit's locked quarter (a form post, <c>Coalition.Admin</c>).</summary>
    public static string Reopen(ReportingPeriod period, string unit) => $"{Coalition(period)}/units/{Uri.EscapeDataString(unit)}/reopen";

    /// <summary>The ST's early end of a unit's reopening (a form post, <c>Coalition.Admin</c>).</summary>
    public static string Lock(ReportingPeriod period, string unit) => $"{Coalition(period)}/units/{Uri.EscapeDataString(unit)}/lock";

    /// <summary>The ST's operations page (<c>Coalition.Admin</c>).</summary>
    public const string Operations = "/coalition/operations";

    /// <summary>Processes uploads again through the same ingestion (a form post, <c>Coalition.Admin</c>).</summary>
    public const string Replay = "/coalition/operations/replay";
}
