using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Functions.Portal.Pages.Trends;

/// <summary>
/// The page of each long table of the trends page (<c>?units=&amp;stalled=&amp;activities=</c>, from 1; missing or not a
/// number: the first; past the end: the last), and the address of another page of one of them that keeps the plan,
/// the range and the other tables' pages.
/// </summary>
public sealed record TrendPages(int Units = 1, int Stalled = 1, int Activities = 1)
{
    /// <summary>Rows of a long table shown at once: every unit and activity of the coalition's plan fits on one page.</summary>
    public const int RowsPerPage = 50;

    public const string UnitsParameter = "units";
    public const string StalledParameter = "stalled";
    public const string ActivitiesParameter = "activities";

    public static TrendPages First { get; } = new();

    /// <summary>The pages asked for in a query; anything but a positive whole number is the first page.</summary>
    public static TrendPages Of(Func<string, string> query) =>
        new(Number(query(UnitsParameter)), Number(query(StalledParameter)), Number(query(ActivitiesParameter)));

    /// <summary>The trends page for <paramref name="range"/> at these pages, opened at <paramref name="anchor"/>.</summary>
    public string Link(TrendRange range, string anchor)
    {
        var query = new List<string>
        {
            $"plan={Uri.EscapeDataString(range.Plan.Id)}",
            $"from={range.From}",
            $"to={range.To}",
        };
        if (Units > 1) query.Add($"{UnitsParameter}={Units}");
        if (Stalled > 1) query.Add($"{StalledParameter}={Stalled}");
        if (Activities > 1) query.Add($"{ActivitiesParameter}={Activities}");
        return $"{Routes.Trends}?{string.Join("&", query)}#{anchor}";
    }

    private static int Number(string text) =>
        text.Length is > 0 and <= 9 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 1;
}
