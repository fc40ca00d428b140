namespace ServerlessPlan.Functions.Portal.Pages.Trends;

/// <summary>
/// Which rows of a long table one page of it shows: the page asked for, kept between the first and the last, and its
/// rows. At <c>large</c> the trends page has 200 units and 500 activities by 12 quarters; every row inline made a page
/// of ≈ 770 KiB, slow to send, to render and to read, so its long tables show a page of rows with links to the others.
/// </summary>
/// <param name="Page">The page shown, from 1.</param>
/// <param name="Size">Rows per page.</param>
/// <param name="Total">Rows in the whole table.</param>
public sealed record TableWindow(int Page, int Size, int Total)
{
    /// <summary>How many pages the table has (1 when it is empty).</summary>
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public int Skip => (Page - 1) * Size;

    /// <summary>The first row shown, counted from 1.</summary>
    public int First => Math.Min(Total, Skip + 1);

    /// <summary>The last row shown, counted from 1.</summary>
    public int Last => Math.Min(Total, Skip + Size);

    /// <summary>The rows of <paramref name="rows"/> this page shows.</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> rows) => rows.Skip(Skip).Take(Size);

    /// <summary>Page <paramref name="requested"/> of a table of <paramref name="total"/> rows, kept within its pages.</summary>
    public static TableWindow Of(int requested, int total, int size)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "A page holds at least one row.");
        var window = new TableWindow(1, size, Math.Max(0, total));
        return window with { Page = Math.Clamp(requested, 1, window.Pages) };
    }
}
