using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Bounds every text that came from an upload (or from its uploader) before it reaches a table property or blob
/// metadata. Table Storage refuses a string property over 64 KiB (32,768 UTF-16 characters) and an entity over 1 MiB;
/// blob metadata may not exceed 8 KiB in all; and the Azure SDK refuses to serialise a lone surrogate. A write that
/// fails on every delivery makes the host retry the upload until it is poisoned — no verdict, no history, no mail — so
/// nothing a sheet contains may be able to make one fail: each field is cut to its own limit here, in one place.
/// </summary>
public static class TableText
{
    /// <summary>The longest uploader name kept (the uploader sets that metadata itself).</summary>
    public const int MaxUploaderChars = 256;

    /// <summary>The longest file name kept (<see cref="UploadPath"/> accepts no longer).</summary>
    public const int MaxFileNameChars = 200;

    /// <summary>Under Table Storage's 32,768 characters per string property, with room to spare.</summary>
    public const int MaxPropertyChars = 30_000;

    /// <summary>
    /// <paramref name="text"/> in well-formed UTF-16, at most <paramref name="maxChars"/> characters: when cut, it ends
    /// in "…" within the limit and never splits a surrogate pair. Null stays null.
    /// </summary>
    public static string? Bound(string? text, int maxChars)
    {
        if (text is null) return null;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var clean = Utf16.ReplaceLoneSurrogates(text);
        return clean.Length <= maxChars ? clean : Utf16.Prefix(clean, maxChars - 1) + "…";
    }
}
