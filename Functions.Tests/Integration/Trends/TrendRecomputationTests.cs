using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Reports.Trends;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Integration.Trends;

/// <summary>
/// Every point of the trend — per axis and overall, the reporting rate, each unit's and each activity's history, the
/// stalled activities and the movers — recomputed from the merged workbook's <i>Datos</i> rows of six quarters alone
/// (<see cref="TrendOracle"/>), and each quarter compared with the progress page's own figures for the same instant.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class TrendRecomputationTests(AzuriteFixture azurite)
{
    private const int Precision = 9;

    internal sealed record Checked(TrendSeries Series, TrendOracle Oracle, XLWorkbook Workbook);

    internal static async Task<Checked> SeedAndCheckAsync(AzuriteFixture azurite, int seed)
    {
        var storage = new TestStorage(azurite);
        await TrendStory.SeedAsync(storage, seed);
        var service = ReportStorage.Service(storage, out _, catalog: RealPlan.Catalog, units: RealPlan.Units);
        var trends = ReportStorage.Trends(storage, RealPlan.Catalog, RealPlan.Units);
        var series = await trends.GetAsync(new TrendRange(RealPlan.Catalog, TrendStory.First, TrendStory.Last), default);

        var output = new MemoryStream();
        Assert.NotNull(await service.WriteAsync(TrendStory.Last, output, default));
        output.Position = 0;
        var workbook = new XLWorkbook(output);
        var oracle = TrendOracle.From(workbook, TrendStory.Periods);

        Assert.Equal(TrendStory.Periods, series.Quarters.Select(q => q.Period));
        foreach (var quarter in series.Quarters)
        {
            // The progress page's figures for the same quarter, as it computes them now.
            var (progress, _) = await service.CalculateAsync(quarter.Period, default);
            Assert.Equal(progress.Overall, quarter.Overall);
            Assert.Equal(progress.Axes, quarter.Axes);
            Assert.Equal(ReportingRate.Of(progress), quarter.Rate);
            Assert.Equal(progress.Units.Select(u => (u.Unit.Code, u.Timeliness)), quarter.Units.Select(u => (u.Unit.Code, u.Timeliness)));

            if (!oracle.HasData(quarter.Period))
            {
                Assert.False(quarter.HasData);
                Assert.Null(quarter.Overall.Execution);
                continue;
            }

            var o = oracle.Quarters[quarter.Period];
            Same(o.Overall, quarter.Overall);
            foreach (var (axis, figures) in o.Axes)
                Same(figures, quarter.Axis(axis.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Figures);
            Assert.Equal(o.Reported.Count, quarter.Rate.Reported);
            Assert.Equal(o.Units.Count, quarter.Rate.Expected);

            foreach (var a in o.Activities)
            {
                var t = quarter.Activity(a.Code)!;
                Assert.Equal((a.Reporting, a.Expected, a.NotApplicable, a.ChangeUnits), (t.Reporting, t.Expected, t.NotApplicable, t.Change?.Units));
                Near(a.Regional, t.RegionalEjecutado);
                Near(a.LowerBound, t.LowerBound);
                Near(a.ChangePoints, t.Change?.Points);
                Near(a.Programado, t.Programado);
            }

            foreach (var u in o.Units)
            {
                var point = quarter.Unit(u.Code)!;
                Assert.Equal(u.Reported, point.HasReported);
                var figures = oracle.Unit(quarter.Period, u.Code);
                Near(figures.Execution, point.Figures?.Execution);
                Near(figures.LowerBoundExecution, point.Figures?.LowerBoundExecution);
                Assert.Equal((figures.ActivitiesReported, figures.ActivitiesPlanned), (point.Figures!.ActivitiesReported, point.Figures.ActivitiesPlanned));
            }
        }

        TrendsPageSaysTheOracleFigures(series, oracle);
        TendenciasSaysTheOracleFigures(workbook, oracle);
        await PlanMatrixSaysTheOracleFiguresAsync(storage, oracle);
        DigestTrendSaysTheOracleFigures(series, oracle, (await service.CalculateAsync(TrendStory.Last, default)).Progress);

        Assert.Equal(oracle.Stalled(TrendStory.Periods), series.Stalled.Select(s => (s.Latest.Activity.Code, s.Quarters)).ToList());
        Assert.Equal(oracle.Movers(TrendStory.Last, TrendRules.MoversCount), series.Movers.Select(m => m.Activity.Code).ToList());
        return new Checked(series, oracle, workbook);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(2021)]
    public async Task Every_point_of_six_quarters_recomputes_from_the_data_sheet_alone(int seed)
    {
        var result = await SeedAndCheckAsync(azurite, seed);

        // The story is one the trend has something to say about.
        Assert.NotEmpty(result.Series.Stalled);
        Assert.NotEmpty(result.Series.Movers);
        Assert.Contains(result.Series.Quarters, q => q.Rate.Late > 0);
        Assert.False(result.Series.Quarters[0].HasData);
        result.Workbook.Dispose();
    }

    [Fact]
    public async Task The_series_is_computed_once_per_set_of_current_submissions()
    {
        var storage = new TestStorage(azurite);
        await TrendStory.SeedAsync(storage, 7);
        var trends = ReportStorage.Trends(storage, RealPlan.Catalog, RealPlan.Units);
        var range = new TrendRange(RealPlan.Catalog, TrendStory.First, TrendStory.Last);

        var first = await trends.GetAsync(range, default);
        Assert.Same(first, await trends.GetAsync(range, default));

        // A new current sheet is a new set: computed afresh, and it shows.
        var st = RealPlan.Units.Find("ST")!;
        await ReportStorage.SubmitAsync(storage, "ST", TrendStory.Last, ReportingCalendar.Dates(TrendStory.Last, ReportingZone.Utc, 30, -1).Deadline,
            RealPlan.Catalog.ActivitiesFor(st).Select(a => new Core.Storage.ProgressRow
            {
                Unit = "ST", Period = TrendStory.Last.ToString(), Year = 2021, Activity = a.Code,
                Programado = (double?)a.ForYear(2021)?.Programado, Ejecutado = 0, Status = "NotStarted",
            }).ToList());
        var second = await trends.GetAsync(range, default);
        Assert.NotSame(first, second);
        Assert.Equal(0, second.Last.Unit("ST")!.Figures!.MeanEjecutado);
    }

    /// <summary>
    /// The trends page rendered from the series and read with a real parser: every chart's value is its table's, and
    /// every table row (execution, lower bound, units and activities with data, the reporting rate), the stalled
    /// activities and the movers are the oracle's.
    /// </summary>
    private static void TrendsPageSaysTheOracleFigures(TrendSeries series, TrendOracle oracle)
    {
        var context = new Functions.Http.PortalContext(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request, null, Language.Es, developmentSignIn: false);
        var range = new TrendRange(series.Plan, series.From, series.To);
        // A few rows per page, so every long table is read across its pages through the page's own links.
        TrendPageReading Render(Functions.Portal.Pages.Trends.TrendPages pages) => TrendPageReading.Parse(Functions.Portal.Pages.Layout.Page<Functions.Portal.Pages.TrendsPage>(context, new()
        {
            [nameof(Functions.Portal.Pages.TrendsPage.Series)] = series,
            [nameof(Functions.Portal.Pages.TrendsPage.Range)] = range,
            [nameof(Functions.Portal.Pages.TrendsPage.Plans)] = new List<PlanCatalog> { series.Plan },
            [nameof(Functions.Portal.Pages.TrendsPage.Crumbs)] = Functions.Portal.Pages.CoalitionNav.Crumbs(context, "Tendencias"),
            [nameof(Functions.Portal.Pages.TrendsPage.Pages)] = pages,
            [nameof(Functions.Portal.Pages.TrendsPage.RowsPerPage)] = RowsPerPage,
        }).ToString());
        var page = Render(Functions.Portal.Pages.Trends.TrendPages.First);

        var figures = new List<(string Chart, Func<DatosOracle, OracleFigures> Of)> { ("trend-overall", o => o.Overall) };
        figures.AddRange(RealPlan.Catalog.Axes.Select(a => ($"trend-axis-{a.Code}", (Func<DatosOracle, OracleFigures>)(o => o.Axes[int.Parse(a.Code, System.Globalization.CultureInfo.InvariantCulture)]))));
        var charts = page.Charts;
        Assert.Equal(figures.Count + 1, charts.Count);
        foreach (var chart in charts) Assert.Equal(chart.InTable, chart.InChart);
        foreach (var (chart, of) in figures)
        {
            foreach (var row in page.FigureRows(chart))
            {
                var period = range.Periods.Single(p => p.Label(Language.Es) == row[0]);
                if (!oracle.HasData(period))
                {
                    Assert.Equal("—", row[1]);
                    continue;
                }

                var o = of(oracle.Quarters[period]);
                Assert.Equal(FigureFormat.Percent(o.Execution, Language.Es), row[1]);
                Assert.Equal(o.ValuesReported < o.ValuesExpected ? FigureFormat.Percent(o.LowerBoundExecution, Language.Es) : "—", row[2]);
                Assert.Equal($"{o.UnitsReporting} de {o.UnitsExpected} unidades", row[3]);
                Assert.Equal($"{o.ActivitiesReported} de {o.ActivitiesPlanned}", row[4]);
            }
        }

        foreach (var row in page.Rows("trend-rate"))
        {
            var period = range.Periods.Single(p => p.Label(Language.Es) == row[0]);
            var o = oracle.Quarters[period];
            Assert.Equal(oracle.HasData(period) ? $"{o.Reported.Count}/{o.Units.Count}" : $"0/{series.Quarter(period)!.Rate.Expected}", row[1]);
        }

        Assert.Equal(oracle.Stalled(TrendStory.Periods).Select(s => (s.Code, s.Quarters.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            AllRows(Render, range, "trend-stalled").Select(r => (r[0].Split(' ')[0], r[1])));
        Assert.Equal(oracle.Movers(TrendStory.Last, TrendRules.MoversCount), page.Rows("trend-movers").Select(r => r[0].Split(' ')[0]));

        // Each unit's execution by quarter (how it stood against the deadline follows it in the cell).
        var quarters = range.Periods;
        var unitRows = AllRows(Render, range, "trend-units");
        Assert.Equal(quarters.SelectMany(q => oracle.Quarters[q].Units.Select(u => u.Name)).Distinct().Order(StringComparer.Ordinal),
            unitRows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in unitRows)
        {
            for (var i = 0; i < quarters.Count; i++)
            {
                var unit = oracle.Quarters[quarters[i]].Units.SingleOrDefault(u => u.Name == row[0]);
                var expected = unit is { Reported: true } ? FigureFormat.Percent(oracle.Unit(quarters[i], unit.Code).Execution, Language.Es) : "—";
                Assert.StartsWith(expected, row[i + 1], StringComparison.Ordinal);
            }
        }

        // Each activity's history: its regional ejecutado and coverage (k/n) in every quarter.
        var activityRows = AllRows(Render, range, "trend-activities");
        Assert.Equal(RealPlan.Catalog.Activities.Select(a => a.Code), activityRows.Select(r => r[0].Split(' ')[0]));
        foreach (var row in activityRows)
        {
            for (var i = 0; i < quarters.Count; i++)
            {
                if (!oracle.HasData(quarters[i])) continue;
                var a = oracle.Quarters[quarters[i]].Activities.SingleOrDefault(x => x.Code == row[0].Split(' ')[0]);
                if (a is { IsPlanned: true } && a.NotApplicable < a.Expected)
                    Assert.Equal($"{FigureFormat.Percent(a.Regional, Language.Es)}{a.Reporting}/{a.Expected}", row[i + 1]);
                else
                    Assert.Contains(row[i + 1], new[] { "no prog.", "no aplica" });
            }
        }
    }

    private const int RowsPerPage = 4;

    /// <summary>
    /// Every row of a paged table: its first page, then each next page its pager links to (the link keeps the plan and
    /// the range, and the rows do not repeat).
    /// </summary>
    private static List<IReadOnlyList<string>> AllRows(Func<Functions.Portal.Pages.Trends.TrendPages, TrendPageReading> render, TrendRange range, string table)
    {
        var rows = new List<IReadOnlyList<string>>();
        var pages = Functions.Portal.Pages.Trends.TrendPages.First;
        for (var read = 1; ; read++)
        {
            var page = render(pages);
            var shown = page.Rows(table);
            Assert.InRange(shown.Count, 0, RowsPerPage);
            rows.AddRange(shown);
            var next = page.Document.QuerySelector($"nav[data-pager='{table}'] a[rel=next]")?.GetAttribute("href");
            if (next is null) return rows;
            var address = new Uri(new Uri("http://portal.test"), next);
            var query = System.Web.HttpUtility.ParseQueryString(address.Query);
            Assert.Equal((range.Plan.Id, range.From.ToString(), range.To.ToString()), (query["plan"], query["from"], query["to"]));
            pages = Functions.Portal.Pages.Trends.TrendPages.Of(name => query[name] ?? "");
            Assert.True(read < 100, $"{table}: the pager never ends.");
        }
    }

    /// <summary>The workbook's <i>Tendencias</i> sheet: a row per quarter of the plan up to the workbook's and per axis, then the total, each the oracle's figure.</summary>
    private static void TendenciasSaysTheOracleFigures(XLWorkbook workbook, TrendOracle oracle)
    {
        var ws = workbook.Worksheet("Tendencias");
        var column = ws.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var rows = ws.RowsUsed().Skip(1).ToList();
        // 2020-Q1 to 2021-Q4: eight quarters × (four axes + the total).
        Assert.Equal(8 * (RealPlan.Catalog.Axes.Count + 1), rows.Count);
        foreach (var period in TrendStory.Periods)
        {
            var o = oracle.Quarters[period];
            var ofPeriod = rows.Where(r => r.Cell(column["Periodo"]).GetString() == period.ToString()).ToList();
            Assert.Equal(RealPlan.Catalog.Axes.Count + 1, ofPeriod.Count);
            foreach (var row in ofPeriod)
            {
                var axisCell = row.Cell(column["Eje"]);
                var figures = axisCell.IsEmpty() ? o.Overall : o.Axes.GetValueOrDefault((int)axisCell.GetDouble());
                double? Number(string header) => row.Cell(column[header]).IsEmpty() ? null : row.Cell(column[header]).GetDouble();
                if (!oracle.HasData(period))
                {
                    Assert.Null(Number("Ejecución (%)"));
                    continue;
                }
                Near(figures!.Execution, Number("Ejecución (%)"));
                Near(figures.LowerBoundExecution, Number("Cota inferior (%)"));
                Assert.Equal((figures.UnitsReporting, figures.UnitsExpected, figures.ActivitiesReported, figures.ActivitiesPlanned),
                    ((int)Number("Unidades con datos")!, (int)Number("Unidades esperadas")!, (int)Number("Actividades con datos")!, (int)Number("Actividades programadas")!));
            }
        }
    }

    /// <summary>
    /// The filled plan matrix (after 2021-Q4's deadline): each year's ejecutado is the oracle's regional value of the
    /// year's last quarter with a sheet in the data sheet, with its "k de n"; what nobody gave a number for says so.
    /// </summary>
    private static async Task PlanMatrixSaysTheOracleFiguresAsync(TestStorage storage, TrendOracle oracle)
    {
        var report = ReportStorage.PlanMatrix(storage, new DateTimeOffset(2022, 3, 1, 12, 0, 0, TimeSpan.Zero), RealPlan.Catalog, RealPlan.Units);
        var matrix = await report.BuildAsync(RealPlan.Catalog, null, default);
        var output = new MemoryStream();
        report.Write(output, matrix, Language.Es);
        output.Position = 0;
        using var workbook = new XLWorkbook(output);
        var sheet = new PlanMatrixReading(workbook, "Matriz", "Año");
        foreach (var year in new[] { 2020, 2021 })
        {
            var basis = TrendStory.Periods.Last(p => p.Year == year && oracle.HasData(p));
            Assert.Equal($"Año {year} (al {basis})", sheet.YearTitles[year]);
            foreach (var a in oracle.Quarters[basis].Activities)
            {
                var cells = sheet.Cells(a.Code, year);
                if (a.Regional is { } value)
                {
                    Near(value, cells.Ejecutado);
                    Assert.Equal($"0.0\" % ({a.Reporting} de {a.Expected})\"", cells.Shown);
                }
                else if (a.Expected == 0 && a.NotApplicable > 0)
                {
                    Assert.Equal($"no aplica ({a.NotApplicable} de {a.NotApplicable})", cells.Shown);
                }
                else if (a.Programado > 0 && a.Expected > 0)
                {
                    Assert.Equal($"sin informe (0 de {a.Expected})", cells.Shown);
                }
                else
                {
                    Assert.Null(cells.Ejecutado);
                }
            }
        }
    }

    /// <summary>The digest's trend (the last four quarters), in its text and in its HTML read with a real parser, says the oracle's figures.</summary>
    private static void DigestTrendSaysTheOracleFigures(TrendSeries series, TrendOracle oracle, RegionalProgress progress)
    {
        var last4 = series.LastQuarters(4);
        var message = new DigestComposer().Compose(progress, null, Language.Es, WorkbookReference.Attached("consolidado.xlsx"), trend: last4);
        var text = message.TextBody.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody);
        Assert.Empty(html.QuerySelectorAll("svg, script"));
        var trendTable = html.QuerySelectorAll("table").Last(t => t.QuerySelector("th")?.ParentElement?.Children.Skip(1).Select(c => c.TextContent).SequenceEqual(last4.Select(q => q.Period.Label(Language.Es))) == true);
        var rows = trendTable.QuerySelectorAll("tr").Where(r => r.ParentElement == trendTable || r.ParentElement?.ParentElement == trendTable).Skip(1).ToList();

        var names = new List<(string Name, Func<DatosOracle, OracleFigures> Figures)> { ("Total", o => o.Overall) };
        names.AddRange(RealPlan.Catalog.Axes.Select(a => ($"{a.Code}. {a.Name.Es}", (Func<DatosOracle, OracleFigures>)(o => o.Axes[int.Parse(a.Code, System.Globalization.CultureInfo.InvariantCulture)]))));
        foreach (var (name, figures) in names)
        {
            var line = text.Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal));
            var row = rows.Single(r => r.Children[0].TextContent == name);
            for (var i = 0; i < last4.Count; i++)
            {
                var period = last4[i].Period;
                var expected = oracle.HasData(period) ? FigureFormat.Percent(figures(oracle.Quarters[period]).Execution, Language.Es) : "—";
                Assert.Contains($"{period.Label(Language.Es)}: {expected}", line, StringComparison.Ordinal);
                Assert.Equal(expected, row.Children[i + 1].QuerySelector("b")!.TextContent);
            }
        }

        var rate = text.Single(l => l.StartsWith("Tasa de informe: ", StringComparison.Ordinal));
        foreach (var q in last4)
        {
            var o = oracle.Quarters[q.Period];
            Assert.Contains(oracle.HasData(q.Period) ? $"{q.Period.Label(Language.Es)}: {o.Reported.Count} de {o.Units.Count} (" : $"{q.Period.Label(Language.Es)}: 0 de ", rate, StringComparison.Ordinal);
        }
    }

    private static void Same(OracleFigures o, ProgressFigures t)
    {
        Near(o.Execution, t.Execution);
        Near(o.LowerBoundExecution, t.LowerBoundExecution);
        Assert.Equal((o.ActivitiesReported, o.ActivitiesPlanned, o.ValuesReported, o.ValuesExpected, o.UnitsReporting, o.UnitsExpected),
            (t.ActivitiesReported, t.ActivitiesPlanned, t.ValuesReported, t.ValuesExpected, t.UnitsReporting, t.UnitsExpected));
    }

    private static void Near(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e) Assert.Equal(e, actual!.Value, Precision);
    }
}
