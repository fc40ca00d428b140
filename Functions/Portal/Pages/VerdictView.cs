using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The verdict on an upload: the error summary linking to each problem, every finding with its sheet, cell and
/// activity, the annotated copy, and for an accepted sheet the status of its submission (followed by the script, or
/// by reloading). The same fragment is the page without script and the script's live answer.
/// </summary>
public static class VerdictView
{
    private const int MaxSummaryLinks = 50;

    public static Html Render(PortalContext c, ReportingUnit unit, ReportingPeriod period, PortalUploadResult result, long maxBytes)
    {
        if (result.TooLarge)
        {
            return Html.Of($"""
                <div class="error-summary" role="alert" tabindex="-1">
                <h2 class="heading-m">{c.T("No se pudo comprobar el archivo", "The file could not be checked")}</h2>
                <ul><li><a href="#sheet">{c.T($"El archivo pesa más de {PortalFormat.Bytes(maxBytes, c.Language)}. Envíe la plantilla del trimestre sin imágenes ni hojas añadidas.", $"The file is larger than {PortalFormat.Bytes(maxBytes, c.Language)}. Send the quarter's template without pictures or added sheets.")}</a></li></ul>
                </div>
                """);
        }

        var report = result.Report;
        var annotated = result.HasAnnotatedCopy && result.Stem is { } stem
            ? Html.Of($"""<p class="body"><a class="button button--secondary" href="{Routes.Annotated(unit.Code, period, stem, result.Rejected)}" download>{c.T("Descargar la copia revisada (.xlsx)", "Download the reviewed copy (.xlsx)")}</a></p><p class="hint">{c.T("Es su archivo con cada problema marcado en su celda y explicado en un comentario.", "It is your file with each problem marked on its cell and explained in a comment.")}</p>""")
            : Html.Empty;

        if (!report.Accepted)
        {
            var links = report.Errors.Take(MaxSummaryLinks).Select((e, i) => Html.Of($"""<li><a href="#issue-{i + 1}">{e.Message}</a></li>"""));
            var more = report.Errors.Count > MaxSummaryLinks
                ? Html.Of($"""<li>{c.T($"y {report.Errors.Count - MaxSummaryLinks} más en la tabla", $"and {report.Errors.Count - MaxSummaryLinks} more in the table")}</li>""")
                : Html.Empty;
            return Html.Of($"""
                <div class="error-summary" role="alert" tabindex="-1">
                <h2 class="heading-m">{c.T($"No se aceptó el informe: {Count(report.Errors.Count, "error", "errores", "error", "errors", c)}", $"The report was not accepted: {Count(report.Errors.Count, "error", "errores", "error", "errors", c)}")}</h2>
                <p class="body">{c.T("Corrija cada problema en su archivo y vuelva a enviarlo. Nada de este archivo se registró.", "Fix each problem in your file and send it again. Nothing from this file was recorded.")}</p>
                <ul>{links}{more}</ul>
                </div>
                {annotated}
                {Findings(c, report)}
                """);
        }

        var state = result.SameAsCurrent
            ? Html.Of($"""<p class="body" data-state-message>{c.T("Es igual a su informe vigente: no cambió nada.", "It is the same as your current report: nothing changed.")}</p>""")
            : Html.Of($"""<div data-poll-url="{Routes.SubmissionState(unit.Code, period, result.SubmissionId!)}"><p class="body" data-state-message>{c.T("Enviado. Se está registrando; esta página dirá cuando quede registrado.", "Sent. It is being recorded; this page will say when it is.")}</p><p class="hint"><a href="{Routes.UnitPeriod(unit.Code, period)}?submission={result.SubmissionId}">{c.T("Ver el estado del envío", "See the submission's status")}</a></p></div>""");
        var warnings = report.Warnings.Count > 0
            ? Html.Of($"""<p class="body">{c.T($"Tiene {Count(report.Warnings.Count, "advertencia", "advertencias", "warning", "warnings", c)}: revíselas; no impiden el registro.", $"It has {Count(report.Warnings.Count, "advertencia", "advertencias", "warning", "warnings", c)}: check them; they do not stop it being recorded.")}</p>{annotated}{Findings(c, report)}""")
            : Html.Empty;
        return Html.Of($"""
            <div class="notification" role="status" tabindex="-1">
            <h2 class="heading-m">{c.T("Informe aceptado", "Report accepted")}</h2>
            {state}
            </div>
            {warnings}
            """);
    }

    /// <summary>Every finding: errors first (their rows are what the error summary links to), then warnings.</summary>
    public static Html Findings(PortalContext c, ValidationReport report)
    {
        LanguageCodes.TryParse(report.Language, out var language);
        var rows = report.Errors.Select((e, i) => Row(c, e, $"issue-{i + 1}", error: true, language))
            .Concat(report.Warnings.Select((w, i) => Row(c, w, $"warning-{i + 1}", error: false, language)));
        return Html.Of($"""
            <div class="table-wrap">
            <table>
            <caption>{c.T("Problemas encontrados", "Problems found")}</caption>
            <thead><tr><th scope="col">{c.T("Tipo", "Type")}</th><th scope="col">{c.T("Hoja", "Sheet")}</th><th scope="col">{c.T("Celda", "Cell")}</th><th scope="col">{c.T("Actividad", "Activity")}</th><th scope="col">{c.T("Qué hacer", "What to do")}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </div>
            """);
    }

    private static Html Row(PortalContext c, ValidationIssue issue, string id, bool error, Language language) => Html.Of($"""
        <tr id="{id}" tabindex="-1"><td>{(error ? PortalFormat.Tag(c.T("Error", "Error"), "red") : PortalFormat.Tag(c.T("Advertencia", "Warning"), "yellow"))}</td><td>{issue.Sheet ?? "—"}</td><td>{issue.Cell ?? "—"}</td><td>{issue.Activity ?? "—"}</td><td>{WithoutLocation(issue, language)} <span class="hint">({issue.Code})</span></td></tr>
        """);

    /// <summary>The message without the "Sheet …, cell … (activity …):" it starts with: the table's columns already say where.</summary>
    private static string WithoutLocation(ValidationIssue issue, Language language)
    {
        var where = IssueLocation.Describe(language, issue.Sheet, issue.Cell, issue.Activity);
        return where is not null && issue.Message.StartsWith(where + ": ", StringComparison.Ordinal) ? issue.Message[(where.Length + 2)..] : issue.Message;
    }

    private static string Count(int n, string esOne, string esMany, string enOne, string enMany, PortalContext c) =>
        $"{n} {c.T(n == 1 ? esOne : esMany, n == 1 ? enOne : enMany)}";
}
