using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// Tells a unit what happened to an upload, once per content: to the contacts the coalition registered for it (with
/// the ST in copy), never to the address typed in the sheet. The mail is claimed on the submission's history entry
/// before the provider is called and marked after it accepted, so of racing deliveries one sends; a failed send
/// releases the claim (the host's retry sends), and a claim whose run died is taken over after its lease.
/// </summary>
public sealed class SubmissionNotifier(
    IMailSender mail,
    SubmissionStore submissions,
    RegisteredContacts contacts,
    PortalLinks links,
    ReportingUnits units,
    SendClaimTimings timings,
    TimeProvider time,
    ILogger<SubmissionNotifier> logger)
{
    /// <summary>
    /// Adds <c>FOCAL_EMAIL_NOT_REGISTERED</c> when the sheet names an e-mail that will not receive the result, saying
    /// who will. Run before the report is written, so the report, its annotated copy and the mail all carry it.
    /// </summary>
    public UploadCheck Review(UploadCheck check, UploadPath upload)
    {
        var email = check.Validation.FocalEmail;
        if (email is null || units.Find(upload.Unit) is null) return check;
        var recipients = contacts.For(upload.Unit);
        if (recipients.Includes(email)) return check;

        var language = LanguageChoice.Of(check.Report.Language);
        var warning = IngestionIssues.FocalEmailNotRegistered.At(language, TemplateLayout.ReportSheet(language), TemplateLayout.FocalEmailCell,
            null, email, recipients.Unit, new OwnText(Informed(recipients, language)));
        var report = check.Report with { Warnings = [.. check.Report.Warnings, warning] };
        return check with { Validation = check.Validation with { Report = report } };
    }

    public async Task NotifyOnceAsync(SubmissionEntity submission, UploadCheck check, UploadPath upload, CancellationToken ct,
        byte[]? annotated = null)
    {
        var verdict = SubmissionEntity.Verdict(check.Report.Accepted);
        if (submission.IsNotified(verdict)) return;
        var unit = units.Find(upload.Unit);
        if (unit is null)
        {
            logger.LogInformation("Upload {Blob} is not in a reporting unit's folder: result of {SubmissionId} not mailed", upload.BlobName, submission.RowKey);
            return;
        }

        var recipients = contacts.For(unit.Code);
        if (recipients.IsEmpty)
        {
            logger.LogWarning("No registered contact for {Unit} and no Contacts__SecretariatCopy: result of {SubmissionId} for {Period} not mailed",
                unit.Code, submission.RowKey, upload.Period);
            return;
        }
        if (recipients.UnitContacts.Count == 0)
        {
            logger.LogWarning("No registered contact for {Unit} (its Contacts__Units__ setting is empty): result of {SubmissionId} for {Period} goes to the ST copy only",
                unit.Code, submission.RowKey, upload.Period);
        }

        var key = SubmissionResultMail.MessageKey(unit.Code, upload.Period, submission.RowKey);
        // The same content told another verdict before (refused while the quarter was locked, accepted after a reopening):
        // this mail is a message of its own.
        if (submission.NotifiedAt is not null) key += "-" + verdict.ToLowerInvariant();
        var run = Guid.NewGuid().ToString("N");
        if (!await ClaimAsync(submission, key, run, verdict, ct)) return;

        // The name the person sent it under (the portal stores it under a name of its own), the stored one for older entries.
        var message = SubmissionResultMail.Compose(unit, upload.Period, submission.SentName ?? upload.FileName, submission.RowKey, check.Report,
            recipients, links.UnitPeriod(unit.Code, upload.Period), annotated, key);
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (MailDeliveryException ex) when (ex.Status is >= 400 and < 500 and not 429)
        {
            // The provider refused this message: retrying the ingestion cannot fix it, but a later delivery may try again.
            await ReleaseAsync(submission, run);
            logger.LogError(ex, "Result of {SubmissionId} for {Unit} {Period} refused by the provider: {Status}", submission.RowKey, unit.Code, upload.Period, ex.Status);
            return;
        }
        catch (Exception ex) when (ex is MailConfigurationException or ArgumentException)
        {
            // The configuration or the message itself is wrong: a retry of the ingestion would fail the same way.
            await ReleaseAsync(submission, run);
            logger.LogError(ex, "Result of {SubmissionId} for {Unit} {Period} not mailed: mail is misconfigured", submission.RowKey, unit.Code, upload.Period);
            return;
        }
        catch
        {
            // Transient: released so that the host's retry of this delivery sends at once.
            await ReleaseAsync(submission, run);
            throw;
        }

        var sentAt = time.GetUtcNow();
        await submissions.MarkNotifiedAsync(submission.PartitionKey, submission.RowKey, sentAt, CancellationToken.None, verdict);
        submission.NotifiedAt = sentAt;
        submission.NotifiedVerdict = verdict;
        logger.LogInformation("Result of {SubmissionId} for {Unit} {Period} mailed to {Recipients} registered contact(s) and {Copies} ST copy(ies)",
            submission.RowKey, unit.Code, upload.Period, recipients.UnitContacts.Count, recipients.Secretariat.Count);
    }

    /// <returns>True when this run holds the claim and must send; false when there is nothing left to send.</returns>
    private async Task<bool> ClaimAsync(SubmissionEntity submission, string key, string run, string verdict, CancellationToken ct)
    {
        // Real elapsed time bounds the wait; the lease is judged on the injected clock, like every other date.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var claim = await submissions.TryClaimNoticeAsync(submission.PartitionKey, submission.RowKey, run, time.GetUtcNow(), timings.Lease, ct, verdict);
            switch (claim.Outcome)
            {
                case NoticeClaimOutcome.Claimed:
                    return true;
                case NoticeClaimOutcome.AlreadyNotified:
                    return false;
                case NoticeClaimOutcome.Missing:
                    logger.LogWarning("Result mail {MessageKey}: no history entry {SubmissionId} in {Partition}; nothing mailed", key, submission.RowKey, submission.PartitionKey);
                    return false;
            }

            if (waited.Elapsed >= timings.Wait)
                throw new MailClaimHeldException(key, claim.Holder, claim.ClaimedAt!.Value, claim.ClaimedAt.Value + timings.Lease);
            await Task.Delay(timings.Poll, ct);
        }
    }

    private async Task ReleaseAsync(SubmissionEntity submission, string run)
    {
        try
        {
            await submissions.ReleaseNoticeAsync(submission.PartitionKey, submission.RowKey, run, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not fatal: the claim then lapses after its lease.
            logger.LogWarning(ex, "Could not release the result-mail claim on {SubmissionId}", submission.RowKey);
        }
    }

    /// <summary>Who the result reaches, in words, for the warning.</summary>
    private static string Informed(RegisteredRecipients recipients, Language language)
    {
        var en = language == Language.En;
        var copy = recipients.Secretariat.Count > 0;
        if (recipients.UnitContacts.Count > 0)
        {
            var list = string.Join(", ", recipients.UnitContacts);
            return en
                ? $"the unit's registered contacts ({list}){(copy ? " and the Technical Secretariat" : "")}"
                : $"los contactos registrados de la unidad ({list}){(copy ? " y a la Secretaría Técnica" : "")}";
        }
        if (copy)
        {
            return en
                ? $"the Technical Secretariat ({string.Join(", ", recipients.Secretariat)}), as the unit has no registered contact"
                : $"la Secretaría Técnica ({string.Join(", ", recipients.Secretariat)}), porque la unidad no tiene contactos registrados";
        }

        return en ? "nobody: no contact is registered for the unit" : "nadie: la unidad no tiene contactos registrados";
    }
}
