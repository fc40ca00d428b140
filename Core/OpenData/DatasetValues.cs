using System.Globalization;

namespace ServerlessPlan.Core.OpenData;

/// <summary>How a value of each column type reads as text in the CSV and the JSON: invariant, a decimal point, ISO 8601 UTC.</summary>
public static class DatasetValues
{
    /// <summary>
    /// An instant in UTC, ISO 8601 with a <c>Z</c>, fractional seconds only when there are any
    /// (<c>2021-10-11T00:00:00Z</c>, <c>2021-10-11T08:15:30.25Z</c>).
    /// </summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A value as CSV text; empty for missing. Numbers round-trip ("R"), booleans are <c>true</c>/<c>false</c>.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => Instant(t),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
