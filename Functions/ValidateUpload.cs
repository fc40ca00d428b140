using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions;

/// <summary>
/// <c>POST /api/validate?unit=GT&amp;period=2021-Q3&amp;lang=es</c> with the .xlsx as the body: the same JSON report the
/// ingestion writes, without storing anything. 200 when it would be accepted, 422 when rejected, 400 for bad parameters,
/// 413 (problem JSON, code <c>FILE_TOO_LARGE</c>) above <c>Ingestion__MaxUploadBytes</c>.
/// </summary>
public sealed class ValidateUpload(UploadValidator validator, ReportingUnits units, ILogger<ValidateUpload> logger)
{
    [Function(nameof(ValidateUpload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = PortalRoutes.ApiValidate)] HttpRequest req, CancellationToken cancellationToken)
    {
        string? unit = req.Query["unit"];
        string? periodText = req.Query["period"];
        string? lang = req.Query["lang"];
        // Problems answer in the language asked for, else the unit's (Belize reads English).
        var fallback = LanguageChoice.For(asked: null, units.Find(unit)?.Language);
        Language? language = null;
        if (!string.IsNullOrEmpty(lang))
        {
            if (!RequestWords.TryLanguage(lang, out var l, out var error)) return BadRequest("INVALID_LANGUAGE", error, fallback);
            language = l;
        }
        ReportingPeriod? period = null;
        if (!string.IsNullOrEmpty(periodText))
        {
            if (!RequestWords.TryPeriod(periodText, out var p, out var error)) return BadRequest("INVALID_PERIOD", error, language ?? fallback);
            period = p;
        }

        // The guard's own buffering, asynchronously (Kestrel forbids synchronous reads): a Content-Length over the cap
        // is refused before a byte is read, and a chunked body is read no further than one byte past it.
        var upload = await validator.ReadAsync(req.Body, req.ContentLength, cancellationToken);
        var check = await validator.CheckAsync(upload, new UploadExpectation(unit, period, language), previous: null, cancellationToken);
        var report = check.Report;
        if (upload.TooLarge)
        {
            logger.LogWarning("Validation request for {Unit} {Period} refused: {Bytes} bytes is over the size limit", unit, periodText, upload.BytesRead);
            return TooLarge(report);
        }

        logger.LogInformation("Validated a sheet for {Unit} {Period}: accepted {Accepted}, {Errors} errors, {Warnings} warnings",
            report.Unit, report.Period, report.Accepted, report.Errors.Count, report.Warnings.Count);
        return new ContentResult
        {
            Content = report.ToJson(),
            ContentType = "application/json; charset=utf-8",
            StatusCode = report.Accepted ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity,
        };
    }

    private static ObjectResult BadRequest(string code, LocalizedText detail, Language language) =>
        Problems.Result(StatusCodes.Status400BadRequest, code, new LocalizedText("Solicitud de validación no válida", "Invalid validation request"), detail, language);

    /// <summary>The guard's own FILE_TOO_LARGE finding, as the problem of a 413, in the report's language.</summary>
    private static ObjectResult TooLarge(ValidationReport report)
    {
        var issue = report.Errors.Single(e => e.Code == Core.Packages.PackageIssues.FileTooLarge.Code);
        var language = LanguageChoice.Of(report.Language);
        return Problems.Result(StatusCodes.Status413PayloadTooLarge, issue.Code, Problems.TooLargeTitle, issue.Message, language);
    }
}
