using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Core.Mail;

/// <summary>
/// A message ready to leave the system. Composers (digest, upload results) build it; an <see cref="IMailSender"/>
/// delivers it. <see cref="MessageKey"/> identifies it: the same key means the same message.
/// </summary>
public sealed partial class OutgoingMail
{
    public required IReadOnlyList<MailRecipient> To { get; init; }

    /// <summary>Copied recipients (the ST on result mails); none of them may also be in <see cref="To"/>.</summary>
    public IReadOnlyList<MailRecipient> Cc { get; init; } = [];

    public required string Subject { get; init; }

    public required string HtmlBody { get; init; }

    /// <summary>Plain-text alternative; SendGrid and many clients need it besides the HTML.</summary>
    public required string TextBody { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Optional tag (<c>digest</c>, <c>upload-result</c>) sent as a SendGrid category.</summary>
    public string? Category { get; init; }

    /// <summary>
    /// Stable identity of the message (<c>digest-2024-Q1</c>): names the outbox folder and travels in SendGrid's
    /// <c>custom_args</c>. Letters, digits, <c>.</c>, <c>_</c>, <c>-</c> only, because it becomes a path.
    /// </summary>
    public required string MessageKey { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the message cannot be delivered as built.</summary>
    public void EnsureValid()
    {
        if (!SafeKey().IsMatch(MessageKey ?? ""))
        {
            throw new ArgumentException(
                $"MessageKey '{MessageKey}' must be 1-120 characters of letters, digits, '.', '_' or '-', not starting with '.'.",
                nameof(MessageKey));
        }

        if (To is null || To.Count == 0)
            throw new ArgumentException($"Mail {MessageKey} has no recipients.", nameof(To));
        foreach (var recipient in To.Concat(Cc ?? []))
        {
            if (!MailAddress.TryCreate(recipient.Address, out _))
                throw new ArgumentException($"Mail {MessageKey} has an invalid recipient address '{recipient.Address}'.", nameof(To));
        }
        // SendGrid refuses a personalization that names an address twice across to and cc.
        var addresses = To.Concat(Cc ?? []).Select(r => r.Address).ToList();
        if (addresses.Distinct(StringComparer.OrdinalIgnoreCase).Count() != addresses.Count)
            throw new ArgumentException($"Mail {MessageKey} names a recipient twice.", nameof(Cc));
        if (string.IsNullOrWhiteSpace(Subject))
            throw new ArgumentException($"Mail {MessageKey} has no subject.", nameof(Subject));
        // SendGrid rejects empty content values, so both bodies are required rather than silently dropped.
        if (string.IsNullOrWhiteSpace(HtmlBody) || string.IsNullOrWhiteSpace(TextBody))
            throw new ArgumentException($"Mail {MessageKey} needs both an HTML and a plain-text body.", nameof(HtmlBody));
        foreach (var attachment in Attachments)
        {
            if (!SafeFileName().IsMatch(attachment.FileName ?? "") || attachment.Content is null)
            {
                throw new ArgumentException(
                    $"Mail {MessageKey} has an attachment with an unusable file name '{attachment.FileName}'.", nameof(Attachments));
            }
        }

        if (Attachments.Select(a => a.FileName).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Attachments.Count)
            throw new ArgumentException($"Mail {MessageKey} has two attachments with the same file name.", nameof(Attachments));
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-][A-Za-z0-9._\-]{0,119}$")]
    private static partial Regex SafeKey();

    // A plain file name (accents allowed for Spanish names), never a path.
    [GeneratedRegex(@"^[^/\\:*?""<>|\x00-\x1F]{1,150}$")]
    private static partial Regex SafeFileName();
}
