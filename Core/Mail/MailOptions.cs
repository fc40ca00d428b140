using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Mail;

/// <summary>How mail leaves the system. Section <c>Mail</c>. Without an API key, mail goes to the outbox.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>SendGrid API key; in Azure a Key Vault reference. Empty: write to the outbox instead.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>Override of the SendGrid API base address (tests point it at a local endpoint).</summary>
    public string? SendGridHost { get; set; }

    /// <summary>Sender address; validated at start-up (see <c>AddMail</c>).</summary>
    [Required]
    public string FromAddress { get; set; } = "no-reply@coalicion-regional.example";

    [Required]
    public string FromName { get; set; } = "Coalición Regional — ServerlessPlan";

    /// <summary>Attempts for 429 and 5xx responses before giving up.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Local folder the outbox also writes messages to (the demo's <c>out/outbox</c>).</summary>
    public string? OutboxDirectory { get; set; }
}
