using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The verdict files of a unit's quarter: the annotated copy and the JSON report of an upload
/// (<c>/units/{unit}/{period}/reports/{stem}/…</c>) or of a sheet the portal refused (<c>…/checks/{stem}/…</c>).
/// </summary>
public sealed class ReportFileFunctions(PortalGate gate, UnitFiles files)
{
    private static readonly LocalizedText Missing = new("Ese archivo no existe (una copia revisada solo se hace cuando hay problemas que marcar).",
        "That file does not exist (a reviewed copy is made only when there are problems to mark).");

    [Function("PortalUploadAnnotated")]
    public Task<IActionResult> UploadAnnotated(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.UploadAnnotated)] HttpRequest req,
        string unit, string period, string stem, CancellationToken ct) =>
        ServeAsync(req, unit, period, (u, p) => files.OpenAnnotatedAsync(u, p, stem, refused: false, ct));

    [Function("PortalUploadReport")]
    public Task<IActionResult> UploadReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.UploadReport)] HttpRequest req,
        string unit, string period, string stem, CancellationToken ct) =>
        ServeAsync(req, unit, period, (u, p) => files.OpenReportAsync(u, p, stem, refused: false, ct));

    [Function("PortalCheckAnnotated")]
    public Task<IActionResult> CheckAnnotated(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.CheckAnnotated)] HttpRequest req,
        string unit, string period, string stem, CancellationToken ct) =>
        ServeAsync(req, unit, period, (u, p) => files.OpenAnnotatedAsync(u, p, stem, refused: true, ct));

    [Function("PortalCheckReport")]
    public Task<IActionResult> CheckReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.CheckReport)] HttpRequest req,
        string unit, string period, string stem, CancellationToken ct) =>
        ServeAsync(req, unit, period, (u, p) => files.OpenReportAsync(u, p, stem, refused: true, ct));

    private async Task<IActionResult> ServeAsync(HttpRequest req, string unit, string period, Func<string, ReportingPeriod, Task<UnitFiles.StoredFile?>> open)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        var file = await open(u.Code, p);
        return file is null ? PortalGate.NotFound(c, Missing) : PortalResults.File(file.Content, file.ContentType, file.FileName);
    }
}
