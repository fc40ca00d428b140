using System.Net;
using System.Text;
using ServerlessPlan.Core.Ingestion.Validation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// The e-mail a focal point gets for each upload: accepted (with any warnings) or rejected (with the errors and the
/// annotated copy attached), in the unit's language. Everything quoted from the sheet is HTML-encoded.
/// </summary>
public static class SubmissionResultMail
{
    private const int MaxListedIssues = 50;

    public static OutgoingMail Compose(ReportingUnit unit, ReportingPeriod period, string fileName, string submissionId,
        ValidationReport report, string recipient, string? recipientName, string reportBlob, byte[]? annotated)
    {
        var en = unit.Language == Language.En;
        var accepted = report.Accepted;
        var unitName = unit.Name.In(unit.Language);
        var subject = (en, accepted) switch
        {
            (false, true) => $"[ServerlessPlan] {unit.Code} {period}: informe aceptado ({report.Warnings.Count} advertencias)",
            (false, false) => $"[ServerlessPlan] {unit.Code} {period}: informe rechazado ({report.Errors.Count} errores)",
            (true, true) => $"[ServerlessPlan] {unit.Code} {period}: report accepted ({report.Warnings.Count} warnings)",
            (true, false) => $"[ServerlessPlan] {unit.Code} {period}: report rejected ({report.Errors.Count} errors)",
        };
        var headline = (en, accepted) switch
        {
            (false, true) => $"El informe de {unitName} para {period} («{fileName}») fue aceptado y consolidado.",
            (false, false) => $"El informe de {unitName} para {period} («{fileName}») fue rechazado y no se consolidó. Corrija lo indicado y vuelva a subirlo.",
            (true, true) => $"The report of {unitName} for {period} («{fileName}») was accepted and merged.",
            (true, false) => $"The report of {unitName} for {period} («{fileName}») was rejected and nothing was merged. Fix what is listed and upload it again.",
        };
        var listTitle = accepted ? (en ? "Warnings" : "Advertencias") : (en ? "Errors" : "Errores");
        var issues = (accepted ? report.Warnings : report.Errors).Concat(accepted ? [] : report.Warnings).ToList();
        var where = en ? $"Full report: {reportBlob}" : $"Informe completo: {reportBlob}";

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
                var more = en ? $"… and {issues.Count - MaxListedIssues} more." : $"… y {issues.Count - MaxListedIssues} más.";
                text.AppendLine(more);
                html.Append("<li>").Append(WebUtility.HtmlEncode(more)).Append("</li>");
            }
            html.Append("</ul>");
        }
        text.AppendLine().AppendLine(where);
        html.Append("<p>").Append(WebUtility.HtmlEncode(where)).Append("</p></body></html>");

        var attachments = annotated is null
            ? Array.Empty<MailAttachment>()
            : [new MailAttachment($"{unit.Code}-{period}-{(en ? "review" : "revision")}.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", annotated)];
        return new OutgoingMail
        {
            To = [new MailRecipient(recipient, recipientName)],
            Subject = subject,
            HtmlBody = html.ToString(),
            TextBody = text.ToString(),
            Attachments = attachments,
            Category = "submission-result",
            MessageKey = $"result-{unit.Code}-{period}-{submissionId[..Math.Min(16, submissionId.Length)]}",
        };
    }
}
