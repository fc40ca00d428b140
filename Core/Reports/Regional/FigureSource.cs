using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Regional;

/// <summary>One submission a figure was computed from.</summary>
public sealed record FigureSource(ReportingPeriod Period, string Unit, string SubmissionId)
{
    /// <summary><c>2021-Q3/GT=ab12…</c>, as the digest records it.</summary>
    public override string ToString() => $"{Period}/{Unit}={SubmissionId}";

    /// <summary>The record a digest keeps: every source, <c>;</c>-separated, in period then unit order.</summary>
    public static string Join(IEnumerable<FigureSource> sources) =>
        string.Join(";", sources.OrderBy(s => s.Period).ThenBy(s => s.Unit, StringComparer.Ordinal).Select(s => s.ToString()));
}
