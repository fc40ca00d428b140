using System.Text;
using ServerlessPlan.Core.Sheets;

namespace ServerlessPlan.Tests.Unit.Sheets.Reading;

/// <summary>
/// Compares two readings of the same workbook cell by cell (kind, value, text, number format, formula) and lists
/// every difference, so a differential test failure says exactly which cell and which property differ.
/// </summary>
public static class SubmittedSheetComparison
{
    public static IReadOnlyList<string> Differences(SubmittedSheet expected, SubmittedSheet actual)
    {
        var diffs = new List<string>();
        if ((expected.OpenError is null) != (actual.OpenError is null))
            diffs.Add($"OpenError: '{expected.OpenError}' vs '{actual.OpenError}'");
        Same(diffs, "ReportSheetName", expected.ReportSheetName, actual.ReportSheetName);
        Same(diffs, "Metadata.SheetFound", expected.Metadata.SheetFound, actual.Metadata.SheetFound);
        Same(diffs, "Metadata.Parsed", expected.Metadata.Parsed, actual.Metadata.Parsed);
        var keys = expected.Metadata.Raw.Keys.Union(actual.Metadata.Raw.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
            Same(diffs, $"Metadata[{key}]", expected.Metadata.Raw.GetValueOrDefault(key), actual.Metadata.Raw.GetValueOrDefault(key));

        Cell(diffs, "Plan", expected.Plan, actual.Plan);
        Cell(diffs, "Unit", expected.Unit, actual.Unit);
        Cell(diffs, "Period", expected.Period, actual.Period);
        Cell(diffs, "FocalName", expected.FocalNameCell, actual.FocalNameCell);
        Cell(diffs, "FocalEmail", expected.FocalEmailCell, actual.FocalEmailCell);

        Same(diffs, "Rows", string.Join(",", expected.Rows.Select(r => r.Row)), string.Join(",", actual.Rows.Select(r => r.Row)));
        foreach (var (e, a) in expected.Rows.Zip(actual.Rows))
        {
            var at = $"row {e.Row}";
            Cell(diffs, $"{at} code", e.CodeCell, a.CodeCell);
            Cell(diffs, $"{at} ejecutado", e.EjecutadoCell, a.EjecutadoCell);
            Cell(diffs, $"{at} status", e.StatusCell, a.StatusCell);
            Cell(diffs, $"{at} quantity", e.QuantityCell, a.QuantityCell);
            Cell(diffs, $"{at} observations", e.ObservationsCell, a.ObservationsCell);
            Cell(diffs, $"{at} evidence", e.EvidenceCell, a.EvidenceCell);
        }
        return diffs;
    }

    /// <summary>Fails with every difference listed when the readings differ.</summary>
    public static void AssertSame(SubmittedSheet expected, SubmittedSheet actual, string corpusCase)
    {
        var diffs = Differences(expected, actual);
        if (diffs.Count == 0) return;
        var message = new StringBuilder($"{corpusCase}: {diffs.Count} difference(s) between the ClosedXML oracle and the streaming reader:");
        foreach (var d in diffs.Take(40)) message.Append("\n  ").Append(d);
        Assert.Fail(message.ToString());
    }

    private static void Cell(List<string> diffs, string name, SheetCell e, SheetCell a)
    {
        // Records compare Value by object.Equals, which is what "the same value" means here (double, string, DateTime…).
        if (e == a) return;
        diffs.Add($"{name}: {Describe(e)}  vs  {Describe(a)}");
    }

    private static string Describe(SheetCell c) =>
        $"[{c.Address} {c.Kind} value={c.Value ?? "null"}({c.Value?.GetType().Name}) text='{c.Text}' fmt='{c.NumberFormat}' id={c.NumberFormatId} f={c.Formula ?? "null"}]";

    private static void Same<T>(List<string> diffs, string name, T e, T a)
    {
        if (!EqualityComparer<T>.Default.Equals(e, a)) diffs.Add($"{name}: '{e}' vs '{a}'");
    }
}
