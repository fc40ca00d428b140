using System.Globalization;
using System.Text;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The name a person sent a sheet under ("Informe GT 4.º trimestre (corregido).xlsx"), as its unit's pages show it
/// beside the name it was stored under. The portal stores a sheet under a name of its own
/// (<c>20211123-090343-Informe-GT-4-trimestre-corregido-1a2b3c4d.xlsx</c>) and writes the sent name into the blob's
/// <see cref="MetadataKey"/> metadata; anyone writing to <c>uploads/</c> directly (a script, the CLI's <c>ingest</c>)
/// sent the blob's own file name. Either way it is text a person or a browser chose: reduced here, in one place, to
/// a file name without folders, control or formatting characters (no bidirectional override can reorder a page),
/// white space collapsed, at most <see cref="MaxChars"/> characters, well-formed UTF-16 — before it reaches a table,
/// metadata or a page (where Razor encodes it as any text).
/// </summary>
public static class SentNames
{
    /// <summary>Blob metadata holding the sent name, URI-escaped (metadata values are ASCII).</summary>
    public const string MetadataKey = "sentname";

    /// <summary>The longest sent name kept; a longer one ends in "…".</summary>
    public const int MaxChars = 120;

    /// <summary>Most characters read of what was sent: a file name is at its end, and a multipart header holds 8 KiB at most.</summary>
    private const int MaxInputChars = 4096;

    /// <summary>The name as it is kept and shown; null when nothing printable is left.</summary>
    public static string? Clean(string? sent)
    {
        if (string.IsNullOrEmpty(sent)) return null;
        var text = sent.Length > MaxInputChars ? sent[^MaxInputChars..] : sent;
        text = Utf16.ReplaceLoneSurrogates(text).Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(Math.Min(text.Length, MaxChars * 2));
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = kept.Length > 0;
                continue;
            }
            if (space) kept.Append(' ');
            space = false;
            kept.Append(c);
            if (kept.Length > MaxChars * 2) break;
        }
        var clean = kept.ToString();
        return clean.Length == 0 ? null : TableText.Bound(clean, MaxChars);
    }

    /// <summary>The metadata value of a sent name (its cleaned form, URI-escaped); null when nothing is left.</summary>
    public static string? ToMetadata(string? sent) => Clean(sent) is { } clean ? Uri.EscapeDataString(clean) : null;

    /// <summary>The sent name a blob's metadata holds, cleaned again (anyone writing to storage sets metadata); null when it holds none.</summary>
    public static string? FromMetadata(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(MetadataKey, out var value) ? Clean(Uri.UnescapeDataString(value)) : null;
}
