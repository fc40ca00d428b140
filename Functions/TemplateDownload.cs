using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions;

/// <summary>
/// <c>GET /api/templates/{unit}/{period}?lang=es|en</c>: the quarterly template of a unit as an .xlsx download, from the plan
/// in force for the period; 400 (problem JSON) when no plan covers it or the unit is not a member then.
/// </summary>
public sealed class TemplateDownload(TemplateWriter writer, ReportingUnits units, PlanRegistry plans, ILogger<TemplateDownload> logger)
{
    [Function(nameof(TemplateDownload))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PortalRoutes.ApiTemplate)] HttpRequest req,
        string unit, string period)
    {
        string? lang = req.Query["lang"];
        TemplateRequest request;
        try
        {
            request = TemplateRequest.Resolve(units, plans, unit, period, lang);
        }
        catch (TemplateRequestException ex)
        {
            logger.LogWarning("Template request rejected for {Unit} {Period} {Language}: {Reason}", unit, period, lang, ex.Message);
            var language = LanguageChoice.Of(lang);
            return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_TEMPLATE_REQUEST",
                new LocalizedText("Solicitud de plantilla no válida", "Invalid template request"), ex.Text, language);
        }

        var bytes = writer.Write(request.Unit, request.Period, request.Language);
        logger.LogInformation("Template for {Unit} {Period} in {Language}: {Bytes} bytes",
            request.Unit.Code, request.Period.ToString(), request.Language.ToCode(), bytes.Length);
        return new FileContentResult(bytes, Xlsx.ContentType)
        {
            FileDownloadName = TemplateTexts.FileName(request.Unit, request.Period, request.Language),
        };
    }
}
