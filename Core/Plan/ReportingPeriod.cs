using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Core.Plan;

/// <summary>A calendar quarter, written <c>YYYY-Qn</c> everywhere: CLI flags, blob paths, table keys, sheets.</summary>
public readonly partial record struct ReportingPeriod(int Year, int Quarter) : IComparable<ReportingPeriod>
{
    [GeneratedRegex(@"^(?<y>\d{4})-Q(?<q>[1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null) return false;
        var m = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!m.Success) return false;
        period = new ReportingPeriod(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["q"].Value[0] - '0');
        return true;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period of the form YYYY-Qn (e.g. 2021-Q3).");

    /// <summary>The first day after the quarter, at midnight UTC.</summary>
    public DateTimeOffset EndExclusive => new(new DateTime(Year, Quarter * 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1));

    public ReportingPeriod Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    public ReportingPeriod Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public int CompareTo(ReportingPeriod other) => (Year * 4 + Quarter).CompareTo(other.Year * 4 + other.Quarter);

    public static bool operator <(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportingPeriod a, ReportingPeriod b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");
}
