using System.Security.Cryptography;
using System.Text;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.Portal.Board;

/// <summary>A stable digest of which submission is current for each unit of some periods: the identity of a set of figures.</summary>
public static class PointerKey
{
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
