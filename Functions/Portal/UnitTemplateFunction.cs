using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal;

/// <summary><c>GET /units/{unit}/{period}/template</c>: the quarter's template in the unit's language (as <c>GET /api/templates</c> writes it).</summary>
public sealed class UnitTemplateFunction(PortalGate gate, TemplateWriter writer, PlanCatalog catalog)
{
    [Function("PortalTemplate")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "units/{unit}/{period}/template")] HttpRequest req, string unit, string period)
    {
        if (gate.Unit(req, unit, change: false, out var c, out var u) is { } refusal) return refusal;
        if (gate.Period(c, period, catalog, out var p) is { } notFound) return notFound;
        return new FileContentResult(writer.Write(u, p, u.Language), TemplateDownload.ContentType)
        {
            FileDownloadName = TemplateTexts.FileName(u, p, u.Language),
        };
    }
}
