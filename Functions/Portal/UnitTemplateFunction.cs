using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal;

/// <summary><c>GET /units/{unit}/{period}/template</c>: the quarter's template in the unit's language (as <c>GET /api/templates</c> writes it).</summary>
public sealed class UnitTemplateFunction(PortalGate gate, TemplateWriter writer)
{
    [Function("PortalTemplate")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Template)] HttpRequest req, string unit, string period)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        return new FileContentResult(writer.Write(u, p, u.Language), Xlsx.ContentType)
        {
            FileDownloadName = TemplateTexts.FileName(u, p, u.Language),
        };
    }
}
