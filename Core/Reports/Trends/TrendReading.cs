using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.Trends;

/// <summary>
/// The one sentence that reads each trend ("Prevención pasó de 31,0 % a 57,0 % en 2021; informaron 8 de 9 unidades en
/// cada trimestre"), the same words on the trends page and in the digest. Execution is compared within one year only
/// (ejecutado restarts each year): the last year of the range that has data.
/// </summary>
public static class TrendReading
{
    /// <summary>How the execution of <paramref name="name"/> (an axis, or the whole plan) moved in the range's last year with data, and who reported.</summary>
    public static string Execution(string name, IReadOnlyList<(Plan.ReportingPeriod Period, ProgressFigures Figures)> points, Language l)
    {
        var withData = points.Where(p => p.Figures.Execution is not null).ToList();
        if (withData.Count == 0)
            return T(l, $"{name}: sin datos en los trimestres elegidos.", $"{name}: no data in the chosen quarters.");
        var year = withData[^1].Period.Year;
        var inYear = withData.Where(p => p.Period.Year == year).ToList();
        var (first, last) = (inYear[0], inYear[^1]);
        var movement = inYear.Count == 1
            ? T(l, $"{name}: {FigureFormat.Percent(last.Figures.Execution, l)} en el {last.Period.Label(l)}", $"{name}: {FigureFormat.Percent(last.Figures.Execution, l)} in the {last.Period.Label(l)}")
            : T(l, $"{name} pasó de {FigureFormat.Percent(first.Figures.Execution, l)} a {FigureFormat.Percent(last.Figures.Execution, l)} en {year} (del {QuarterOrdinal.Of(first.Period.Quarter, l)} al {QuarterOrdinal.Of(last.Period.Quarter, l)} trimestre)",
                $"{name} went from {FigureFormat.Percent(first.Figures.Execution, l)} to {FigureFormat.Percent(last.Figures.Execution, l)} in {year} ({QuarterOrdinal.Of(first.Period.Quarter, l)} to {QuarterOrdinal.Of(last.Period.Quarter, l)} quarter)");
        return $"{movement}; {Coverage(inYear.Select(p => (p.Figures.UnitsReporting, p.Figures.UnitsExpected)).ToList(), l)}";
    }

    /// <summary>"8 de 9 unidades informaron en cada trimestre" / "informaron entre 5 y 8 de 9 unidades por trimestre".</summary>
    public static string Coverage(IReadOnlyList<(int Reporting, int Expected)> quarters, Language l)
    {
        var low = quarters.Min(q => q.Reporting);
        var high = quarters.Max(q => q.Reporting);
        var expected = quarters.Max(q => q.Expected);
        if (quarters.Count == 1) return T(l, $"informaron {low} de {expected} unidades", $"{low} of {expected} units reported");
        return low == high && quarters.All(q => q.Expected == expected)
            ? T(l, $"informaron {low} de {expected} unidades en cada trimestre", $"{low} of {expected} units reported in every quarter")
            : T(l, $"informaron entre {low} y {high} de {expected} unidades por trimestre", $"between {low} and {high} of {expected} units reported each quarter");
    }

    /// <summary>"En el 4.º trimestre de 2021 informaron 7 de 9 unidades (5 a tiempo, 2 tarde); 1 solo con planillas rechazadas y 1 sin envío. En el 1.er trimestre de 2021: 9 de 9."</summary>
    public static string Rate(IReadOnlyList<ReportingRate> rates, Language l)
    {
        var last = rates[^1];
        var text = T(l,
            $"En el {last.Period.Label(l)} informaron {last.Reported} de {last.Expected} unidades ({last.OnTime} a tiempo, {last.Late} tarde); {last.RejectedOnly} solo con planillas rechazadas y {last.Missing} sin envío.",
            $"In the {last.Period.Label(l)}, {last.Reported} of {last.Expected} units reported ({last.OnTime} on time, {last.Late} late); {last.RejectedOnly} with rejected sheets only and {last.Missing} with no upload.");
        if (rates.Count < 2) return text;
        var first = rates[0];
        return text + " " + T(l, $"En el {first.Period.Label(l)}: {first.Reported} de {first.Expected}.", $"In the {first.Period.Label(l)}: {first.Reported} of {first.Expected}.");
    }

    private static string T(Language l, string es, string en) => l == Language.En ? en : es;
}
