using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// A template was asked for something that does not exist (unknown unit, malformed period, a year outside the plan,
/// an unknown language). The message is data for the caller: the CLI prints <see cref="Exception.Message"/> (English),
/// the HTTP function answers 400 with <see cref="Text"/> in the requested language.
/// </summary>
public sealed class TemplateRequestException(LocalizedText text) : ArgumentException(text.En)
{
    public LocalizedText Text { get; } = text;
}
