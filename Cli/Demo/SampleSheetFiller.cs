using ClosedXML.Excel;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Sheets;
using static ServerlessPlan.Core.Sheets.TemplateLayout;

namespace ServerlessPlan.Cli.Demo;

/// <summary>How a sample sheet is filled: plausible values, or a sheet a focal point got wrong.</summary>
public enum SampleKind
{
    Valid,
    WithErrors,

    /// <summary>Valid, with an observation that tries to be a formula and a script: it must stay inert text.</summary>
    WithHostileText,

    /// <summary>Valid, with the first activity programmed for the year marked "no aplica" (ejecutado left blank).</summary>
    WithNotApplicable,

    /// <summary>Valid, with the last activity programmed for the year left blank (no ejecutado, no status).</summary>
    WithBlank,
}

/// <summary>
/// Fills a generated template the way a focal point would (typing into the input cells only), with deterministic
/// plausible values: for the demo, the benchmark and tests. Later quarters of a year never report less than earlier
/// ones, so a valid sample raises no decrease warning; a later revision of the same sheet reports more than the
/// earlier one, so a superseded version never carries its replacement's values. Activities are those of the plan in
/// force for the period.
/// </summary>
public sealed class SampleSheetFiller(PlanRegistry plans)
{
    /// <summary>What a careless or malicious sheet may carry in a text cell.</summary>
    public const string HostileText = "=HYPERLINK(\"http://example.invalid\",\"clic\") <script>alert('x')</script>";

    /// <summary>The focal point's e-mail a sample sheet carries, and the demo registers as the unit's contact.</summary>
    public static string FocalEmailOf(ReportingUnit unit) => $"punto.focal.{unit.Code.ToLowerInvariant()}@coalicion-regional.example";

    /// <param name="revision">Above 0, a later version of the same unit's sheet (it differs, so it is a new submission).</param>
    /// <param name="focalEmail">What to type as the focal point's e-mail, instead of <see cref="FocalEmailOf"/>.</param>
    /// <param name="stalledActivity">An activity that has not moved since the year's first quarter: its value stays the Q1 one, whatever the revision.</param>
    public byte[] Fill(byte[] template, ReportingUnit unit, ReportingPeriod period, SampleKind kind = SampleKind.Valid, int revision = 0,
        string? focalEmail = null, string? stalledActivity = null)
    {
        using var input = new MemoryStream(template);
        using var workbook = new XLWorkbook(input);
        var ws = workbook.Worksheets.First(w => IsReportSheet(w.Name));
        var language = unit.Language;
        ws.Cell(FocalNameCell).SetValue((language == Language.En ? $"Focal point {unit.Code}" : $"Punto focal {unit.Code}")
            + (revision > 0 ? $" (v{revision + 1})" : ""));
        ws.Cell(FocalEmailCell).SetValue(focalEmail ?? FocalEmailOf(unit));

        var catalog = plans.For(period);
        var errorsLeft = kind == SampleKind.WithErrors ? 3 : 0;
        var programmed = catalog.ActivitiesFor(unit).Where(a => a.ForYear(period.Year)?.Programado > 0).Select(a => a.Code).ToList();
        var notApplicable = kind == SampleKind.WithNotApplicable ? programmed.FirstOrDefault() : null;
        var leftBlank = kind == SampleKind.WithBlank ? programmed.LastOrDefault() : null;
        for (var row = FirstDataRow; !ws.Cell(row, CodeColumn).IsEmpty(); row++)
        {
            var activity = catalog.FindActivity(ws.Cell(row, CodeColumn).GetString());
            if (activity is null || activity.Code == leftBlank) continue;
            var value = activity.Code == stalledActivity
                ? Ejecutado(unit, new ReportingPeriod(period.Year, 1), activity)
                : Ejecutado(unit, period, activity, revision);
            var target = activity.ForYear(period.Year)?.Programado;

            if (errorsLeft > 0)
            {
                // Three classic mistakes: a word for a number, a percentage over 100, a status not in the list.
                switch (errorsLeft--)
                {
                    case 3: ws.Cell(row, EjecutadoColumn).SetValue(language == Language.En ? "fifty" : "cincuenta"); break;
                    case 2: ws.Cell(row, EjecutadoColumn).SetValue(150); break;
                    default:
                        ws.Cell(row, EjecutadoColumn).SetValue(value ?? 0);
                        ws.Cell(row, StatusColumn).SetValue(language == Language.En ? "done" : "hecho");
                        break;
                }
                continue;
            }

            if (activity.Code == notApplicable)
            {
                ws.Cell(row, StatusColumn).SetValue(ActivityStatus.NotApplicable.Label(language));
                ws.Cell(row, ObservationsColumn).SetValue(language == Language.En
                    ? "The activity does not apply to this country this year."
                    : "La actividad no corresponde a este país este año.");
                continue;
            }

            if (value is null)
            {
                ws.Cell(row, StatusColumn).SetValue(ActivityStatus.NotStarted.Label(language));
                continue;
            }

            ws.Cell(row, EjecutadoColumn).SetValue(value.Value);
            var status = value == 0 ? ActivityStatus.NotStarted : value >= target ? ActivityStatus.Completed : ActivityStatus.InProgress;
            ws.Cell(row, StatusColumn).SetValue(status.Label(language));
            if (activity.IndicatorIsCount) ws.Cell(row, QuantityColumn).SetValue(1 + Hash(unit.Code, activity.Code, 7) % 12);
            if (value < target)
            {
                ws.Cell(row, ObservationsColumn).SetValue(language == Language.En
                    ? "Progress follows the national schedule."
                    : "Avance según el cronograma nacional.");
            }

            ws.Cell(row, EvidenceColumn).SetValue($"https://evidencias.coalicion-regional.example/{unit.Code}/{period}/{activity.Code}");
        }

        // On the first activity row whatever it holds, so the demo always carries it (its workbook must show it inert).
        if (kind == SampleKind.WithHostileText) ws.Cell(FirstDataRow, ObservationsColumn).SetValue(HostileText);

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>
    /// A deterministic year-to-date ejecutado on programado's scale: a share of the year's programado growing with the
    /// quarter, never above it. Null (not reported) where nothing is programmed for the year. A later
    /// <paramref name="revision"/> of the same sheet reports a little more (a correction), up to the programado.
    /// </summary>
    public decimal? Ejecutado(ReportingUnit unit, ReportingPeriod period, PlanActivity activity, int revision = 0)
    {
        if (activity.ForYear(period.Year)?.Programado is not { } target || target == 0) return null;
        var pace = Math.Min(1m, (40 + Hash(unit.Code, activity.Code, 61) + 8 * revision) / 100m); // 40–100 % of the year's plan by Q4
        return Math.Round(target * pace * period.Quarter / 4m, 1);
    }

    private static int Hash(string a, string b, int modulo)
    {
        var h = 17;
        foreach (var c in a + "|" + b) h = unchecked(h * 31 + c);
        return Math.Abs(h % modulo);
    }
}
