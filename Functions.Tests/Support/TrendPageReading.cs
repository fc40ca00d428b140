using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ServerlessPlan.Tests.Support;

/// <summary>One chart of the trends page as a reader sees it: the values written in the SVG and in its table, by quarter.</summary>
internal sealed record TrendChartReading(string Id, string Caption, IReadOnlyDictionary<string, string> InChart, IReadOnlyDictionary<string, string> InTable);

/// <summary>The trends page read with a real HTML parser (AngleSharp): each figure's chart and table, and the other tables by name.</summary>
internal sealed class TrendPageReading
{
    private TrendPageReading(IDocument document) => Document = document;

    public IDocument Document { get; }

    public static TrendPageReading Parse(string html) => new(new HtmlParser().ParseDocument(html));

    public IReadOnlyList<TrendChartReading> Charts => Document.QuerySelectorAll("figure[data-chart]").Select(figure =>
    {
        var id = figure.GetAttribute("data-chart")!;
        var svg = figure.QuerySelector("svg")!;
        var inChart = svg.QuerySelectorAll("text.chart-value[data-quarter]").ToDictionary(t => t.GetAttribute("data-quarter")!, t => t.TextContent.Trim());
        var inTable = figure.QuerySelectorAll($"table[data-table='{id}'] td[data-quarter]").ToDictionary(t => t.GetAttribute("data-quarter")!, t => t.TextContent.Trim());
        return new TrendChartReading(id, figure.QuerySelector("figcaption")!.TextContent.Trim(), inChart, inTable);
    }).ToList();

    /// <summary>A table's body rows, each as its cells' trimmed texts (header cell first).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string table) =>
        Document.QuerySelectorAll($"table[data-table='{table}'] tbody tr")
            .Select(tr => (IReadOnlyList<string>)tr.Children.Select(cell => cell.TextContent.Trim()).ToList()).ToList();

    /// <summary>A figure's table rows (the quarter first).</summary>
    public IReadOnlyList<IReadOnlyList<string>> FigureRows(string chart) => Rows(chart);
}
