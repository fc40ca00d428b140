namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>A composed digest: what <see cref="DigestComposer"/> renders, before recipients and attachment are added.</summary>
public sealed record DigestMessage(string Subject, string HtmlBody, string TextBody);
