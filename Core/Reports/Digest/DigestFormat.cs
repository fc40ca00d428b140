using System.Globalization;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>How the digest displays numbers, dates and bars: one decimal, as the workbook does; dates in UTC.</summary>
internal static class DigestFormat
{
    private const int TextBarWidth = 10;

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Signed(double? value) =>
        value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset? value) =>
        value is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The share of a bar to fill, 0–100: a value above 100 % fills it, nothing fills none.</summary>
    public static double Fill(double? percent) => Math.Clamp(percent ?? 0, 0, 100);

    /// <summary><c>███████░░░ 70.0 %</c>: ten blocks, each a tenth.</summary>
    public static string TextBar(double? percent)
    {
        var filled = (int)Math.Round(Fill(percent) / 100 * TextBarWidth, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', TextBarWidth - filled) + " " + Percent(percent);
    }

    /// <summary>Green at 90 % of the programado and above, amber from 60 %, red below.</summary>
    public static string Colour(double? percent) => percent switch
    {
        >= 90 => "#2e7d32",
        >= 60 => "#f9a825",
        _ => "#c62828",
    };

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
