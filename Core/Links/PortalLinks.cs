using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Links;

/// <summary>
/// The one place that builds the portal's public URLs for mails, from the route templates (<see cref="PortalRoutes"/>):
/// a unit's quarter (<c>/units/{unit}/{period}</c>: verdict, annotated copy, history), the coalition's board
/// (<c>/coalition/{period}</c>) and the merged workbook (<c>/coalition/{period}/workbook</c>). Each recipient signs in
/// there, so links work without a function key or storage rights. Null when no base address is configured
/// (<c>Core/Portal/PortalAddress</c>): callers then say how to get the file.
/// </summary>
public sealed class PortalLinks(string? baseUrl)
{
    private readonly string? _base = string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.Trim().TrimEnd('/');

    public bool Enabled => _base is not null;

    /// <summary>Empty (no links), or an absolute http(s) address without query or fragment that paths can follow.</summary>
    public static bool IsUsableBaseUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) ||
        (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" &&
         string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));

    /// <summary><c>{base}/units/{unit}/{period}</c>: what a unit's focal points open for one quarter.</summary>
    public string? UnitPeriod(string unit, ReportingPeriod period) =>
        Link(PortalRoutes.UnitPeriod, ("unit", unit.ToUpperInvariant()), ("period", period.ToString()));

    /// <summary><c>{base}/coalition/{period}</c>: the board and the regional progress.</summary>
    public string? Coalition(ReportingPeriod period) => Link(PortalRoutes.Board, ("period", period.ToString()));

    /// <summary><c>{base}/coalition/{period}/workbook</c>: the merged workbook's download.</summary>
    public string? CoalitionWorkbook(ReportingPeriod period) => Link(PortalRoutes.Workbook, ("period", period.ToString()));

    private string? Link(string template, params (string Name, string? Value)[] values) =>
        _base is null ? null : $"{_base}/{PortalRoutes.Fill(template, values)}";
}
