using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// A template was asked for something that does not exist (unknown unit, malformed period, a year no plan in force
/// covers, a unit that is not a member in that quarter, an unknown language). The message is data for the caller: the CLI prints <see cref="Exception.Message"/> (English),
/// the HTTP function answers 400 with <see cref="Text"/> in the requested language.
/// </summary>
public sealed class TemplateRequestException(LocalizedText text) : ArgumentException(text.En)
{
    public LocalizedText Text { get; } = text;
}
