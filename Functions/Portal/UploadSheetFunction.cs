using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>POST /units/{unit}/{period}/upload</c> (multipart form, field <c>sheet</c>): a focal point's upload. Refused
/// unread above the size cap (413), checked at once as <c>POST /api/validate</c> checks it, and when accepted put at
/// <c>uploads/{unit}/{period}/…</c> for the blob trigger. Answers the quarter's page with the verdict (a form post
/// without script), or JSON with the same verdict fragment (the page's script): 200 accepted, 422 rejected.
/// </summary>
public sealed class UploadSheetFunction(
    PortalGate gate, PortalUploads uploads, UploadValidator validator, UnitPeriodModels models, IOptions<IngestionOptions> ingestion)
{
    [Function("PortalUpload")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.Upload)] HttpRequest req, string unit, string period,
        CancellationToken ct)
    {
        if (gate.UnitPeriod(req, unit, period, change: true, out var c, out var u, out var p) is { } refusal) return refusal;
        var maxBytes = ingestion.Value.MaxUploadBytes;
        if (UploadForm.DeclaredTooLarge(req, maxBytes)) return TooLarge(c, maxBytes);

        var form = await UploadForm.ReadAsync(req, validator, maxBytes, ct);
        if (gate.CrossSite(c, form.AntiForgeryToken) is { } crossSite) return crossSite;
        if (form.BodyTooLarge) return TooLarge(c, maxBytes);
        if (form.File is not { } file || form.Malformed)
            return await NoFileAsync(c, u, p, ct);
        if (file.TooLarge) return TooLarge(c, maxBytes);

        var result = await uploads.CheckAndSubmitAsync(u, p, file, form.FileName, c.User!.Name is { Length: > 0 } n ? n : c.User.Principal.UserId, c.Language, ct);
        if (result.NameTaken) return NameTaken(c);
        var status = result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        var verdict = new UploadVerdict(u, p, result, maxBytes);
        if (c.WantsJson)
        {
            return PortalResults.Json(new
            {
                accepted = result.Accepted,
                state = result.Accepted ? (result.SameAsCurrent ? "same" : "submitted") : "rejected",
                submissionId = result.SubmissionId,
                statusUrl = result.Accepted && result.SubmissionId is { } id ? Routes.SubmissionState(u.Code, p, id) : null,
                annotatedUrl = result.HasAnnotatedCopy && result.Stem is { } stem ? Routes.Annotated(u.Code, p, stem, result.Rejected) : null,
                report = result.Report,
                verdictHtml = PageFragment.Render<Verdict>(c.Language, new() { [nameof(Verdict.Model)] = verdict }).Value,
            }, status);
        }

        return await PageAsync(c, u, p, verdict, status, ct);
    }

    private async Task<IActionResult> PageAsync(PortalContext c, ReportingUnit u, ReportingPeriod p, UploadVerdict verdict, int status, CancellationToken ct) =>
        PortalResults.Page(UnitPeriodPage.Render(c, await models.LoadAsync(u, p, verdict, followed: null, ct)), status);

    private async Task<IActionResult> NoFileAsync(PortalContext c, ReportingUnit u, ReportingPeriod p, CancellationToken ct)
    {
        if (c.WantsJson) return Problems.Result(StatusCodes.Status400BadRequest, "FILE_MISSING", Problems.BadRequestTitle, VerdictTexts.ChooseTheFile, c.Language);
        return await PageAsync(c, u, p, new UploadVerdict(u, p, Result: null, ingestion.Value.MaxUploadBytes), StatusCodes.Status400BadRequest, ct);
    }

    /// <summary>Accepted, but its name under <c>uploads/</c> holds other content: not stored, so never said to be sent.</summary>
    private static IActionResult NameTaken(PortalContext c) =>
        HttpFailure.Respond(c, StatusCodes.Status409Conflict, "UPLOAD_NAME_TAKEN", Problems.NotSentTitle,
            new LocalizedText("Su informe no tiene errores, pero no se envió: otro archivo ya ocupa el nombre con que se guardaría. Envíelo otra vez en unos segundos; si vuelve a pasar, cámbiele el nombre al archivo.",
                "Your report has no errors, but it was not sent: another file already holds the name it would be stored under. Send it again in a few seconds; if it happens again, rename the file."));

    private static IActionResult TooLarge(PortalContext c, long maxBytes) =>
        HttpFailure.Respond(c, StatusCodes.Status413PayloadTooLarge, PackageIssues.FileTooLarge.Code, Problems.TooLargeTitle,
            new LocalizedText($"El archivo pesa más de {PortalFormat.Bytes(maxBytes, Language.Es)}: no se leyó. Envíe la plantilla del trimestre sin imágenes ni hojas añadidas.",
                $"The file is larger than {PortalFormat.Bytes(maxBytes, Language.En)}: it was not read. Send the quarter's template without pictures or added sheets."));
}
