using System.Net.Mail;
using ServerlessPlan.Core.Mail;

namespace ServerlessPlan.Core.Reports;

/// <summary>The Presidency's digest e-mail. Section <c>Digest</c>; the schedule is the top-level <c>DigestSchedule</c> setting.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Recipients, separated by <c>;</c> or <c>,</c>.</summary>
    public string Recipients { get; set; } = "";

    /// <summary><c>es</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "es";

    /// <summary>Attach the merged workbook up to this size; above it, send a link to <see cref="DownloadBaseUrl"/>.</summary>
    public long MaxAttachmentBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Public base address of the Functions app, for the workbook download link.</summary>
    public string? DownloadBaseUrl { get; set; }

    /// <summary>The addresses in <see cref="Recipients"/>, blanks skipped.</summary>
    public IReadOnlyList<string> RecipientAddresses() =>
        Recipients.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool RecipientsAreValid() => RecipientAddresses().All(a => MailAddress.TryCreate(a, out _));

    public IReadOnlyList<MailRecipient> MailRecipients() => RecipientAddresses().Select(a => new MailRecipient(a)).ToList();
}
