using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using ServerlessPlan.Core.Links;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /assets/{name}</c>: the portal's stylesheet and script (<see cref="PortalAssetFiles"/>). Public (the sign-in
/// page needs them too); a request naming the current version may be cached for a year.
/// </summary>
public sealed class PortalAssets
{
    [Function(nameof(PortalAssets))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Assets)] HttpRequest req, string name)
    {
        if (PortalAssetFiles.Find(name) is not { } asset) return new NotFoundResult();
        var versioned = req.Query["v"] == asset.Version;
        req.HttpContext.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "no-cache";
        return new FileContentResult(asset.Content, asset.ContentType) { EntityTag = new EntityTagHeaderValue($"\"{asset.Version}\"") };
    }
}
