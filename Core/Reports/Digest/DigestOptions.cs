using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>The Presidency's digest e-mail. Section <c>Digest</c>; the schedule is the top-level <c>DigestSchedule</c> setting.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>Recipients, separated by <c>;</c> or <c>,</c>.</summary>
    public string Recipients { get; set; } = "";

    /// <summary><c>es</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "es";

    /// <summary>
    /// Which quarter the digest reports (and <c>GET /api/workbook</c> and the CLI serve without a period): the last
    /// one due (default) or the one in progress, by the reporting calendar — never "whatever was uploaded last".
    /// </summary>
    public ReportedQuarter Period { get; set; } = ReportedQuarter.LastDue;

    /// <summary>Attach the merged workbook up to this size; above it, link the portal's download (or say how to get it).</summary>
    public long MaxAttachmentBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>
    /// Deprecated: superseded by <c>Portal__BaseUrl</c>, and read as the portal's address when that is empty, for one
    /// release.
    /// </summary>
    public string? DownloadBaseUrl { get; set; }

    /// <summary>The addresses in <see cref="Recipients"/>, blanks skipped.</summary>
    public IReadOnlyList<string> RecipientAddresses() => MailAddressList.Parse(Recipients);

    public bool RecipientsAreValid() => MailAddressList.Invalid(Recipients).Count == 0;

    public IReadOnlyList<MailRecipient> MailRecipients() => RecipientAddresses().Select(a => new MailRecipient(a)).ToList();
}
