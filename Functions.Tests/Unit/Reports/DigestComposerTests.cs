using System.Globalization;
using System.Net;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using static ServerlessPlan.Tests.Support.TestPlan;

namespace ServerlessPlan.Tests.Unit.Reports;

public sealed partial class DigestComposerTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly DateTimeOffset Deadline = new(2021, 10, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Hostile = ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")", "\" onmouseover=\"alert(1)"];

    private readonly DigestComposer _composer = new();

    /// <summary>GT on time with a hostile observation, HN late with a hostile file name, BZ rejected only; the ST is missing.</summary>
    private static RegionalProgress Progress(ReportingUnits? units = null)
    {
        var history = new List<SubmissionEntity>();
        var pointers = new List<CurrentPointerEntity>();
        var rows = new Dictionary<string, IReadOnlyList<ProgressRow>>();
        void Accept(string unit, DateTimeOffset at, string fileName, params ProgressRow[] unitRows)
        {
            var id = $"{unit}-{history.Count}";
            history.Add(new SubmissionEntity { RowKey = id, Unit = unit, Period = Q3.ToString(), UploadedAt = at, FileName = fileName, Status = nameof(SubmissionStatus.Current) });
            pointers.Add(new CurrentPointerEntity { Unit = unit, Period = Q3.ToString(), SubmissionId = id, UploadedAt = at });
            rows[unit] = unitRows;
        }

        Accept("GT", Deadline.AddDays(-10), "gt.xlsx",
            Row("GT", Q3, National, 30, observaciones: Hostile[0] + " " + Hostile[1]), Row("GT", Q3, Shared, 40), Row("GT", Q3, National2, 20));
        Accept("HN", Deadline.AddDays(4), Hostile[2], Row("HN", Q3, National, 50), Row("HN", Q3, Shared, 70));
        history.Add(new SubmissionEntity { RowKey = "BZ-x", Unit = "BZ", Period = Q3.ToString(), UploadedAt = Deadline.AddDays(-2), Status = nameof(SubmissionStatus.Rejected) });

        var snapshot = new ProgressSnapshot(Q3, new PeriodSubmissions(Q3, history, pointers), rows);
        return new RegionalProgressCalculator().Calculate(Catalog, units ?? Units, snapshot, null, new ReportingOptions { DeadlineDays = 30 });
    }

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    /// <summary>A percentage as the Spanish digest writes it: one decimal, decimal comma.</summary>
    private static string P(double? value) => value!.Value.ToString("0.0", Spanish) + " %";

    private static string Decoded(DigestMessage m) => WebUtility.HtmlDecode(m.HtmlBody);

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(DigestMessage m) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(m.HtmlBody);

    private static IReadOnlyList<string> Links(DigestMessage m) => Parse(m).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void Completeness_comes_first_and_every_figure_carries_its_coverage_and_lower_bound_in_subject_html_and_text()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.Es);

        // Belize's only upload was rejected and the ST sent nothing: 2 of 4 units, both named, in the subject too.
        Assert.Equal($"Resumen del plan regional, 3.er trimestre de 2021: informaron 2 de 4 unidades (faltan Belice y Secretaría Técnica); " +
            $"ejecución {P(progress.Overall.Execution)} (cota inferior {P(progress.Overall.LowerBoundExecution)})", message.Subject);
        foreach (var body in new[] { message.TextBody, Decoded(message) })
        {
            var reported = body.IndexOf("Informaron 2 de 4 unidades (países: 2 de 3; Secretaría Técnica: 0 de 1): Guatemala y Honduras.", StringComparison.Ordinal);
            var missing = body.IndexOf("No informaron 2: Belice (solo envíos rechazados) y Secretaría Técnica (sin envío).", StringComparison.Ordinal);
            var execution = body.IndexOf($"Ejecución: {P(progress.Overall.Execution)} de lo programado para el año (sobre lo informado: 2 de 4 unidades; " +
                $"{progress.Overall.ActivitiesReported} de {progress.Overall.ActivitiesPlanned} actividades programadas con datos).", StringComparison.Ordinal);
            var bound = body.IndexOf($"Si lo que falta no hubiera avanzado (2 unidades sin informe y 1 valor dejado en blanco, cada uno como ejecutado 0): " +
                $"{P(progress.Overall.LowerBoundExecution)} (cota inferior).", StringComparison.Ordinal);
            var meaning = body.IndexOf("Ejecución = avance del año a la fecha frente a lo programado para todo el año (ejecutado medio ÷ programado medio); " +
                "al cierre del 3.er trimestre de 2021 han transcurrido 3 de 4 trimestres.", StringComparison.Ordinal);
            Assert.True(reported >= 0 && missing > reported && execution > missing && bound > execution && meaning > bound,
                $"order or wording: {reported}, {missing}, {execution}, {bound}, {meaning}\n{body}");
            Assert.Contains($"Ejecutado regional medio {P(progress.Overall.MeanEjecutado)} frente a un programado medio de {P(progress.Overall.MeanProgramado)}", body);
            Assert.Contains("Último día para enviar: 30 de octubre de 2021", body);
        }
    }

    [Fact]
    public void Without_anything_missing_the_digest_says_the_figure_is_complete_and_shows_no_bound()
    {
        var rows = new Dictionary<string, IReadOnlyList<ProgressRow>>
        {
            ["GT"] = [Row("GT", Q3, National, 30), Row("GT", Q3, Shared, 40), Row("GT", Q3, National2, 20)],
            ["HN"] = [Row("HN", Q3, National, 50), Row("HN", Q3, Shared, 70), Row("HN", Q3, National2, 10)],
            ["BZ"] = [Row("BZ", Q3, National, 45), Row("BZ", Q3, Shared, 60), Row("BZ", Q3, National2, 30)],
            ["ST"] = [Row("ST", Q3, Shared, 90), Row("ST", Q3, Regional, 25)],
        };
        var history = rows.Keys.Select(u => new SubmissionEntity { RowKey = u, Unit = u, Period = Q3.ToString(), UploadedAt = Deadline.AddDays(-3), Status = nameof(SubmissionStatus.Current) }).ToList();
        var pointers = rows.Keys.Select(u => new CurrentPointerEntity { Unit = u, Period = Q3.ToString(), SubmissionId = u, UploadedAt = Deadline.AddDays(-3) }).ToList();
        var progress = new RegionalProgressCalculator().Calculate(Catalog, Units,
            new ProgressSnapshot(Q3, new PeriodSubmissions(Q3, history, pointers), rows), null, new ReportingOptions { DeadlineDays = 30 });

        var message = _composer.Compose(progress, null, Language.Es);

        Assert.Equal($"Resumen del plan regional, 3.er trimestre de 2021: informaron 4 de 4 unidades; ejecución {P(progress.Overall.Execution)}", message.Subject);
        Assert.Contains("Informaron todas las unidades esperadas.", message.TextBody);
        Assert.Contains("No falta ningún valor esperado: la cifra cubre todas las unidades y actividades programadas.", message.TextBody);
        Assert.DoesNotContain("; cota inferior", message.TextBody);
    }

    [Fact]
    public void Axis_bars_fill_in_proportion_to_execution_with_inline_styled_cells_only()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.Es);

        var html = Parse(message);
        var barCells = html.QuerySelectorAll("td[height='12'][width]").ToList();
        foreach (var axis in progress.Axes)
        {
            var execution = Math.Clamp(axis.Figures.Execution ?? 0, 0, 100);
            var blocks = (int)Math.Round(execution / 10, MidpointRounding.AwayFromZero);
            Assert.Contains(new string('█', blocks) + new string('░', 10 - blocks) + " " + (axis.Figures.Execution is null ? "—" : P(axis.Figures.Execution)), message.TextBody);
            var filled = (int)Math.Round(execution * 2, MidpointRounding.AwayFromZero);
            if (filled > 0) Assert.Contains(barCells, td => td.GetAttribute("width") == $"{filled}" && td.GetAttribute("bgcolor") != "#e0e0e0");
            if (filled < 200) Assert.Contains(barCells, td => td.GetAttribute("width") == $"{200 - filled}" && td.GetAttribute("bgcolor") == "#e0e0e0");
        }
        Assert.Empty(html.QuerySelectorAll("[class], img, style, script"));
    }

    [Fact]
    public void Most_behind_ranks_by_ejecutado_relative_to_programado_lowest_first_ties_by_code_and_marked()
    {
        var template = Progress();
        // (programado, regional): 100/60 is 0.60 behind by 40 points; 30/10 only 20 points behind but at 0.33 of its target.
        (double Programado, double Regional)[] values = [(100, 60), (30, 10), (60, 30), (80, 40), (50, 50), (40, 38), (90, 30), (20, 25), (100, 50)];
        var activities = values.Select((v, i) =>
        {
            var activity = template.Activities[0].Activity with { Code = $"9.9.9.{i}", Label = $"A{i}.", Text = $"Actividad sintética {i}" };
            return template.Activities[0] with { Activity = activity, Programado = v.Programado, RegionalEjecutado = v.Regional };
        }).ToList();
        var progress = template with { Activities = activities };

        var behind = DigestComposer.MostBehind(progress);
        var message = _composer.Compose(progress, null, Language.Es);

        // Relative: A1 0.333, A6 0.333 (tie, by code), then A2 0.5, A3 0.5, A8 0.5 (three-way tie), A0 0.6, A5 0.95; A4 and A7 are not behind.
        Assert.Equal(["A1.", "A6.", "A2.", "A3.", "A8."], behind.Select(d => d.Activity.Activity.Label));
        Assert.Equal([1, 1, 3, 3, 3], behind.Select(d => d.Rank));
        Assert.All(behind, d => Assert.True(d.Tied));
        Assert.Equal(1.0 / 3, behind[0].Relative, 12);
        var all = DelayRanking.Of(progress);
        Assert.Equal(["A1.", "A6.", "A2.", "A3.", "A8.", "A0.", "A5."], all.Select(d => d.Activity.Activity.Label));
        Assert.Equal((6, false), (all[5].Rank, all[5].Tied));

        var positions = behind.Select(d => message.TextBody.IndexOf($". {d.Activity.Activity.Label} Actividad sintética", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("1=. A1. Actividad sintética 1", message.TextBody);
        Assert.Contains("3=. A8. Actividad sintética 8", message.TextBody);
        Assert.Contains("«=»: empate en avance relativo; las actividades empatadas se ordenan por código.", message.TextBody);
        Assert.Contains($"{P(100.0 / 3)} de lo programado: ejecutado regional {P(10)} de {P(30)}", message.TextBody);
        Assert.DoesNotContain("A0. Actividad", message.TextBody);
        Assert.DoesNotContain("A4. Actividad", message.TextBody);
    }

    [Fact]
    public void Missing_rejected_only_and_late_units_are_listed_with_their_dates()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.Es);

        // HN's first accepted sheet came on 4 November, BZ's rejected one on 29 October; the deadline in words, each on
        // the unit's clock, named (the test plan's units are on UTC).
        Assert.Contains("- Honduras (HN): Tarde, primera planilla aceptada el 4 de noviembre de 2021, ", message.TextBody);
        Assert.Contains(" (UTC) (último día para enviar: 30 de octubre de 2021, hasta las 23:59 (UTC))", message.TextBody);
        Assert.Contains("- Belice (BZ): Solo rechazadas, 1 envío rechazado, el 29 de octubre de 2021; nada suyo entra en las cifras", message.TextBody);
        Assert.Contains("- Secretaría Técnica (ST): Falta, sin envíos (último día para enviar: 30 de octubre de 2021, hasta las 23:59 (UTC)); nada suyo entra en las cifras", message.TextBody);
        Assert.DoesNotContain("2021-10-31", message.TextBody);
        Assert.DoesNotContain("(GT): ", message.TextBody);
        foreach (var unit in new[] { "Honduras (HN)", "Belice (BZ)", "Secretaría Técnica (ST)" })
            Assert.Contains(unit, Decoded(message));
    }

    [Fact]
    public void Hostile_unit_names_observations_and_file_names_are_encoded_in_html_and_intact_in_text()
    {
        var units = new ReportingUnits(
        [
            Units.All[0] with { Name = new LocalizedText(Hostile[0], Hostile[0]) },
            Units.All[1] with { Name = new LocalizedText(Hostile[2], Hostile[2]) },
            Units.All[2], Units.All[3],
        ]);
        var progress = Progress(units);
        var changes = DigestChanges.Between(progress, DigestState.Of(progress, Deadline) with { Submissions = new Dictionary<string, string>() }, null);

        var message = _composer.Compose(progress, changes, Language.Es);

        // Read with a real parser: each hostile text is there as text, and none became an element or an attribute.
        var html = Parse(message);
        foreach (var text in Hostile)
        {
            Assert.Contains(text, message.TextBody);
            Assert.Contains(text, html.Body!.TextContent);
        }
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void English_variant_translates_labels_and_unit_names()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.En);

        Assert.StartsWith("Regional plan digest, 3rd quarter of 2021: 2 of 4 units reported (missing: Belize and Technical Secretariat); execution ", message.Subject);
        Assert.Contains("2 of 4 units reported (countries: 2 of 3; Technical Secretariat: 0 of 1): Guatemala and Honduras.", message.TextBody);
        Assert.Contains("2 did not report: Belize (rejected uploads only) and Technical Secretariat (no upload).", message.TextBody);
        Assert.Contains("Last day to send: 30 October 2021", message.TextBody);
        var english = progress.Overall.Execution!.Value.ToString("0.0", CultureInfo.InvariantCulture) + " %";
        Assert.Contains($"Execution: {english} of the year's programado", message.TextBody);
        Assert.Contains("- Belize (BZ): Rejected only", message.TextBody);
        Assert.Contains("- Technical Secretariat (ST): Missing", message.TextBody);
        Assert.Contains("Comprehensive Care", message.TextBody);
        Assert.Equal("en", Parse(message).DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain("Informaron", message.TextBody);
        Assert.DoesNotContain("Informaron", Decoded(message));
    }

    [Fact]
    public void The_English_digest_marks_the_Spanish_words_it_carries_with_lang_es()
    {
        var progress = Progress();

        var html = Parse(_composer.Compose(progress, null, Language.En));

        Assert.Equal("es", html.QuerySelectorAll("th").Single(th => th.TextContent == "Ejecutado / programado").GetAttribute("lang"));
        var behind = DigestComposer.MostBehind(progress).Select(d => d.Activity.Activity).ToList();
        Assert.NotEmpty(behind);
        var marked = html.QuerySelectorAll("span[lang=es]").Select(s => s.TextContent).ToList();
        foreach (var activity in behind)
            Assert.Equal(activity.English is null, marked.Contains(activity.Text));
        Assert.Empty(Parse(_composer.Compose(progress, null, Language.Es)).QuerySelectorAll("span[lang]"));
    }

    [Fact]
    public void Changes_name_new_units_and_moved_regional_values_since_the_last_send()
    {
        var progress = Progress();
        var sentAt = Deadline.AddDays(-5);
        var gtOnly = DigestState.Of(progress, sentAt) with
        {
            Submissions = new Dictionary<string, string> { ["GT"] = progress.Units.Single(u => u.Unit.Code == "GT").CurrentSubmissionId! },
            Regional = new Dictionary<string, double?> { [National] = 30, [Shared] = 40, [National2] = 20 },
        };

        var changes = DigestChanges.Between(progress, gtOnly, gtOnly)!;
        var message = _composer.Compose(progress, changes, Language.Es);

        Assert.Equal(["HN"], changes.Units.Select(u => u.Unit.Code));
        Assert.True(changes.Units[0].FirstReport);
        Assert.Equal([National, Shared], changes.Values.Select(v => v.Activity.Code));
        var national = progress.Activities.Single(a => a.Activity.Code == National).RegionalEjecutado;
        Assert.Contains($"Desde el último resumen enviado ({sentAt:yyyy-MM-dd HH:mm} UTC, del 3.er trimestre de 2021)", message.TextBody);
        Assert.Contains("- Honduras (HN) informó por primera vez para el 3.er trimestre de 2021", message.TextBody);
        Assert.Contains($"- 1.1. ejecutado regional 30,0 % → {P(national)}", message.TextBody);
        Assert.Contains("Honduras (HN) informó por primera vez", Decoded(message));
    }

    [Fact]
    public void First_digest_says_there_is_nothing_to_compare_and_no_changes_says_so()
    {
        var progress = Progress();

        var first = _composer.Compose(progress, null, Language.Es);
        var same = _composer.Compose(progress, DigestChanges.Between(progress, DigestState.Of(progress, Deadline), DigestState.Of(progress, Deadline)), Language.Es);

        Assert.Null(DigestChanges.Between(progress, null, null));
        Assert.Contains("Es el primer resumen", first.TextBody);
        Assert.Contains("Sin cambios.", same.TextBody);
    }

    [Fact]
    public void A_linked_workbook_puts_its_address_in_both_parts_instead_of_the_attachment_line()
    {
        var progress = Progress();
        var url = "https://app.example/api/workbook?period=2021-Q3&x=<b>";

        var message = _composer.Compose(progress, null, Language.Es, WorkbookReference.Linked("consolidado-2021-Q3.xlsx", url));
        var attached = _composer.Compose(progress, null, Language.Es);

        Assert.Contains(url, message.TextBody);
        Assert.Contains(url, Links(message));
        Assert.DoesNotContain("adjunto", message.TextBody);
        Assert.Contains("Libro consolidado adjunto: consolidado-2021-Q3.xlsx.", attached.TextBody);
    }

    [Fact]
    public void An_attached_workbook_can_also_be_linked_and_one_too_large_without_a_portal_is_asked_of_the_ST()
    {
        var progress = Progress();
        var url = "https://portal.example/coalition/2021-Q3/workbook";

        var both = _composer.Compose(progress, null, Language.Es, WorkbookReference.Attached("consolidado-2021-Q3.xlsx", url));
        var onRequest = _composer.Compose(progress, null, Language.En, WorkbookReference.OnRequest("consolidado-2021-Q3.xlsx"));

        Assert.Contains($"Libro consolidado adjunto: consolidado-2021-Q3.xlsx. También se descarga del portal: {url}", both.TextBody);
        Assert.Contains(url, Links(both));
        Assert.Contains("The merged workbook (consolidado-2021-Q3.xlsx) is too large to attach; ask the Technical Secretariat for it.", onRequest.TextBody);
        Assert.Empty(Links(onRequest));
    }

    [Fact]
    public void A_digest_standing_in_for_a_slot_never_sent_says_so_in_both_parts()
    {
        var progress = Progress();
        var missed = new DateTimeOffset(2021, 11, 8, 12, 0, 0, TimeSpan.Zero);

        var message = _composer.Compose(progress, null, Language.Es, WorkbookReference.Attached("consolidado-2021-Q3.xlsx"), missed);

        const string line = "Este resumen reemplaza al del 2021-11-08 12:00 UTC, que no se pudo enviar.";
        Assert.Contains(line, message.TextBody);
        Assert.Contains(line, Parse(message).Body!.TextContent);
    }

}
