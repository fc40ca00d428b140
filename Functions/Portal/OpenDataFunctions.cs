using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Functions.Api;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// The open data in the portal for <c>Coalition.Reader</c> (docs/data.md, "In the portal"): the <i>Datos abiertos</i>
/// page (<c>/coalition/data</c>), and the package as one zip, <c>/coalition/data/package.zip?period=2021-Q3|all&amp;format=csv|parquet</c>
/// (every quarter and CSV when left out) — the files <c>export</c> writes, streamed into the response as they are
/// written, in one of the instance's build slots (429 <c>BUSY</c> when none is free, as the API).
/// </summary>
public sealed class OpenDataFunctions(PortalGate gate, CoalitionPeriods periods, PeriodRecordReader reader, OpenDataExporter exporter, WorkbookBuilds builds)
{
    [Function("PortalOpenData")]
    public IActionResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.OpenData)] HttpRequest req)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        return PortalResults.Page(Layout.Page<OpenDataPage>(c, new()
        {
            [nameof(OpenDataPage.Periods)] = periods.All(),
            [nameof(OpenDataPage.Suggested)] = periods.Default(),
            [nameof(OpenDataPage.Crumbs)] = CoalitionNav.Crumbs(c, c.T(OpenDataTexts.Title)),
        }));
    }

    [Function("PortalDataPackage")]
    public async Task<IActionResult> Package(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.OpenDataPackage)] HttpRequest req, CancellationToken ct)
    {
        if (gate.Reader(req, out var c) is { } refusal) return refusal;
        var scope = DatasetScope.All;
        if (req.Query["period"].ToString().Trim() is { Length: > 0 } periodText && !string.Equals(periodText, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!RequestWords.TryPeriod(periodText.Length > 40 ? periodText[..40] : periodText, out var period, out var invalid))
                return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "BAD_PERIOD", Problems.BadRequestTitle, invalid);
            scope = DatasetScope.Of(period);
        }

        var format = DatasetFormat.Csv;
        if (req.Query["format"].ToString() is { Length: > 0 } formatText && (!DatasetFormats.TryParse(formatText, out format) || format == DatasetFormat.Json))
        {
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "BAD_FORMAT", Problems.BadRequestTitle,
                new("El paquete se descarga en csv o parquet.", "The package downloads as csv or parquet."));
        }

        if (builds.TrySlot() is not { } slot) return OpenDataApiFunctions.Busy(c);
        try
        {
            var records = await reader.ReadAsync(scope, asOf: null, ct);
            if (!records.Any(r => r.HasData))
            {
                slot.Dispose();
                return HttpFailure.Respond(c, StatusCodes.Status404NotFound, "NO_DATA", Problems.NotFoundTitle, new LocalizedText(
                    $"Ningún trimestre de «{scope}» tiene aún una hoja aceptada: no hay datos que descargar.",
                    $"No quarter of \"{scope}\" has an accepted sheet yet: there is no data to download."));
            }

            return new StreamedResult("application/zip", FileName(scope, format), async (body, token) =>
            {
                using (slot)
                {
                    await using var zip = await ZipPackageTarget.CreateAsync(body, token);
                    await exporter.WritePackageAsync(zip, records, scope, format, asOf: null, token);
                }
            });
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary><c>datos-2021-Q3-csv.zip</c>, <c>datos-all-parquet.zip</c>.</summary>
    public static string FileName(DatasetScope scope, DatasetFormat format)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return $"datos-{scope}-{format.Extension()}.zip";
    }
}
