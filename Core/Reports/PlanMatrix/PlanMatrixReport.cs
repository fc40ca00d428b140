using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;
using ServerlessPlan.Core.Reports.Trends;

namespace ServerlessPlan.Core.Reports.PlanMatrix;

/// <summary>
/// The one call <c>plan-report</c> and the trends page's download share: the plan's quarters up to the year asked
/// for (or the calendar's quarter, if earlier), read as the trends page reads them (<see cref="TrendService"/>, the
/// same cached series for the same set of current submissions), then the matrix filled and written.
/// </summary>
public sealed class PlanMatrixReport(
    TrendService trends,
    MergedWorkbookService workbooks,
    ReportingCalendar calendar,
    FilledPlanMatrixWriter writer,
    ILogger<PlanMatrixReport> logger)
{
    /// <param name="year">The last year filled (its fourth quarter bounds what is read); null: up to the calendar's quarter.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the plan.</exception>
    public async Task<FilledPlanMatrix> BuildAsync(PlanCatalog plan, int? year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (year is { } y && !plan.ContainsYear(y))
            throw new ArgumentOutOfRangeException(nameof(year), y, $"The plan {plan.Id} covers {plan.FirstYear}–{plan.LastYear}.");
        var at = calendar.Now;
        var latest = workbooks.DefaultPeriod(at);
        var to = year is { } last && new ReportingPeriod(last, 4) < latest ? new ReportingPeriod(last, 4) : latest;
        var range = TrendRange.Of(plan, latest, null, to);
        var series = await trends.GetAsync(range, ct);
        var matrix = FilledPlanMatrix.Of(series, range.To, at, q4 => calendar.Deadline(q4, calendar.Coalition));
        logger.LogInformation("Filled the plan matrix of {Plan} up to {Period}: {Years} year(s) with data", plan.Id, range.To,
            matrix.Years.Count(x => x.Basis is not null));
        return matrix;
    }

    public void Write(Stream output, FilledPlanMatrix matrix, Language language) => writer.Write(output, matrix, language);

    /// <summary><c>matriz-2020-2022-al-2021.xlsx</c> / <c>plan-matrix-2020-2022-to-2021.xlsx</c>.</summary>
    public static string FileName(FilledPlanMatrix matrix, Language language) => language == Language.En
        ? $"plan-matrix-{matrix.Plan.Id}-to-{matrix.Through}.xlsx"
        : $"matriz-{matrix.Plan.Id}-al-{matrix.Through}.xlsx";
}
