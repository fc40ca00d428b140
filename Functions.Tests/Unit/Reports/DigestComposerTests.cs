using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Storage;
using static ServerlessPlan.Tests.Support.TestPlan;
using ServerlessPlan.Core.Reports.Regional;

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

    private static string P(double? value) => value!.Value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Decoded(DigestMessage m) => WebUtility.HtmlDecode(m.HtmlBody);

    [Fact]
    public void Headline_numbers_are_the_regional_progress_figures_in_subject_html_and_text()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.Es);

        var units = $"{progress.UnitsReported} de {progress.UnitsExpected}";
        Assert.Contains(units, message.Subject);
        Assert.Contains(P(progress.Overall.Execution), message.Subject);
        foreach (var body in new[] { message.TextBody, Decoded(message) })
        {
            Assert.Contains(units, body);
            Assert.Contains(P(progress.Overall.MeanEjecutado), body);
            Assert.Contains(P(progress.Overall.MeanProgramado), body);
            Assert.Contains(P(progress.Overall.Execution), body);
            Assert.Contains(progress.Overall.Coverage, body);
        }
        Assert.Contains($"Unidades que informaron: {units}", message.TextBody);
    }

    [Fact]
    public void Axis_bars_fill_in_proportion_to_execution_with_inline_styled_cells_only()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.Es);

        foreach (var axis in progress.Axes)
        {
            var execution = Math.Clamp(axis.Figures.Execution ?? 0, 0, 100);
            var blocks = (int)Math.Round(execution / 10, MidpointRounding.AwayFromZero);
            Assert.Contains(new string('█', blocks) + new string('░', 10 - blocks) + " " + (axis.Figures.Execution is null ? "—" : P(axis.Figures.Execution)), message.TextBody);
            var filled = (int)Math.Round(execution * 2, MidpointRounding.AwayFromZero);
            if (filled > 0) Assert.Contains($"<td width=\"{filled}\" height=\"12\" bgcolor=", message.HtmlBody);
            if (filled < 200) Assert.Contains($"<td width=\"{200 - filled}\" height=\"12\" bgcolor=\"#e0e0e0\"", message.HtmlBody);
        }
        Assert.DoesNotContain("class=", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Most_behind_lists_the_five_largest_gaps_largest_first()
    {
        var template = Progress();
        var gaps = new[] { 5.0, 42, 17, 0, 33, 8, 29, -10 };
        var activities = gaps.Select((gap, i) =>
        {
            var activity = template.Activities[0].Activity with { Code = $"9.9.9.{i}", Label = $"A{i}.", Text = $"Actividad sintética {i}" };
            return template.Activities[0] with { Activity = activity, Programado = 60, RegionalEjecutado = 60 - gap };
        }).ToList();
        var progress = template with { Activities = activities };

        var behind = DigestComposer.MostBehind(progress);
        var message = _composer.Compose(progress, null, Language.Es);

        var expected = gaps.Select((gap, i) => (gap, i)).Where(x => x.gap > 0).OrderByDescending(x => x.gap).Take(5).Select(x => $"A{x.i}.").ToList();
        Assert.Equal(expected, behind.Select(a => a.Activity.Label));
        var positions = expected.Select(label => message.TextBody.IndexOf($". {label} Actividad sintética", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("A3. Actividad", message.TextBody);
        Assert.DoesNotContain("A0. Actividad", message.TextBody);
    }

    [Fact]
    public void Missing_rejected_only_and_late_units_are_listed_with_their_dates()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.Es);

        var hn = progress.Units.Single(u => u.Unit.Code == "HN");
        var bz = progress.Units.Single(u => u.Unit.Code == "BZ");
        Assert.Contains($"- Honduras (HN): Tarde, primera planilla aceptada el {hn.FirstAcceptedAt:yyyy-MM-dd} (plazo {Deadline:yyyy-MM-dd})", message.TextBody);
        Assert.Contains($"- Belice (BZ): Solo rechazadas, 1 envío(s) rechazado(s), el último el {bz.LastUploadAt:yyyy-MM-dd}", message.TextBody);
        Assert.Contains($"- Secretaría Técnica (ST): Falta, sin envíos (plazo {Deadline:yyyy-MM-dd})", message.TextBody);
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

        foreach (var text in Hostile)
        {
            Assert.Contains(text, message.TextBody);
            Assert.DoesNotContain(text, message.HtmlBody);
            Assert.Contains(WebUtility.HtmlEncode(text), message.HtmlBody);
        }
        Assert.DoesNotContain("<script", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(AttributeInjection(), message.HtmlBody);
    }

    [Fact]
    public void English_variant_translates_labels_and_unit_names()
    {
        var progress = Progress();

        var message = _composer.Compose(progress, null, Language.En);

        Assert.StartsWith("Regional plan digest 2021-Q3", message.Subject);
        Assert.Contains($"Units reported: {progress.UnitsReported} of {progress.UnitsExpected}", message.TextBody);
        Assert.Contains("- Belize (BZ): Rejected only", message.TextBody);
        Assert.Contains("- Technical Secretariat (ST): Missing", message.TextBody);
        Assert.Contains("Comprehensive Care", message.TextBody);
        Assert.Contains("<html lang=\"en\">", message.HtmlBody);
        Assert.DoesNotContain("Unidades que informaron", message.TextBody);
        Assert.DoesNotContain("Unidades que informaron", Decoded(message));
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
        Assert.Contains($"Desde el último resumen enviado ({sentAt:yyyy-MM-dd HH:mm} UTC, periodo 2021-Q3)", message.TextBody);
        Assert.Contains("- Honduras (HN) informó por primera vez para 2021-Q3", message.TextBody);
        Assert.Contains($"- 1.1. ejecutado regional 30.0 % → {P(national)}", message.TextBody);
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
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(url)}\"", message.HtmlBody);
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
        Assert.Contains($"href=\"{url}\"", both.HtmlBody);
        Assert.Contains("The merged workbook (consolidado-2021-Q3.xlsx) is too large to attach; ask the Technical Secretariat for it.", onRequest.TextBody);
        Assert.DoesNotContain("href=\"http", onRequest.HtmlBody);
    }

    [Fact]
    public void A_digest_standing_in_for_a_slot_never_sent_says_so_in_both_parts()
    {
        var progress = Progress();
        var missed = new DateTimeOffset(2021, 11, 8, 12, 0, 0, TimeSpan.Zero);

        var message = _composer.Compose(progress, null, Language.Es, WorkbookReference.Attached("consolidado-2021-Q3.xlsx"), missed);

        const string line = "Este resumen reemplaza al del 2021-11-08 12:00 UTC, que no se pudo enviar.";
        Assert.Contains(line, message.TextBody);
        Assert.Contains(line, message.HtmlBody);
    }

    // A quote that survived encoding would let data open an attribute.
    [GeneratedRegex("\"\\s*onmouseover=")]
    private static partial Regex AttributeInjection();
}
