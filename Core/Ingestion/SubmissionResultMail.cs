using System.Text;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Presentation;
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
    public const int MaxListedIssues = 50;

    public static string MessageKey(string unit, ReportingPeriod period, string submissionId) =>
        $"result-{unit}-{period}-{submissionId[..Math.Min(16, submissionId.Length)]}";

    /// <param name="unitPage">The unit's quarter in the portal (<c>/units/{unit}/{period}</c>); null without a portal.</param>
    /// <param name="messageKey">The mail's key when it is not the content's first (<see cref="MessageKey"/>).</param>
    public static OutgoingMail Compose(ReportingUnit unit, ReportingPeriod period, string fileName, string submissionId,
        ValidationReport report, RegisteredRecipients recipients, string? unitPage, byte[]? annotated, string? messageKey = null)
    {
        var model = Model(unit, period, fileName, report, recipients, unitPage, annotated is not null);
        // The annotated copy is the uploaded workbook itself: it only travels in a mail to registered recipients.
        var attachments = annotated is null
            ? Array.Empty<MailAttachment>()
            : [new MailAttachment($"{unit.Code}-{period}-{SubmissionResultTexts.ReviewFileWord.In(unit.Language)}.xlsx", Xlsx.ContentType, annotated)];
        return new OutgoingMail
        {
            To = recipients.To,
            Cc = recipients.Cc,
            Subject = model.Subject,
            HtmlBody = RazorHtml.Render<SubmissionResultMailBody>(new()
            {
                [nameof(SubmissionResultMailBody.MailLanguage)] = unit.Language,
                [nameof(SubmissionResultMailBody.Model)] = model,
            }),
            TextBody = Text(model),
            Attachments = attachments,
            Category = "submission-result",
            MessageKey = messageKey ?? MessageKey(unit.Code, period, submissionId),
        };
    }

    /// <summary>What the mail says, worded in the unit's language.</summary>
    public static SubmissionResultMailModel Model(ReportingUnit unit, ReportingPeriod period, string fileName, ValidationReport report,
        RegisteredRecipients recipients, string? unitPage, bool annotated)
    {
        string T(LocalizedText text) => text.In(unit.Language);
        var accepted = report.Accepted;
        var p = period;
        var subject = T(accepted
            ? SubmissionResultTexts.AcceptedSubject(unit.Code, p, report.Warnings.Count)
            : SubmissionResultTexts.RejectedSubject(unit.Code, p, report.Errors.Count));
        // A sheet refused only because its quarter is locked has nothing to fix: the finding says whom to ask.
        var lockedOnly = !accepted && report.Errors.All(e => e.Code == IngestionIssues.PeriodLocked.Code);
        var headline = T(accepted ? SubmissionResultTexts.Accepted(unit.Name, p, fileName)
            : lockedOnly ? SubmissionResultTexts.LockedOnly(unit.Name, p, fileName)
            : SubmissionResultTexts.Rejected(unit.Name, p, fileName));
        var issues = (accepted ? report.Warnings : report.Errors).Concat(accepted ? [] : report.Warnings).ToList();

        var lines = new List<(string, string?)>();
        if (annotated) lines.Add((T(SubmissionResultTexts.AnnotatedAttached), null));
        lines.Add(unitPage is not null
            ? (T(SubmissionResultTexts.InThePortal(unit.Code, p)), unitPage)
            : (T(SubmissionResultTexts.AskTheSecretariat), null));
        lines.Add((T(recipients.UnitContacts.Count == 0 ? SubmissionResultTexts.NoContact(unit.Name)
            : recipients.Secretariat.Count > 0 ? SubmissionResultTexts.GoesToContactsAndSecretariat(unit.Name)
            : SubmissionResultTexts.GoesToContacts(unit.Name)), null));

        return new SubmissionResultMailModel(subject, headline, report, issues,
            T(accepted ? SubmissionResultTexts.Warnings : SubmissionResultTexts.Errors),
            issues.Count > MaxListedIssues ? T(FindingsTexts.More(issues.Count - MaxListedIssues)) : null,
            lines);
    }

    /// <summary>The plain-text part, written from the same model as the HTML.</summary>
    private static string Text(SubmissionResultMailModel model)
    {
        var text = new StringBuilder().AppendLine(model.Headline).AppendLine();
        if (model.Issues.Count > 0)
        {
            // Errors, then warnings apart saying they do not stop the report; each sentence with its code beside it.
            var language = LanguageChoice.Of(model.Report.Language);
            var listed = model.Issues.Take(MaxListedIssues).ToList();
            var errors = listed.Where(i => i.Severity == IssueSeverity.Error).ToList();
            var warnings = listed.Where(i => i.Severity == IssueSeverity.Warning).ToList();
            if (errors.Count > 0) text.AppendLine(model.ListTitle + ":");
            foreach (var issue in errors) text.AppendLine($"- {issue.Message} ({issue.Code})");
            if (warnings.Count > 0)
            {
                if (errors.Count > 0) text.AppendLine().AppendLine(FindingsTexts.Warnings.In(language) + ":");
                else text.AppendLine(model.ListTitle + ":");
                text.AppendLine(FindingsTexts.WarningsDoNotStop.In(language));
            }
            foreach (var issue in warnings) text.AppendLine($"- {issue.Message} ({issue.Code})");
            if (model.More is { } more) text.AppendLine(more);
        }
        text.AppendLine();
        foreach (var (line, url) in model.Lines)
        {
            if (url is null) text.AppendLine(line);
            else text.Append(line).AppendLine(url);
        }
        return text.ToString();
    }
}
