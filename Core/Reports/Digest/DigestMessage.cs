using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>A composed digest: what <see cref="DigestComposer"/> renders, before recipients and attachment are added.</summary>
/// <param name="Language">The language it is written in (the portal's preview shows a Spanish digest on an English page).</param>
public sealed record DigestMessage(string Subject, string HtmlBody, string TextBody, Language Language = Language.Es);
