using AngleSharp.Dom;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The wording every page and mail shares (issue 22), checked on a document read with a real parser: one label per
/// quarter (never its key <c>2021-Q3</c>, an axis letter "T3"/"Q3" or the ordinal "3.º"), counts written for their
/// number (never "envío(s)"), plain quotes in English, and the document's language. The text checked is what a person
/// reads: the title and the body, without scripts and styles; addresses, file names and data attributes are not text.
/// </summary>
public static class Wording
{
    private static readonly char[] Separators = [' ', '\n', '\r', '\t', '\u00a0', ',', ';', ':', '(', ')', '«', '»', '"', '[', ']', '·', '—', '–'];

    /// <summary>The title and the body's text, scripts and styles left out, white space collapsed.</summary>
    public static string Visible(IDocument document)
    {
        var body = document.Body!.Clone(deep: true) as IElement ?? throw new InvalidOperationException("No body.");
        foreach (var hidden in body.QuerySelectorAll("script, style, template").ToList()) hidden.Remove();
        return PortalPages.Text(document.Head?.QuerySelector("title")) + " " + PortalPages.Text(body);
    }

    /// <summary>
    /// The document is in <paramref name="language"/>, names <paramref name="label"/> (the quarter's one label) and reads
    /// as issue 22 asks; returns its visible text for further checks.
    /// </summary>
    public static string AssertReadsWell(IDocument document, Language language, string label)
    {
        Assert.Equal(language.ToCode(), document.DocumentElement.GetAttribute("lang"));
        var text = Visible(document);
        Assert.Contains(label, text, StringComparison.Ordinal);
        var words = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('.', '?', '!')).ToList();
        Assert.DoesNotContain(words, IsPeriodKey);
        Assert.DoesNotContain(words, w => w is "T1" or "T2" or "T3" or "T4" or "Q1" or "Q2" or "Q3" or "Q4");
        foreach (var wrong in new[] { "1.º", "3.º", "(s)", "(es)", "\u201c", "\u201d", "\u2018", "\u2019" })
            Assert.DoesNotContain(wrong, text, StringComparison.Ordinal);
        return text;
    }

    /// <summary>"2021-Q3": a key for addresses, file names and exports, never a label a person reads.</summary>
    public static bool IsPeriodKey(string word) =>
        word.Length == 7 && word[..4].All(char.IsAsciiDigit) && word[4] == '-' && word[5] == 'Q' && word[6] is >= '1' and <= '4';
}
