using System.Net;
using System.Text;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// The e-mail a unit gets for each upload: accepted (with any warnings) or rejected (with the errors and the annotated
/// copy attached), in the unit's language, to its registered contacts only (<see cref="RegisteredRecipients"/>).
/// It links the unit's quarter in the portal, or says how to get the report when no portal is configured. Everything
/// quoted from the sheet is HTML-encoded.
/// </summary>
public static class SubmissionResultMail
{
    private const int MaxListedIssues = 50;

    public static string MessageKey(string unit, ReportingPeriod period, string submissionId) =>
        $"result-{unit}-{period}-{submissionId[..Math.Min(16, submissionId.Length)]}";

    /// <param name="unitPage">The unit's quarter in the portal (<c>/units/{unit}/{period}</c>); null without a portal.</param>
    /// <param name="messageKey">The mail's key when it is not the content's first (<see cref="MessageKey"/>).</param>
    public static OutgoingMail Compose(ReportingUnit unit, ReportingPeriod period, string fileName, string submissionId,
        ValidationReport report, RegisteredRecipients recipients, string? unitPage, byte[]? annotated, string? messageKey = null)
    {
        var en = unit.Language == Language.En;
        string T(string es, string english) => en ? english : es;
        var accepted = report.Accepted;
        var unitName = unit.Name.In(unit.Language);
        var subject = (en, accepted) switch
        {
            (false, true) => $"[ServerlessPlan] {unit.Code} {period}: informe aceptado ({report.Warnings.Count} advertencias)",
            (false, false) => $"[ServerlessPlan] {unit.Code} {period}: informe rechazado ({report.Errors.Count} errores)",
            (true, true) => $"[ServerlessPlan] {unit.Code} {period}: report accepted ({report.Warnings.Count} warnings)",
            (true, false) => $"[ServerlessPlan] {unit.Code} {period}: report rejected ({report.Errors.Count} errors)",
        };
        // A sheet refused only because its quarter is locked has nothing to fix: the finding says whom to ask.
        var lockedOnly = !accepted && report.Errors.All(e => e.Code == IngestionIssues.PeriodLocked.Code);
        var headline = (en, accepted) switch
        {
            (false, false) when lockedOnly => $"El informe de {unitName} para {period} («{fileName}») fue rechazado porque el período está cerrado: no se consolidó nada.",
            (true, false) when lockedOnly => $"The report of {unitName} for {period} («{fileName}») was rejected because the period is locked: nothing was merged.",
            (false, true) => $"El informe de {unitName} para {period} («{fileName}») fue aceptado y consolidado.",
            (false, false) => $"El informe de {unitName} para {period} («{fileName}») fue rechazado y no se consolidó. Corrija lo indicado y vuelva a subirlo.",
            (true, true) => $"The report of {unitName} for {period} («{fileName}») was accepted and merged.",
            (true, false) => $"The report of {unitName} for {period} («{fileName}») was rejected and nothing was merged. Fix what is listed and upload it again.",
        };
        var listTitle = accepted ? T("Advertencias", "Warnings") : T("Errores", "Errors");
        var issues = (accepted ? report.Warnings : report.Errors).Concat(accepted ? [] : report.Warnings).ToList();

        var text = new StringBuilder().AppendLine(headline).AppendLine();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif\">")
            .Append("<p>").Append(WebUtility.HtmlEncode(headline)).Append("</p>");
        if (issues.Count > 0)
        {
            text.AppendLine(listTitle + ":");
            html.Append("<h3>").Append(WebUtility.HtmlEncode(listTitle)).Append("</h3><ul>");
            foreach (var issue in issues.Take(MaxListedIssues))
            {
                text.AppendLine($"- [{issue.Code}] {issue.Message}");
                html.Append("<li><code>").Append(WebUtility.HtmlEncode(issue.Code)).Append("</code> ")
                    .Append(WebUtility.HtmlEncode(issue.Message)).Append("</li>");
            }
            if (issues.Count > MaxListedIssues)
            {
                var more = T($"… y {issues.Count - MaxListedIssues} más.", $"… and {issues.Count - MaxListedIssues} more.");
                text.AppendLine(more);
                html.Append("<li>").Append(WebUtility.HtmlEncode(more)).Append("</li>");
            }
            html.Append("</ul>");
        }
        text.AppendLine();

        if (annotated is not null)
        {
            Line(text, html, T("La copia anotada de su archivo va adjunta: las celdas con observaciones están resaltadas y comentadas.",
                "The annotated copy of your file is attached: cells with findings are highlighted and commented."));
        }

        if (unitPage is not null)
        {
            var see = T($"El resultado, la copia anotada y el historial de envíos de {unit.Code} {period} están en el portal: ",
                $"The result, the annotated copy and the upload history of {unit.Code} {period} are in the portal: ");
            text.Append(see).AppendLine(unitPage);
            html.Append("<p>").Append(WebUtility.HtmlEncode(see)).Append("<a href=\"").Append(WebUtility.HtmlEncode(unitPage)).Append("\">")
                .Append(WebUtility.HtmlEncode(unitPage)).Append("</a></p>");
        }
        else
        {
            Line(text, html, T("Si necesita el informe completo de la revisión, pídalo a la Secretaría Técnica.",
                "If you need the full review report, ask the Technical Secretariat for it."));
        }

        Line(text, html, recipients.UnitContacts.Count > 0
            ? T($"Este correo se envía a los contactos registrados de {unitName}" + (recipients.Secretariat.Count > 0 ? ", con copia a la Secretaría Técnica." : "."),
                $"This e-mail goes to the contacts registered for {unitName}" + (recipients.Secretariat.Count > 0 ? ", with a copy to the Technical Secretariat." : "."))
            : T($"{unitName} no tiene contactos registrados: este correo se envía a la Secretaría Técnica.",
                $"{unitName} has no registered contact: this e-mail goes to the Technical Secretariat."));
        html.Append("</body></html>");

        // The annotated copy is the uploaded workbook itself: it only travels in a mail to registered recipients.
        var attachments = annotated is null
            ? Array.Empty<MailAttachment>()
            : [new MailAttachment($"{unit.Code}-{period}-{T("revision", "review")}.xlsx",
                Xlsx.ContentType, annotated)];
        return new OutgoingMail
        {
            To = recipients.To,
            Cc = recipients.Cc,
            Subject = subject,
            HtmlBody = html.ToString(),
            TextBody = text.ToString(),
            Attachments = attachments,
            Category = "submission-result",
            MessageKey = messageKey ?? MessageKey(unit.Code, period, submissionId),
        };
    }

    private static void Line(StringBuilder text, StringBuilder html, string line)
    {
        text.AppendLine(line);
        html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
    }
}
