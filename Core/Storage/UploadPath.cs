using System.Diagnostics.CodeAnalysis;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Where a country's upload lands: <c>uploads/{unit}/{period}/{file}.xlsx</c>. The path is a promise to countries and
/// scripts, and the unit and period in it are the ones a sheet must declare (a country cannot file for another).
/// </summary>
public sealed record UploadPath(string Unit, ReportingPeriod Period, string FileName)
{
    /// <summary>The blob name inside the uploads container.</summary>
    public string BlobName => $"{Unit}/{Period}/{FileName}";

    /// <summary>Parses a blob name relative to the uploads container (<c>GT/2021-Q3/informe.xlsx</c>).</summary>
    public static bool TryParse(string? blobName, [NotNullWhen(true)] out UploadPath? path)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(blobName)) return false;
        var parts = blobName.Split('/');
        if (parts.Length != 3) return false;
        if (parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetterOrDigit)) return false;
        if (!ReportingPeriod.TryParse(parts[1], out var period) || parts[1] != period.ToString()) return false;
        if (parts[2].Length == 0 || parts[2].Length > 200) return false;
        path = new UploadPath(parts[0].ToUpperInvariant(), period, parts[2]);
        return true;
    }
}
