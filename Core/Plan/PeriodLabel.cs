using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// The one way a quarter is named to a person: "3.er trimestre de 2021" / "3rd quarter of 2021". Mails, the digest,
/// workbook headings, the template, findings and the portal all use it; <c>2021-Q3</c> (<see cref="ReportingPeriod.ToString"/>)
/// stays where it is a code people type or a machine reads: blob paths, routes, flags, file names, JSON.
/// </summary>
public static class PeriodLabel
{
    public static string Label(this ReportingPeriod period, Language language) => language == Language.En
        ? $"{QuarterOrdinal.Of(period.Quarter, language)} quarter of {period.Year}"
        : $"{QuarterOrdinal.Of(period.Quarter, language)} trimestre de {period.Year}";

    /// <summary>Both languages, Spanish first ("3.er trimestre de 2021 / 3rd quarter of 2021"), for texts every unit reads (the merged workbook).</summary>
    public static string Bilingual(this ReportingPeriod period) => $"{period.Label(Language.Es)} / {period.Label(Language.En)}";
}
