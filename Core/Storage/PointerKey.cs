using System.Security.Cryptography;
using System.Text;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// A stable digest of which submission is current for each unit of some periods, under which plan and membership:
/// the identity of a set of figures.
/// </summary>
public static class PointerKey
{
    /// <summary>The plan in force for <paramref name="period"/> (id and content) and every unit's membership: what besides the pointers decides the figures.</summary>
    public static string Context(PlanRegistry plans, ReportingUnits units, ReportingPeriod period) =>
        $"{plans.Fingerprint(period)}|{string.Join(',', units.All.Select(u => $"{u.Code}:{u.From}:{u.Until}"))}";

    public static string Of(IEnumerable<(ReportingPeriod Period, IReadOnlyList<CurrentPointerEntity> Pointers)> periods, string? prefix = null)
    {
        var text = new StringBuilder(prefix);
        foreach (var (period, pointers) in periods.OrderBy(p => p.Period))
        {
            text.Append('|').Append(period);
            foreach (var p in pointers.OrderBy(p => p.Unit, StringComparer.OrdinalIgnoreCase))
                text.Append(';').Append(p.Unit.ToUpperInvariant()).Append('=').Append(p.SubmissionId);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
