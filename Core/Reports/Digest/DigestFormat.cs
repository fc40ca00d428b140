using System.Globalization;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>How the digest draws bars and writes timestamps; figures are written by <see cref="FigureFormat"/>.</summary>
internal static class DigestFormat
{
    private const int TextBarWidth = 10;

    /// <summary>A moment the system recorded (a digest sent), to the minute: "2021-11-08 12:00 UTC".</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The share of a bar to fill, 0–100: a value above 100 % fills it, nothing fills none.</summary>
    public static double Fill(double? percent) => Math.Clamp(percent ?? 0, 0, 100);

    /// <summary><c>███████░░░ 70,0 %</c>: ten blocks, each a tenth.</summary>
    public static string TextBar(double? percent, Language language)
    {
        var filled = (int)Math.Round(Fill(percent) / 100 * TextBarWidth, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', TextBarWidth - filled) + " " + FigureFormat.Percent(percent, language);
    }

    /// <summary>
    /// Against the year's pace, since execution compares progress to date with the whole year's programado: at the end
    /// of quarter q an even pace is q/4 of it. Green from 90 % of that pace, amber from 60 %, red below.
    /// </summary>
    public static string Colour(double? percent, int quartersElapsed)
    {
        var pace = 100.0 * Math.Clamp(quartersElapsed, 1, 4) / 4;
        return ((percent ?? 0) / pace) switch
        {
            >= 0.9 => "#2e7d32",
            >= 0.6 => "#f9a825",
            _ => "#c62828",
        };
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
