namespace ServerlessPlan.Core.Mail;

/// <summary>One addressee of an <see cref="OutgoingMail"/>; the name is what mail clients show.</summary>
public sealed record MailRecipient(string Address, string? Name = null);
