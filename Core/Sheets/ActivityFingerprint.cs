using System.Security.Cryptography;
using System.Text;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Sheets;

/// <summary>
/// A stable digest of the rows a unit reports: SHA-256 (lowercase hex) over each activity's code and printed label,
/// in the given (plan) order. Texts are left out on purpose so a typo fix in the plan does not orphan templates
/// already sent out; adding, removing, renumbering or reordering activities changes it.
/// </summary>
public static class ActivityFingerprint
{
    public static string Compute(IEnumerable<PlanActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var text = new StringBuilder();
        // Tab and newline cannot occur in codes or labels, so the encoding is unambiguous.
        foreach (var a in activities) text.Append(a.Code).Append('\t').Append(a.Label).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
