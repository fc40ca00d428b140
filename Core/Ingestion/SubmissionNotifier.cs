using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// Tells the focal point what happened to an upload, once: the submission history records when it was told, so a
/// redelivered trigger does not mail again and a retry after a failed send does.
/// </summary>
public sealed class SubmissionNotifier(
    IMailSender mail,
    SubmissionStore submissions,
    ReportingUnits units,
    TimeProvider time,
    ILogger<SubmissionNotifier> logger)
{
    public async Task NotifyOnceAsync(SubmissionEntity submission, UploadCheck check, UploadPath upload, CancellationToken ct,
        byte[]? annotated = null)
    {
        if (submission.NotifiedAt is not null) return;
        var recipient = submission.FocalPointEmail;
        var unit = units.Find(upload.Unit);
        if (recipient is null || unit is null)
        {
            logger.LogInformation("No focal point e-mail in {Blob}: result of {SubmissionId} not mailed", upload.BlobName, submission.RowKey);
            return;
        }

        var message = SubmissionResultMail.Compose(unit, upload.Period, upload.FileName, submission.RowKey, check.Report,
            recipient, submission.FocalPointName, submission.ReportBlob, annotated);
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (MailDeliveryException ex) when (ex.Status is >= 400 and < 500 and not 429)
        {
            // The provider refused this message (e.g. a bad address): retrying the ingestion cannot fix it.
            logger.LogError(ex, "Result of {SubmissionId} could not be mailed to the focal point: {Status}", submission.RowKey, ex.Status);
            return;
        }
        catch (MailConfigurationException ex)
        {
            logger.LogError(ex, "Result of {SubmissionId} not mailed: mail is misconfigured", submission.RowKey);
            return;
        }

        await submissions.MarkNotifiedAsync(submission.PartitionKey, submission.RowKey, time.GetUtcNow(), ct);
        submission.NotifiedAt = time.GetUtcNow();
    }
}
