using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal;

/// <summary><c>GET /units/{unit}/{period}/originals/{id}</c>: an original upload as the archive keeps it, under its uploaded name.</summary>
public sealed class OriginalDownloadFunction(PortalGate gate, SubmissionStore submissions, UnitFiles files)
{
    [Function("PortalOriginal")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Original)] HttpRequest req,
        string unit, string period, string id, CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: false, out var c, out var u, out var p) is { } refusal) return refusal;
        var entry = UnitFiles.IsContentId(id) ? await submissions.GetAsync(TableKeys.Partition(p, u.Code), id, ct) : null;
        var file = entry is null ? null : await files.OpenOriginalAsync(u.Code, p, id, entry.FileName, ct);
        return file is null
            ? PortalGate.NotFound(c, new LocalizedText("Ese archivo original no está en el archivo de la unidad.", "That original file is not in the unit's archive."))
            : PortalResults.File(file.Content, file.ContentType, file.FileName);
    }
}
