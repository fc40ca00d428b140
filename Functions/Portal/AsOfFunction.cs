using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Portal.Workbooks;
using ServerlessPlan.Core.Requests;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /coalition/{period}/as-of</c> (role <c>Coalition.Reader</c>): the form in front of the workbook as of an
/// instant. Empty, it shows the form; sent (<c>?day=&amp;month=&amp;year=&amp;hour=&amp;minute=</c>, on the
/// coalition's clock), it reads the instant with <see cref="AsOfDateForm"/> and redirects to
/// <c>…/workbook?asOf=INSTANT</c> (the interface scripts use, unchanged), or answers the same form with the problems
/// and the values typed (400).
/// </summary>
public sealed class AsOfFunction(PortalGate gate, CoalitionPeriods periods, AsOfDateForm form)
{
    public const string DayField = "day";
    public const string MonthField = "month";
    public const string YearField = "year";
    public const string HourField = "hour";
    public const string MinuteField = "minute";

    /// <summary>Longer than any part of a date; a longer value is cut before it is read or shown again.</summary>
    private const int MaxFieldChars = 20;

    [Function("PortalAsOf")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.AsOf)] HttpRequest req, string period, CancellationToken ct)
    {
        if (gate.ReaderPeriod(req, period, out var c, out var p) is { } refusal) return refusal;
        var first = await form.FirstAcceptedAsync(p, ct);
        if (!req.Query.ContainsKey(DayField)) return Page(c, p, AsOfDateEntry.Empty, [], first);

        var entry = new AsOfDateEntry(Field(req, DayField), Field(req, MonthField), Field(req, YearField), Field(req, HourField), Field(req, MinuteField));
        var reading = form.Read(entry, first);
        if (reading.Instant is { } at)
            return new RedirectResult($"{Routes.Workbook(p)}?asOf={Uri.EscapeDataString(RequestWords.Instant(at))}");
        return Page(c, p, entry, reading.Problems, first, StatusCodes.Status400BadRequest);
    }

    private IActionResult Page(PortalContext c, Core.Plan.ReportingPeriod p, AsOfDateEntry entry, IReadOnlyList<AsOfProblem> problems,
        DateTimeOffset? first, int status = StatusCodes.Status200OK) =>
        PortalResults.Page(Layout.Page<AsOfPage>(c, new()
        {
            [nameof(AsOfPage.Period)] = p,
            [nameof(AsOfPage.Periods)] = periods.All(),
            [nameof(AsOfPage.IsAdmin)] = c.User?.IsAdmin == true,
            [nameof(AsOfPage.Entry)] = entry,
            [nameof(AsOfPage.Problems)] = problems,
            [nameof(AsOfPage.FirstAccepted)] = first,
            [nameof(AsOfPage.Zone)] = form.Zone,
            [nameof(AsOfPage.Now)] = form.Now,
        }), status);

    private static string Field(HttpRequest req, string name)
    {
        var value = req.Query[name].ToString();
        return value.Length > MaxFieldChars ? value[..MaxFieldChars] : value;
    }
}
