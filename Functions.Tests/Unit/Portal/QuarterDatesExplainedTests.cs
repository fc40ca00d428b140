using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Presentation;
using ServerlessPlan.Functions.Portal.Pages;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Portal;

/// <summary>
/// A quarter's two dates said together (issue 22) for every lock rule the calendar knows — late days then the lock,
/// a lock at the deadline (grace 0), never (grace −1) — and a zone whose offset changes between the deadline and the lock.
/// </summary>
public sealed class QuarterDatesExplainedTests
{
    private static readonly ReportingPeriod Q3 = new(2021, 3);
    private static readonly DateTimeOffset Before = new(2021, 10, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset After = new(2021, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static string Explained(QuarterDates dates, DateTimeOffset now, Language language) =>
        System.Net.WebUtility.HtmlDecode(RazorHtml.Render<CascadingValue<Language>>(new()
        {
            ["Value"] = language,
            ["IsFixed"] = true,
            ["ChildContent"] = (RenderFragment)(b =>
            {
                b.OpenComponent<QuarterDatesExplained>(0);
                b.AddAttribute(1, nameof(QuarterDatesExplained.Dates), dates);
                b.AddAttribute(2, nameof(QuarterDatesExplained.Now), now);
                b.CloseComponent();
            }),
        }));

    [Fact]
    public void A_quarter_that_locks_at_its_deadline_has_no_late_days()
    {
        var dates = ReportingCalendar.Dates(Q3, RealPlan.Unit("GT").Zone, 30, 0);

        Assert.Equal("Último día para enviar: 30 de octubre de 2021 inclusive (hora de Guatemala, UTC−6). Desde el 31 de octubre de 2021, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
            Explained(dates, Before, Language.Es));
    }

    [Fact]
    public void A_quarter_that_never_locks_says_so_before_and_after_its_deadline()
    {
        var dates = ReportingCalendar.Dates(Q3, RealPlan.Unit("BZ").Zone, 30, -1);

        Assert.Equal("Last day to send: 30 October 2021 inclusive (Belize time, UTC−6). After that, a report is recorded as late; this quarter never locks.",
            Explained(dates, Before, Language.En));
        Assert.Equal("Last day to send: 30 October 2021 inclusive (Belize time, UTC−6); it has passed. A report sent now is recorded as late; this quarter never locks.",
            Explained(dates, After, Language.En));
    }

    [Fact]
    public void A_zone_whose_offset_changes_before_the_lock_is_named_again_at_the_last_late_day()
    {
        // New York leaves daylight saving on 7 November 2021: UTC−4 at the deadline, UTC−5 at the lock.
        Assert.True(ReportingZone.TryFind("America/New_York", new LocalizedText("Nueva York", "New York"), out var zone));
        var dates = ReportingCalendar.Dates(Q3, zone, 30, 15);

        Assert.Equal("Último día para enviar: 30 de octubre de 2021 inclusive (hora de Nueva York, UTC−4). Después, y hasta el 14 de noviembre de 2021 (hora de Nueva York, UTC−5) inclusive, el envío se registra como tardío; desde el 15 de noviembre de 2021, el trimestre está cerrado y solo la Secretaría Técnica puede reabrirlo.",
            Explained(dates, Before, Language.Es));
    }
}
