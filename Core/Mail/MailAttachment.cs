namespace ServerlessPlan.Core.Mail;

/// <summary>A file carried by an <see cref="OutgoingMail"/> (a merged workbook, a validation report).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
