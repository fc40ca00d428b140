using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The portal's own URLs, as its pages link them: site-relative paths filled into the route templates of
/// <see cref="PortalRoutes"/>, the same constants the functions' <c>[HttpTrigger]</c> attributes and the links in mails
/// (<see cref="PortalLinks"/>) use.
/// </summary>
public static class Routes
{
    public static string Unit(string unit) => PortalRoutes.Path(PortalRoutes.Unit, ("unit", unit));

    public static string UnitPeriod(string unit, ReportingPeriod period) =>
        PortalRoutes.Path(PortalRoutes.UnitPeriod, ("unit", unit), ("period", period.ToString()));

    public static string Upload(string unit, ReportingPeriod period) =>
        PortalRoutes.Path(PortalRoutes.Upload, ("unit", unit), ("period", period.ToString()));

    public static string Template(string unit, ReportingPeriod period) =>
        PortalRoutes.Path(PortalRoutes.Template, ("unit", unit), ("period", period.ToString()));

    public static string SubmissionState(string unit, ReportingPeriod period, string submissionId) =>
        PortalRoutes.Path(PortalRoutes.SubmissionState, ("unit", unit), ("period", period.ToString()), ("id", submissionId));

    public static string Original(string unit, ReportingPeriod period, string submissionId) =>
        PortalRoutes.Path(PortalRoutes.Original, ("unit", unit), ("period", period.ToString()), ("id", submissionId));

    /// <param name="refused">A sheet the portal refused (its verdict lives apart from the uploads' reports).</param>
    public static string Annotated(string unit, ReportingPeriod period, string stem, bool refused) =>
        PortalRoutes.Path(refused ? PortalRoutes.CheckAnnotated : PortalRoutes.UploadAnnotated,
            ("unit", unit), ("period", period.ToString()), ("stem", stem));

    public static string Report(string unit, ReportingPeriod period, string stem, bool refused) =>
        PortalRoutes.Path(refused ? PortalRoutes.CheckReport : PortalRoutes.UploadReport,
            ("unit", unit), ("period", period.ToString()), ("stem", stem));

    /// <summary>The verdict page of an upload in the history, by its content id.</summary>
    public static string SubmissionVerdict(string unit, ReportingPeriod period, string submissionId) =>
        PortalRoutes.Path(PortalRoutes.SubmissionVerdict, ("unit", unit), ("period", period.ToString()), ("id", submissionId));

    /// <summary>The verdict page of a sheet the portal refused, by its stem.</summary>
    public static string CheckVerdict(string unit, ReportingPeriod period, string stem) =>
        PortalRoutes.Path(PortalRoutes.CheckVerdict, ("unit", unit), ("period", period.ToString()), ("stem", stem));

    public const string Coalitions = "/" + PortalRoutes.Coalition;

    public static string Coalition(ReportingPeriod period) => PortalRoutes.Path(PortalRoutes.Board, ("period", period.ToString()));

    public static string Progress(ReportingPeriod period) => PortalRoutes.Path(PortalRoutes.Progress, ("period", period.ToString()));

    public static string Digest(ReportingPeriod period) => PortalRoutes.Path(PortalRoutes.Digest, ("period", period.ToString()));

    public static string DigestMail(ReportingPeriod period) => PortalRoutes.Path(PortalRoutes.DigestMail, ("period", period.ToString()));

    /// <summary>The picture over time: <c>?plan=&amp;from=&amp;to=</c>, all optional.</summary>
    public const string Trends = "/" + PortalRoutes.Trends;

    /// <summary><i>Datos abiertos</i>: the open-data package's page (<c>Coalition.Reader</c>).</summary>
    public const string OpenData = "/" + PortalRoutes.OpenData;

    /// <summary>The package as one zip: <c>?period=2021-Q3|all&amp;format=csv|parquet</c>.</summary>
    public const string OpenDataPackage = "/" + PortalRoutes.OpenDataPackage;

    /// <summary>The plan's matrix filled (<c>plan-report</c>) as a download, in the page's language.</summary>
    public static string PlanMatrix(string plan) => PortalRoutes.Path(PortalRoutes.PlanMatrix) + "?plan=" + Uri.EscapeDataString(plan);

    public static string Workbook(ReportingPeriod period) => PortalRoutes.Path(PortalRoutes.Workbook, ("period", period.ToString()));

    /// <summary>The as-of form (day, month, year, hour on the coalition's clock) in front of <c>…/workbook?asOf=</c>.</summary>
    public static string AsOf(ReportingPeriod period) => PortalRoutes.Path(PortalRoutes.AsOf, ("period", period.ToString()));

    /// <summary>The ST's reopening of one unit's locked quarter (a form post, <c>Coalition.Admin</c>).</summary>
    public static string Reopen(ReportingPeriod period, string unit) =>
        PortalRoutes.Path(PortalRoutes.Reopen, ("period", period.ToString()), ("unit", unit));

    /// <summary>The ST's early end of a unit's reopening (a form post, <c>Coalition.Admin</c>).</summary>
    public static string Lock(ReportingPeriod period, string unit) =>
        PortalRoutes.Path(PortalRoutes.Lock, ("period", period.ToString()), ("unit", unit));

    /// <summary>The ST's operations page (<c>Coalition.Admin</c>).</summary>
    public const string Operations = "/" + PortalRoutes.Operations;

    /// <summary>Processes uploads again through the same ingestion (a form post, <c>Coalition.Admin</c>).</summary>
    public const string Replay = "/" + PortalRoutes.Replay;

    /// <summary>Microsoft Entra sign-in (App Service Authentication's provider <c>aad</c>).</summary>
    public static readonly string SignIn = PortalRoutes.Path(PortalRoutes.SignIn, ("provider", "aad"));

    public static readonly string SignOut = PortalRoutes.Path(PortalRoutes.SignOut);

    /// <summary>A portal asset's path (<c>?v=</c> added by the caller).</summary>
    public static string Asset(string name) => PortalRoutes.Path(PortalRoutes.Assets, ("name", name));
}
