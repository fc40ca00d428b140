using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Tests.Integration.Reports;
using ServerlessPlan.Tests.Support;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Tests.Integration.Demo;

/// <summary>
/// The demo (<c>serverlessplan demo</c>, what scripts/demo.sh runs) proves what it claims: the formula/script text is
/// written and stays inert, every delivery's outcome is listed, one unit marks "no aplica", one leaves a programmed
/// activity blank, the superseded version differs from its replacement and does not leak, the headline is printed with
/// its coverage, and every figure of its workbook and digest recomputes from the data sheet; the units still missing
/// are reminded and told when late, the quarter locks (a late sheet refused, a reopening with its reason, the sheet
/// accepted), and the record as of the digest's instant is the one the digest reported. Run once for the class.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait(Needs.Trait, Needs.Azurite)]
public sealed class DemoTests(AzuriteFixture azurite)
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static DemoRun? _run;

    private sealed record DemoRun(int Exit, string Output, string Error, DirectoryInfo Out);

    private async Task<DemoRun> RunAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_run is not null) return _run;
            var storage = new TestStorage(azurite);
            var dir = Directory.CreateTempSubdirectory("demo-test");
            // Shared by the class's tests, so removed when the test run ends rather than after one of them.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => dir.Delete(recursive: true);
            var settings = storage.Settings();
            // The demo's quarter locks with the default grace: its story shows the lock, the reopening and the late sheet.
            settings.Remove("Reports:LockGraceDays");
            settings["Mail:OutboxDirectory"] = Path.Combine(dir.FullName, "outbox");
            settings["Digest:Recipients"] = "presidencia@coalicion-regional.example";
            settings["Contacts:SecretariatCopy"] = "secretaria.tecnica@coalicion-regional.example";
            foreach (var unit in RealPlan.Units.All) settings[$"Contacts:Units:{unit.Code}"] = SampleSheetFiller.FocalEmailOf(unit);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await CliApp.RunAsync(["demo", "--out", dir.FullName, "--period", Q3.ToString()], stdout, stderr, settings, services =>
            {
                services.AddSingleton(storage.Tables);
                services.AddSingleton(storage.Blobs);
            });
            return _run = new DemoRun(exit, stdout.ToString(), stderr.ToString(), dir);
        }
        finally
        {
            Once.Release();
        }
    }

    private static string File(DemoRun run, params string[] path) => Path.Combine([run.Out.FullName, .. path]);

    private static DirectoryInfo DigestMail(DemoRun run) =>
        new DirectoryInfo(File(run, "outbox")).EnumerateDirectories("digest-*", SearchOption.AllDirectories).Single();

    [Fact]
    public async Task The_demo_runs_and_prints_the_headline_completeness_first_with_its_coverage()
    {
        var run = await RunAsync();

        Assert.True(run.Exit == ExitCodes.Ok, run.Error + run.Output);
        var lines = run.Output.Split('\n').Select(l => l.Trim()).ToList();
        var reported = lines.FindIndex(l => l.StartsWith("Informaron 7 de 9 unidades (países: 6 de 8; Secretaría Técnica: 1 de 1): Belice, Costa Rica, El Salvador, Guatemala, Honduras, República Dominicana y Secretaría Técnica.", StringComparison.Ordinal));
        Assert.True(reported > 0, run.Output);
        Assert.Equal("No informaron 2: Nicaragua (sin envío) y Panamá (solo envíos rechazados). Nada suyo entra en las cifras.", lines[reported + 1]);
        Assert.Matches(@"^Ejecución: \d+,\d % de lo programado para el año \(sobre lo informado: 7 de 9 unidades; \d+ de \d+ actividades programadas con datos\)\.$", lines[reported + 2]);
        Assert.Matches(@"^Si lo que falta no hubiera avanzado \(2 unidades sin informe y 1 valor dejado en blanco, cada uno como ejecutado 0\): \d+,\d % \(cota inferior\)\.$", lines[reported + 3]);
        Assert.StartsWith("Ejecución = avance del año a la fecha frente a lo programado para todo el año", lines[reported + 4]);

        // One line of trend: the quarters with sheets (2020-Q3 to 2021-Q2 before, 2021-Q3 at the digest's slot), read as the
        // trends page reads them: 2021's execution from its first quarter, the reporting rate from the first quarter with sheets.
        var trend = Assert.Single(lines, l => l.StartsWith("Trend: ", StringComparison.Ordinal));
        Assert.Matches(@"^Trend: La ejecución total pasó de \d+,\d % a \d+,\d % en 2021 \(del 1\.er al 3\.er trimestre\); ", trend);
        // Two sentences: the execution's reading, then the reporting rate's.
        Assert.Contains(" por trimestre. En el 3.er trimestre de 2021 informaron ", trend, StringComparison.Ordinal);
        Assert.Contains("En el 3.er trimestre de 2021 informaron 7 de 9 unidades (", trend, StringComparison.Ordinal);
        Assert.EndsWith("En el 3.er trimestre de 2020: 9 de 9.", trend, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_delivery_is_listed_the_first_acceptance_and_the_duplicate_both()
    {
        var run = await RunAsync();

        using var json = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(File(run, "ingestion.json")));
        var q3 = json.RootElement.EnumerateArray().Where(e => e.GetProperty("period").GetString() == Q3.ToString())
            .Select(e => (Unit: e.GetProperty("unit").GetString()!, File: e.GetProperty("file").GetString()!, Outcome: e.GetProperty("outcome").GetString()!))
            .ToList();

        Assert.Equal(["SV-2021-Q3.xlsx Accepted", "SV-2021-Q3.xlsx Duplicate"], q3.Where(x => x.Unit == "SV").Select(x => $"{x.File} {x.Outcome}"));
        Assert.Equal(["BZ-2021-Q3.xlsx Accepted", "BZ-2021-Q3-v2.xlsx Accepted"], q3.Where(x => x.Unit == "BZ").Select(x => $"{x.File} {x.Outcome}"));
        Assert.Equal(["Rejected", "Accepted"], q3.Where(x => x.Unit == "HN").Select(x => x.Outcome));
        Assert.Equal(["Rejected"], q3.Where(x => x.Unit == "PA").Select(x => x.Outcome));
        // Nicaragua files nothing by the deadline, is refused once the quarter locked and accepted after the reopening.
        Assert.Equal(["NI-2021-Q3-late.xlsx Rejected", "NI-2021-Q3-late.xlsx Accepted"], q3.Where(x => x.Unit == "NI").Select(x => $"{x.File} {x.Outcome}"));
        // The quarters before: every unit in each from 2020-Q3, but Panamá, which stops after 2021-Q1.
        var earlier = json.RootElement.EnumerateArray()
            .Select(e => (Period: e.GetProperty("period").GetString()!, Unit: e.GetProperty("unit").GetString()!, Outcome: e.GetProperty("outcome").GetString()!))
            .Where(e => e.Period != Q3.ToString()).ToList();
        Assert.Equal(["2020-Q3", "2020-Q4", "2021-Q1", "2021-Q2"], earlier.Select(e => e.Period).Distinct());
        Assert.All(earlier, e => Assert.Equal("Accepted", e.Outcome));
        Assert.Equal([9, 9, 9, 8], earlier.GroupBy(e => e.Period).Select(g => g.Count()));
        Assert.DoesNotContain(earlier, e => e.Period == Q3.Previous.ToString() && e.Unit == "PA");
    }

    [Fact]
    public async Task The_story_over_time_shows_in_the_trend_and_the_plan_matrix_written_under_out()
    {
        var run = await RunAsync();
        var periods = new[] { new ReportingPeriod(2020, 3), new ReportingPeriod(2020, 4), new ReportingPeriod(2021, 1), new ReportingPeriod(2021, 2), Q3 };

        // The workbook's data sheet holds every quarter of the plan with sheets: the activity that stalls is stalled
        // there (no like-for-like change in 2021-Q2 and Q3), and Panamá has no sheet after 2021-Q1.
        using var workbook = new XLWorkbook(File(run, "consolidado-2021-Q3.xlsx"));
        var oracle = ServerlessPlan.Tests.Integration.Trends.TrendOracle.From(workbook, periods);
        var stalled = DemoScenario.StalledActivity(RealPlan.Catalog, Q3);
        Assert.Contains((stalled, 2), oracle.Stalled(periods));
        Assert.All(periods, p => Assert.True(oracle.HasData(p)));
        Assert.Equal(["2020-Q3", "2020-Q4", "2021-Q1"], oracle.Rows.Where(r => r.Unit == "PA" && r.HasSheet).Select(r => r.Period).Distinct());

        // The plan matrix: 2020 from its fourth quarter, complete; 2021 from 2021-Q3, in progress; each ejecutado with its coverage.
        var line = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("6. The plan matrix filled", StringComparison.Ordinal));
        Assert.Contains("2020 from 2020-Q4; 2021 from 2021-Q3 (in progress); 2022 no reports", line, StringComparison.Ordinal);
        using var matrix = new XLWorkbook(File(run, "matriz-2020-2022-al-2021-Q3.xlsx"));
        var sheet = new PlanMatrixReading(matrix, "Matriz", "Año");
        Assert.Equal(["Año 2020 (al 2020-Q4)", "Año 2021: en curso (al 2021-Q3)", "Año 2022: sin informes"], sheet.YearTitles.Values);
        var now = oracle.Quarters[Q3].Activities.Single(a => a.Code == stalled);
        var cells = sheet.Cells(stalled, 2021);
        Assert.Equal(now.Regional!.Value, cells.Ejecutado!.Value, 9);
        Assert.Equal($"0.0\" % ({now.Reporting} de {now.Expected})\"", cells.Shown);
    }

    [Fact]
    public async Task The_formula_and_script_text_is_really_written_and_stays_inert_text_in_the_workbook()
    {
        var run = await RunAsync();

        var upload = WorkbookReading.Cells(new MemoryStream(await System.IO.File.ReadAllBytesAsync(File(run, "uploads", "CR-2021-Q3.xlsx"))));
        var typed = Assert.Single(upload, c => c.Text == SampleSheetFiller.HostileText);
        Assert.Equal((ReportSheetEs, ObservationsColumnLetter + FirstDataRow), (typed.Sheet, typed.Reference));
        Assert.False(typed.HasFormula);

        var workbook = WorkbookReading.Cells(new MemoryStream(await System.IO.File.ReadAllBytesAsync(File(run, "consolidado-2021-Q3.xlsx"))));
        var kept = Assert.Single(workbook, c => c.Text == SampleSheetFiller.HostileText && c.Sheet == "Datos");
        Assert.Equal("inlineStr", kept.Type);
        Assert.DoesNotContain(workbook, c => c.HasFormula);
    }

    [Fact]
    public async Task One_unit_marks_no_aplica_one_leaves_a_programmed_activity_blank_and_the_superseded_version_does_not_leak()
    {
        var run = await RunAsync();
        using var workbook = new XLWorkbook(File(run, "consolidado-2021-Q3.xlsx"));
        var rows = DatosOracle.Read(workbook).Where(r => r.Period == Q3.ToString()).ToList();
        var catalog = RealPlan.Catalog;
        var programmed = catalog.Activities.Where(a => a.ForYear(2021)?.Programado > 0).Select(a => a.Code).ToList();

        var notApplicable = Assert.Single(rows, r => r.NotApplicable);
        Assert.Equal(("DO", "no aplica"), (notApplicable.Unit, notApplicable.StatusLabel));
        Assert.Contains(notApplicable.Activity, programmed);
        var blank = Assert.Single(rows, r => r.HasSheet && r.Programado > 0 && r.Ejecutado is null && !r.NotApplicable);
        Assert.Equal("GT", blank.Unit);

        // Belize's two versions carry different values; the workbook holds the second's, never the first's.
        var first = Ejecutado(File(run, "uploads", "BZ-2021-Q3.xlsx"));
        var second = Ejecutado(File(run, "uploads", "BZ-2021-Q3-v2.xlsx"));
        var differing = first.Where(p => second.TryGetValue(p.Key, out var v) && v != p.Value).Select(p => p.Key).ToList();
        Assert.True(differing.Count >= 5, $"only {differing.Count} values differ between Belize's versions");
        foreach (var row in rows.Where(r => r.Unit == "BZ" && second.ContainsKey(r.Activity)))
            Assert.Equal(second[row.Activity], row.Ejecutado);
    }

    [Fact]
    public async Task Every_figure_of_the_demos_workbook_and_digest_mail_recomputes_from_the_data_sheet()
    {
        var run = await RunAsync();
        var mail = DigestMail(run);
        using var workbook = new XLWorkbook(Path.Combine(mail.FullName, "attachments", "consolidado-2021-Q3.xlsx"));
        using var message = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(mail.FullName, "message.json")));

        var oracle = DatosOracle.From(workbook, Q3);
        RecomputedFigures.InWorkbook(workbook, oracle);
        RecomputedFigures.InDigest(new DigestMessage(message.RootElement.GetProperty("subject").GetString()!,
            await System.IO.File.ReadAllTextAsync(Path.Combine(mail.FullName, "body.html")),
            await System.IO.File.ReadAllTextAsync(Path.Combine(mail.FullName, "body.txt"))), oracle);
        Assert.Equal(2, oracle.Missing.Count);
        Assert.Equal(1, oracle.BlankValues);
        Assert.Contains(oracle.Activities, a => a.ChangeUnits is > 0);
    }

    [Fact]
    public async Task The_units_still_missing_are_reminded_before_the_deadline_and_told_once_when_late()
    {
        var run = await RunAsync();

        // Three reminders, the ST's list, and Panamá's late notice for 2021-Q2 (the last quarter due until Q3's deadline),
        // the quarter it stopped reporting.
        Assert.Contains("— 2021-10-28 13:00 UTC, the reminder timer: 5 mails", run.Output);
        Assert.Contains("before-3 2021-Q3 → HN, NI, PA", run.Output);
        Assert.Contains("late 2021-Q2 → PA", run.Output);
        Assert.Contains("late 2021-Q3 → HN, NI, PA", run.Output);
        var outbox = new DirectoryInfo(File(run, "outbox")).EnumerateDirectories("*", SearchOption.AllDirectories).Select(d => d.Name).ToList();
        Assert.Contains("reminder-NI-2021-Q3-before-3", outbox);
        Assert.Contains("reminder-NI-2021-Q3-late", outbox);
        Assert.Contains("missing-2021-W43", outbox);
        Assert.DoesNotContain(outbox, d => d.StartsWith("reminder-GT-", StringComparison.Ordinal));   // GT had filed
    }

    [Fact]
    public async Task The_quarter_locks_a_late_sheet_is_refused_the_ST_reopens_it_with_a_reason_and_the_sheet_is_accepted()
    {
        var run = await RunAsync();

        Assert.Matches(@"NI\s+2021-Q3 late sheet, quarter locked\s+Rejected .*\(PERIOD_LOCKED\)", run.Output);
        Assert.Contains($"reopen: Reopened: NI 2021-Q3 reopened by {DemoLockStory.By} on 19 November 2021 until 26 November 2021 inclusive: \"{DemoLockStory.Reason}\"", run.Output);
        Assert.Matches(@"NI\s+2021-Q3 the same sheet, quarter reopened\s+Accepted\s+rows\s+15", run.Output);
        Assert.Contains("lock: Locked: NI 2021-Q3 locked again on 23 November 2021", run.Output);
        var refusal = new DirectoryInfo(File(run, "outbox", "2021-11-18")).EnumerateDirectories("result-NI-2021-Q3-*").Single();
        Assert.Contains("que reabra el 3.er trimestre de 2021 para NI: está cerrado para los informes de NI desde el 15 de noviembre de 2021",
            await System.IO.File.ReadAllTextAsync(Path.Combine(refusal.FullName, "body.txt")));

        // The current workbook says the sheet came in after the lock, through whose reopening and why.
        using var workbook = new XLWorkbook(File(run, "consolidado-2021-Q3.xlsx"));
        var summary = workbook.Worksheet("Resumen").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(summary, t => t.StartsWith($"Incluye 1 informe recibido tras el cierre del trimestre (15 de noviembre de 2021): Nicaragua (reabierto por {DemoLockStory.By}", StringComparison.Ordinal));
        var envios = workbook.Worksheet("Envíos").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(DemoLockStory.Reason, envios);
        Assert.Contains("Reapertura hasta el 26 de noviembre de 2021", envios);
        Assert.Contains("Cierre anticipado de la reapertura", envios);
    }

    [Fact]
    public async Task The_record_as_of_the_digests_instant_differs_from_the_current_one_and_is_the_one_the_digest_reported()
    {
        var run = await RunAsync();

        Assert.Contains("Now: 8 of 9 units →", run.Output);
        Assert.Matches(@"As of the digest's instant, 2021-11-01 12:01:\d\d UTC: 7 of 9 units →", run.Output);
        Assert.Matches(@"The record as of that instant names the \d+ submissions the digest digest-202111011200 recorded", run.Output);
        var asOf = run.Out.GetFiles("consolidado-2021-Q3-al-20211101T1201Z.xlsx").Single();
        using var then = new XLWorkbook(asOf.FullName);
        using var now = new XLWorkbook(File(run, "consolidado-2021-Q3.xlsx"));
        Assert.DoesNotContain(DatosOracle.Read(then), r => r.Period == Q3.ToString() && r.Unit == "NI" && r.HasSheet);
        Assert.Contains(DatosOracle.Read(now), r => r.Period == Q3.ToString() && r.Unit == "NI" && r.HasSheet);

        // Every figure of the digest mail recomputes from the data sheet of the record as of its instant.
        var mail = DigestMail(run);
        using var message = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(Path.Combine(mail.FullName, "message.json")));
        RecomputedFigures.InDigest(new DigestMessage(message.RootElement.GetProperty("subject").GetString()!,
            await System.IO.File.ReadAllTextAsync(Path.Combine(mail.FullName, "body.html")),
            await System.IO.File.ReadAllTextAsync(Path.Combine(mail.FullName, "body.txt"))), DatosOracle.From(then, Q3));
    }

    /// <summary>The ejecutado typed in an uploaded sheet, by activity code.</summary>
    private static Dictionary<string, double> Ejecutado(string path)
    {
        using var workbook = new XLWorkbook(path);
        var ws = workbook.Worksheets.Single(w => IsReportSheet(w.Name));
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var row = FirstDataRow; !ws.Cell(row, CodeColumn).IsEmpty(); row++)
        {
            if (!ws.Cell(row, EjecutadoColumn).IsEmpty()) result[ws.Cell(row, CodeColumn).GetString()] = ws.Cell(row, EjecutadoColumn).GetDouble();
        }

        return result;
    }
}
