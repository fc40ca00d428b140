using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The portal's pages read as a person reads them, through a real HTML5 parser (AngleSharp): the board's row of a unit,
/// a quarter page's status and its upload history. Text is what the page shows (the visually hidden parts included, as a
/// screen reader reads them), never a pattern matched on the markup.
/// </summary>
public static class PortalPages
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The table whose caption is <paramref name="caption"/> (ordinal, whole text); fails when there is none.</summary>
    public static IElement Table(IDocument page, string caption) =>
        page.QuerySelectorAll("table").SingleOrDefault(t => Text(t.QuerySelector("caption")) == caption)
        ?? throw new Xunit.Sdk.XunitException($"No table captioned \"{caption}\" in the page \"{page.Title}\".");

    /// <summary>The texts of the status tags inside <paramref name="element"/>, in order.</summary>
    public static IReadOnlyList<string> Tags(IElement element) => element.QuerySelectorAll(".tag").Select(Text).ToList();

    /// <summary>The board's rows, by unit code (the code in parentheses after the unit's name).</summary>
    public static IReadOnlyDictionary<string, BoardRowText> BoardRows(IDocument board, string caption = "Unidades esperadas este trimestre") =>
        Table(board, caption).QuerySelectorAll("tbody tr").Select(tr =>
        {
            var name = Text(tr.QuerySelector("th"));
            var code = name[(name.LastIndexOf('(') + 1)..name.LastIndexOf(')')];
            var cells = tr.QuerySelectorAll("td").ToList();
            return new BoardRowText(code, Tags(cells[0]), Text(cells[1]), Text(cells[2]), Text(cells[3]));
        }).ToDictionary(r => r.Unit, StringComparer.Ordinal);

    /// <summary>The value of the quarter page's summary entry named <paramref name="term"/> ("Estado", "Informe vigente", …).</summary>
    public static IElement Summary(IDocument quarter, string term) =>
        quarter.QuerySelectorAll("dl.summary-list > div").SingleOrDefault(d => Text(d.QuerySelector("dt")) == term)?.QuerySelector("dd")
        ?? throw new Xunit.Sdk.XunitException($"No summary entry \"{term}\" in the page \"{quarter.Title}\".");

    /// <summary>The quarter page's upload history, newest first (empty when the page says there are no uploads yet).</summary>
    public static IReadOnlyList<HistoryRowText> History(IDocument quarter, string caption = "Cada archivo recibido para este trimestre, el más reciente primero")
    {
        if (quarter.QuerySelectorAll("table").All(t => Text(t.QuerySelector("caption")) != caption)) return [];
        return Table(quarter, caption).QuerySelectorAll("tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").ToList();
            return new HistoryRowText(Text(cells[0]), Text(cells[1]), Text(cells[2]), Tags(cells[3]).Single(), Text(cells[4]));
        }).ToList();
    }

    /// <summary>
    /// The instant a Spanish page shows as "20 de octubre de 2021, 07:00 (hora de Guatemala, UTC−6)" or "…, 12:00 UTC":
    /// pages show times on different clocks (a unit's pages on the unit's, the board on the coalition's), so two pages
    /// agree when they name the same instant, not the same words.
    /// </summary>
    public static DateTimeOffset ShownInstant(string shown)
    {
        var zoneAt = shown.IndexOf(" (", StringComparison.Ordinal);
        var (local, zone) = zoneAt >= 0
            ? (shown[..zoneAt], shown[(shown.LastIndexOf("UTC", StringComparison.Ordinal) + 3)..].TrimEnd(')'))
            : (shown[..shown.LastIndexOf(" UTC", StringComparison.Ordinal)], "");
        var wall = DateTime.ParseExact(local, "d 'de' MMMM 'de' yyyy, HH:mm", CultureInfo.GetCultureInfo("es"));
        var hours = zone.Length == 0 ? 0 : int.Parse(zone.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new DateTimeOffset(wall, TimeSpan.FromHours(hours));
    }

    /// <summary>An element's text with its white space collapsed, as it reads.</summary>
    public static string Text(IElement? element) =>
        element is null ? "" : string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <param name="Status">The status tags (the timeliness, then "En proceso" when a sheet is being processed).</param>
/// <param name="Uploads">"3" or "3 (2)": uploads, and in parentheses how many were rejected.</param>
public sealed record BoardRowText(string Unit, IReadOnlyList<string> Status, string LastUpload, string Uploads, string Current);

/// <param name="Result">The row's status tag ("Vigente", "Reemplazado", "Rechazado", "En proceso").</param>
public sealed record HistoryRowText(string Received, string File, string SentBy, string Result, string Errors);
