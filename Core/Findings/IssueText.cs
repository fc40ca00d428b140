using System.Text;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Findings;

/// <summary>
/// Bounds what a finding quotes. Every string argument of an <see cref="IssueType"/> is a value from the upload (a
/// cell, a code, a part or file name) unless wrapped in <see cref="OwnText"/>, so <see cref="IssueType.Format"/> passes
/// each through <see cref="Quote"/>: at most <see cref="MaxQuotedChars"/> characters and "…", with anything XML or
/// JSON cannot carry (control characters, lone surrogates) shown as U+FFFD. That keeps every message short, printable
/// and writable wherever it goes: the JSON report, the review sheet, a table property, a mail.
/// </summary>
public static class IssueText
{
    public const int MaxQuotedChars = 80;

    public static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var cut = Utf16.Prefix(text, MaxQuotedChars);
        var quoted = cut.Length < text.Length ? cut + "…" : cut;
        return Printable(quoted);
    }

    /// <summary><paramref name="text"/> with characters XML 1.0 cannot carry (and lone surrogates) replaced by U+FFFD.</summary>
    public static string Printable(string text)
    {
        var clean = Utf16.ReplaceLoneSurrogates(text);
        if (!clean.Any(IsForbidden)) return clean;
        var result = new StringBuilder(clean.Length);
        foreach (var c in clean) result.Append(IsForbidden(c) ? Utf16.Replacement : c);
        return result.ToString();
    }

    private static bool IsForbidden(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';
}

/// <summary>A text of our own passed to a finding's message (a reason, a list): not cut like a quoted value.</summary>
public sealed record OwnText(string Text)
{
    public override string ToString() => Text;
}
