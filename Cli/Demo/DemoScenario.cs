using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Cli.Demo;

/// <summary>What a demo upload is meant to show.</summary>
public enum DemoUpload
{
    Normal,
    RepeatedDelivery,
    Correction,
    NotAWorkbook,
}

/// <summary>One upload of the demo: who, which quarter, what it contains and why it is there.</summary>
/// <param name="FocalEmail">The e-mail typed in the sheet when it is not the unit's registered contact.</param>
public sealed record DemoStep(ReportingUnit Unit, ReportingPeriod Period, SampleKind Sample, DemoUpload Kind, string Description,
    string Suffix = "", string? FocalEmail = null);

/// <summary>
/// The demo's story for a period: every unit filed each of the four quarters before it (within its plan: from 2020-Q3
/// for 2021-Q3) but one, which stops reporting two quarters before (<see cref="Stops"/>: this quarter it sends only a
/// CSV), and one activity has not moved since the year's first quarter (<see cref="StalledActivity"/>), so the trends
/// page, the digest's trend and the plan matrix have a story over time. This quarter one unit's sheet has errors,
/// one uploads a CSV renamed to .xlsx, one has not filed by the deadline (<see cref="Missing"/>), one sends a second version (with other values than its
/// first, so a leak of superseded values would show), one delivery repeats, one sheet carries hostile text, one names
/// an e-mail the coalition did not register (its result still goes only to the registered contacts) and leaves a
/// programmed activity blank, and one marks an activity "no aplica". Units are picked by position among the members of the
/// period so any configured member list works.
/// </summary>
public static class DemoScenario
{
    /// <summary>The address the "unregistered e-mail" sheet types: nobody registered it, so it must receive nothing.</summary>
    public const string UnregisteredEmail = "consultora.externa@otro-dominio.example";

    /// <summary>
    /// The unit that files nothing before the deadline: reminded, told it is late, refused once the quarter locked
    /// (<c>PERIOD_LOCKED</c>), and accepted after the ST reopens the quarter for it.
    /// </summary>
    public static ReportingUnit Missing(ReportingUnits units, ReportingPeriod period) => units.At(period).Countries.ToList()[^3];

    /// <summary>Quarters of history before the demo's quarter: a year, so the year before's last quarter is in the plan matrix.</summary>
    public const int HistoryQuarters = 4;

    /// <summary>The unit that stops reporting: its last sheet is the one of two quarters before the demo's (the one whose CSV is refused this quarter).</summary>
    public static ReportingUnit Stops(ReportingUnits units, ReportingPeriod period) => units.At(period).Countries.ToList()[^2];

    /// <summary>The activity that stalls: the first one of the countries' part programmed for the year; every sheet of the year gives it its Q1 value.</summary>
    public static string StalledActivity(PlanCatalog catalog, ReportingPeriod period) =>
        catalog.Activities.First(a => a.Reporting != ReportingLevel.Regional && a.ForYear(period.Year)?.Programado > 0).Code;

    /// <param name="planStart">The first quarter of the plan in force for <paramref name="period"/>: the history starts no earlier.</param>
    public static IReadOnlyList<DemoStep> For(ReportingUnits units, ReportingPeriod period, ReportingPeriod planStart)
    {
        var all = units.At(period).All;
        var countries = units.At(period).Countries.ToList();
        var withErrors = countries[^4];
        var missing = Missing(units, period);
        var notAWorkbook = countries[^2];
        var corrected = countries[0];
        var hostile = countries.Count > 1 ? countries[1] : countries[0];
        var repeated = countries.Count > 2 ? countries[2] : countries[0];
        var unregistered = countries.Count > 3 ? countries[3] : countries[0];
        var notApplicable = countries[^1];

        var stops = Stops(units, period);
        var first = period;
        for (var i = 0; i < HistoryQuarters && first.Previous >= planStart; i++) first = first.Previous;
        var steps = new List<DemoStep>();
        for (var quarter = first; quarter < period; quarter = quarter.Next)
        {
            var stopped = quarter >= period.Previous;
            steps.AddRange(units.At(quarter).All.Where(u => !(stopped && u == stops))
                .Select(u => new DemoStep(u, quarter, SampleKind.Valid, DemoUpload.Normal, "earlier quarter")));
        }

        foreach (var unit in all)
        {
            if (unit == missing) continue;
            if (unit == withErrors)
                steps.Add(new(unit, period, SampleKind.WithErrors, DemoUpload.Normal, "sheet with three typing errors"));
            else if (unit == notAWorkbook)
                steps.Add(new(unit, period, SampleKind.Valid, DemoUpload.NotAWorkbook, "CSV renamed to .xlsx"));
            else if (unit == hostile)
                steps.Add(new(unit, period, SampleKind.WithHostileText, DemoUpload.Normal, "observation with formula/script text"));
            else if (unit == repeated)
                steps.Add(new(unit, period, SampleKind.Valid, DemoUpload.RepeatedDelivery, "delivered twice"));
            else if (unit == unregistered)
                steps.Add(new(unit, period, SampleKind.WithBlank, DemoUpload.Normal, "unregistered e-mail, one activity blank", FocalEmail: UnregisteredEmail));
            else if (unit == notApplicable)
                steps.Add(new(unit, period, SampleKind.WithNotApplicable, DemoUpload.Normal, "marks one activity «no aplica»"));
            else
                steps.Add(new(unit, period, SampleKind.Valid, DemoUpload.Normal, "on-time sheet"));
        }

        // The unit that got its first sheet wrong files a correct one afterwards.
        steps.Add(new(withErrors, period, SampleKind.Valid, DemoUpload.Correction, "corrected sheet", "-v2"));
        steps.Add(new(corrected, period, SampleKind.Valid, DemoUpload.Correction, "second version (supersedes the first)", "-v2"));
        return steps;
    }
}
