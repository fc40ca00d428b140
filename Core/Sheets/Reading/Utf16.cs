namespace ServerlessPlan.Core.Sheets.Reading;

/// <summary>
/// Well-formed UTF-16 for texts that came from an upload. XML itself cannot carry a lone surrogate, but Excel's
/// <c>_xD800_</c> escapes can; System.Text.Json (hence the Azure SDK and every JSON report) refuses to write one, so a
/// lone half must never leave the reader or reach a store.
/// </summary>
internal static class Utf16
{
    public const char Replacement = '\uFFFD';

    /// <summary><paramref name="text"/> with every surrogate that is not half of a pair replaced by U+FFFD.</summary>
    public static string ReplaceLoneSurrogates(string text)
    {
        var first = FirstLoneSurrogate(text);
        if (first < 0) return text;
        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = Replacement;
        }
        return new string(chars);
    }

    /// <summary>The first <paramref name="max"/> characters, one fewer when the cut would split a surrogate pair.</summary>
    public static string Prefix(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max > 0 && char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }

    private static int FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else return i;
        }
        return -1;
    }
}
