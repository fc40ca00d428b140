using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Api;

/// <summary>
/// The open-data API for <c>Coalition.Reader</c> (docs/data.md): one table of the package, or its descriptor, and the
/// OpenAPI document that describes both. Signed in as the portal is — App Service Authentication's principal, from a
/// portal session or an Entra ID bearer token — and checked by <see cref="PortalGate.Reader"/>.
/// </summary>
public sealed class OpenDataApiFunctions(PortalGate gate, OpenDataExporter exporter, WorkbookBuilds builds, TimeProvider time)
{
    [Function("OpenDataDataset")]
    public IActionResult Dataset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.OpenDataDataset)] HttpRequest req, string table)
    {
        if (gate.Reader(req, out var context) is { } refusal) return refusal;
        if (OpenDataSchema.Find(table) is not { } found)
        {
            return HttpFailure.Respond(context, StatusCodes.Status404NotFound, "TABLE_NOT_FOUND", Problems.NotFoundTitle,
                new($"No hay una tabla «{table}». Tablas: {Names}.", $"There is no table \"{table}\". Tables: {Names}."));
        }

        if (Request(req, context, out var scope, out var asOf, out var format) is { } bad) return bad;
        if (builds.TrySlot() is not { } slot) return Busy(context);
        return new StreamedResult(format.MediaType(), OpenDataExporter.FileName(found, format), async (body, ct) =>
        {
            using (slot) await exporter.WriteTableAsync(body, found, scope, format, asOf, ct);
        });
    }

    [Function("OpenDataDescriptor")]
    public IActionResult Descriptor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.OpenDataDescriptor)] HttpRequest req)
    {
        if (gate.Reader(req, out var context) is { } refusal) return refusal;
        if (Request(req, context, out var scope, out var asOf, out var format) is { } bad) return bad;
        var query = req.QueryString.Value is { Length: > 0 } q ? q : "";
        return new StreamedResult("application/json", null, (body, ct) =>
            DataPackageJson.WriteAsync(body, format, scope, asOf, time.GetUtcNow(), t => PortalRoutes.Path(PortalRoutes.OpenDataDataset, ("table", t.Name)) + query, ct));
    }

    /// <summary>Public, like any API description: it holds no data.</summary>
    [Function("OpenDataOpenApi")]
    public static IActionResult OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.OpenDataOpenApi)] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return new ContentResult { StatusCode = 200, ContentType = "application/json", Content = OpenDataOpenApi.Json };
    }

    private static string Names => string.Join(", ", OpenDataSchema.Tables.Select(t => t.Name));

    /// <summary>Reads <c>period</c> (none: every quarter), <c>asOf</c> and <c>format</c> (csv by default); a 400 when one is wrong.</summary>
    private IActionResult? Request(HttpRequest req, PortalContext context, out DatasetScope scope, out DateTimeOffset? asOf, out DatasetFormat format)
    {
        scope = DatasetScope.All;
        asOf = null;
        format = DatasetFormat.Csv;
        if (req.Query["period"].ToString() is { Length: > 0 } periodText)
        {
            if (!ReportingPeriod.TryParse(periodText, out var period)) return Bad(context, "BAD_PERIOD", new("El periodo se escribe AAAA-Tn, p. ej. 2021-Q3.", "A period is written YYYY-Qn, e.g. 2021-Q3."));
            scope = DatasetScope.Of(period);
        }

        if (req.Query["asOf"].ToString() is { Length: > 0 } asOfText)
        {
            if (!RequestWords.TryInstant(asOfText, time.GetUtcNow(), out var at, out var error)) return Bad(context, "BAD_AS_OF", error);
            asOf = at;
        }

        if (req.Query["format"].ToString() is { Length: > 0 } formatText && !DatasetFormats.TryParse(formatText, out format))
            return Bad(context, "BAD_FORMAT", new("El formato es csv, parquet o json.", "The format is csv, parquet or json."));
        return null;
    }

    private static IActionResult Bad(PortalContext context, string code, LocalizedText detail) =>
        HttpFailure.Respond(context, StatusCodes.Status400BadRequest, code, Problems.BadRequestTitle, detail);

    /// <summary>429 <c>BUSY</c> with <c>Retry-After</c>: every build slot of the instance is taken (the portal's zip answers the same).</summary>
    internal static IActionResult Busy(PortalContext context)
    {
        context.Request.HttpContext.Response.Headers.RetryAfter = WorkbookBuilds.RetryAfter.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        return HttpFailure.Respond(context, StatusCodes.Status429TooManyRequests, "BUSY", new("Ocupado", "Busy"),
            new("Se están preparando otros datos. Vuelva a intentarlo en 30 segundos.", "Other data is being prepared. Try again in 30 seconds."));
    }
}
