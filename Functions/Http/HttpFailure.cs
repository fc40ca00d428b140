using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Functions.Portal.Pages;
using ServerlessPlan.Functions.Portal.Pages.Shared;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// A refusal or a failure, answered as the caller can read it: a page for a browser navigating the portal, problem
/// JSON (<see cref="Problems"/>) for the API, the page's script and tools. Never a stack trace.
/// </summary>
public static class HttpFailure
{
    public static IActionResult Respond(HttpRequest request, int status, string code, LocalizedText title, LocalizedText detail, Language language) =>
        WantsJson(request)
            ? Problems.Result(status, code, title, detail, language)
            : Page(status, ErrorPageFor(PageChrome.Anonymous(language), status, title.In(language), detail.In(language)));

    public static IActionResult Respond(PortalContext context, int status, string code, LocalizedText title, LocalizedText detail) =>
        context.WantsJson
            ? Problems.Result(status, code, title, detail, context.Language)
            : Page(status, ErrorPageFor(PageChrome.Of(context), status, title.In(context.Language), detail.In(context.Language)));

    private static Html ErrorPageFor(PageChrome chrome, int status, string title, string detail) =>
        Layout.Page<ErrorPage>(chrome, new()
        {
            [nameof(ErrorPage.Status)] = status,
            [nameof(ErrorPage.Title)] = title,
            [nameof(ErrorPage.Detail)] = detail,
        });

    private static ContentResult Page(int status, Html html) =>
        new() { StatusCode = status, ContentType = Layout.HtmlContentType, Content = html.Value };

    /// <summary>An unexpected fault: 500, nothing about its cause (that goes to the log).</summary>
    public static IActionResult ForException(HttpRequest request) =>
        Respond(request, StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", Problems.ServerErrorTitle,
            new LocalizedText("Algo falló de nuestro lado. Vuelva a intentarlo en unos minutos; si sigue fallando, avise a la Secretaría Técnica.",
                "Something went wrong on our side. Try again in a few minutes; if it keeps failing, tell the Technical Secretariat."),
            PortalLanguage.Of(request));

    /// <summary>The HTTP API, and anyone who asks for JSON (the page's script does) rather than a page.</summary>
    public static bool WantsJson(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/" + PortalRoutes.ApiPrefix, StringComparison.OrdinalIgnoreCase)) return true;
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) ||
               accept.Contains("application/problem+json", StringComparison.OrdinalIgnoreCase);
    }
}
