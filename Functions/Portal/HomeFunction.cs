using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Board;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// <c>GET /</c>: the start page; a focal point of one unit goes straight to that unit's quarters; a coalition reader
/// lands on the dashboard of the calendar's quarter (who is missing, execution with its coverage); a person with no
/// role is given the Technical Secretariat's address (<c>Contacts__SecretariatCopy</c>). The route is the
/// Functions host's way to take the site root (route prefix empty, an optional parameter that must stay empty; the
/// host's own home page is off: <c>AzureWebJobsDisableHomepage</c>).
/// </summary>
public sealed class HomeFunction(
    PortalRequests requests, ReportingUnits units, CoalitionPeriods periods, RegionalProgressCache progress, RegisteredContacts contacts)
{
    [Function("PortalHome")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Home)] HttpRequest req, CancellationToken ct)
    {
        var c = requests.Read(req);
        if (c.User is { IsReader: false, Units: [var only] } && !req.Query.ContainsKey("lang"))
            return new RedirectResult(Routes.Unit(only));
        return PortalResults.Page(Layout.Page<HomePage>(c, new()
        {
            [nameof(HomePage.User)] = c.User,
            [nameof(HomePage.Units)] = units,
            [nameof(HomePage.SignInUrl)] = c.SignInUrl,
            [nameof(HomePage.Dashboard)] = c.User?.IsReader == true ? await progress.GetAsync(periods.Default(), ct) : null,
            [nameof(HomePage.Secretariat)] = c.User is { HasAnyRole: false } ? contacts.Secretariat : [],
        }));
    }
}
