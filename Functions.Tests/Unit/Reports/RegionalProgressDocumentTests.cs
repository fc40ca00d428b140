using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.Regional;
using ServerlessPlan.Core.Storage;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Unit.Reports;

/// <summary>
/// docs/regional-progress.md takes its rules from <see cref="RegionalProgressRules"/> (the one owner, also printed in
/// the workbook and summarised in the digest), and its worked example is what the calculator and the headline say.
/// </summary>
public sealed class RegionalProgressDocumentTests
{
    private static readonly string DocumentPath = Path.Combine(CompiledTemplate.RepoRoot, "docs", "regional-progress.md");
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly ReportingPeriod Q2 = new(2021, 2);

    [Fact]
    public void The_documents_rules_section_is_the_core_text()
    {
        var document = File.ReadAllText(DocumentPath).ReplaceLineEndings("\n");
        var start = document.IndexOf(RegionalProgressRules.DocsStart, StringComparison.Ordinal);
        var end = document.IndexOf(RegionalProgressRules.DocsEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/regional-progress.md has no section between {RegionalProgressRules.DocsStart} and {RegionalProgressRules.DocsEnd}");

        var section = document[(start + RegionalProgressRules.DocsStart.Length)..end].Trim('\n');
        Assert.True(section == RegionalProgressRules.Markdown().TrimEnd('\n'),
            "docs/regional-progress.md's rules differ from RegionalProgressRules; paste this between the markers:\n" + RegionalProgressRules.Markdown());
    }

    [Fact]
    public void The_digest_summarises_the_same_rules_in_both_languages()
    {
        foreach (var text in new[] { RegionalProgressRules.Summary.Es, RegionalProgressRules.Summary.En })
            Assert.Contains("Resumen", text, StringComparison.Ordinal);
        Assert.Equal(RegionalProgressRules.Lines.Count, RegionalProgressRules.Markdown().Split('\n').Count(l => l.Length > 0 && char.IsDigit(l[0])));
    }

    [Fact]
    public void The_worked_example_is_what_the_calculator_and_the_headline_say()
    {
        var document = File.ReadAllText(DocumentPath);
        var progress = WorkedExample();

        var a = progress.Activities.Single(x => x.Activity.Code == "9.1.1.1");
        Assert.Equal((4, 7, 1), (a.Reporting, a.Expected, a.NotApplicable));
        Assert.Equal(56.25, a.RegionalEjecutado);
        Assert.Equal(225.0 / 7, a.LowerBound!.Value, 12);
        Assert.Equal(new ActivityChange(3, 20), a.Change);
        Assert.Equal(33, a.PreviousRegionalEjecutado);
        Assert.Equal(0.625, a.RelativeProgress);
        Assert.Equal(["9.1.1.1", "9.1.1.2"], DelayRanking.Of(progress).Select(d => d.Activity.Activity.Code));

        foreach (var line in RegionalHeadline.Lines(progress, Language.Es).Skip(2))
            Assert.Contains(line, document);
        var message = new DigestComposer().Compose(progress, null, Language.Es);
        Assert.Contains(message.Subject, document);
    }

    /// <summary>
    /// The document's example: eight countries; activity A programmed 90 for 2021, activity B programmed 30. Nicaragua
    /// sent nothing, Panamá only a rejected sheet; Guatemala left A blank; República Dominicana marked A "no aplica".
    /// </summary>
    private static RegionalProgress WorkedExample()
    {
        var countries = new[] { ("BZ", "Belice"), ("CR", "Costa Rica"), ("SV", "El Salvador"), ("GT", "Guatemala"), ("HN", "Honduras"),
            ("NI", "Nicaragua"), ("PA", "Panamá"), ("DO", "República Dominicana") };
        var units = new ReportingUnits(countries.Select(c => new ReportingUnit(c.Item1, new LocalizedText(c.Item2, c.Item2), Language.Es, ReportingUnitKind.Country)).ToList());
        static PlanActivity Activity(string code, string label, decimal programado) =>
            new(code, label, $"Actividad {label}", "Meta", "Indicador", "Países miembros", ReportingLevel.National, false, [new YearTarget(2021, programado, null)]);
        var catalog = new PlanCatalog("ejemplo", new LocalizedText("Ejemplo", "Example"), 2021, 2021,
        [
            new Axis("9", new LocalizedText("Eje", "Axis"),
            [
                new StrategicObjective("9.1", "9.1", "OE", [new OperationalObjective("9.1.1", "9.1.1", "OO", [Activity("9.1.1.1", "A", 90), Activity("9.1.1.2", "B", 30)])]),
            ]),
        ]);

        var due = ReportingCalendar.Dates(Q3, ReportingZone.Utc, 30, 15).Deadline;
        var current = Snapshot(Q3, due.AddDays(-3), new()
        {
            ["BZ"] = [("9.1.1.1", 45, null), ("9.1.1.2", 30, null)],
            ["CR"] = [("9.1.1.1", 60, null), ("9.1.1.2", 15, null)],
            ["SV"] = [("9.1.1.1", 90, null), ("9.1.1.2", 30, null)],
            ["GT"] = [("9.1.1.1", null, null), ("9.1.1.2", 20, null)],
            ["HN"] = [("9.1.1.1", 30, null), ("9.1.1.2", 10, null)],
            ["DO"] = [("9.1.1.1", null, "NotApplicable"), ("9.1.1.2", 25, null)],
        }, rejected: "PA");
        var previous = Snapshot(Q2, ReportingCalendar.Dates(Q2, ReportingZone.Utc, 30, 15).Deadline.AddDays(-3), new()
        {
            ["BZ"] = [("9.1.1.1", 30, null)],
            ["CR"] = [("9.1.1.1", 60, null)],
            ["SV"] = [("9.1.1.1", 45, null)],
            ["GT"] = [("9.1.1.1", 20, null)],
            ["HN"] = [("9.1.1.1", null, null)],
            ["NI"] = [("9.1.1.1", 10, null)],
        });
        return new RegionalProgressCalculator().Calculate(catalog, units, current, previous, new ReportingOptions { DeadlineDays = 30 });
    }

    private static ProgressSnapshot Snapshot(ReportingPeriod period, DateTimeOffset at,
        Dictionary<string, (string Activity, double? Ejecutado, string? Status)[]> sheets, string? rejected = null)
    {
        var history = sheets.Keys.Select(u => new SubmissionEntity { RowKey = u, Unit = u, Period = period.ToString(), UploadedAt = at, Status = nameof(SubmissionStatus.Current) }).ToList();
        if (rejected is not null)
            history.Add(new SubmissionEntity { RowKey = rejected, Unit = rejected, Period = period.ToString(), UploadedAt = at, Status = nameof(SubmissionStatus.Rejected) });
        var pointers = sheets.Keys.Select(u => new CurrentPointerEntity { Unit = u, Period = period.ToString(), SubmissionId = u, UploadedAt = at }).ToList();
        var rows = sheets.ToDictionary(s => s.Key, s => (IReadOnlyList<ProgressRow>)s.Value.Select(r => new ProgressRow
        {
            Unit = s.Key, Period = period.ToString(), Year = period.Year, Activity = r.Activity, Ejecutado = r.Ejecutado, Status = r.Status ?? "InProgress",
        }).ToList());
        return new ProgressSnapshot(period, new PeriodSubmissions(period, history, pointers), rows);
    }
}
