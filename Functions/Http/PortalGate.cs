using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Core.Requests;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The check at the door of every portal route, so no function decides access by itself: signed in (else the sign-in
/// page for a browser, 401 for JSON), allowed for the unit or the coalition (else 403), and for a state change, the
/// anti-forgery check. The rules themselves are <see cref="PortalUser"/>'s.
/// </summary>
public sealed class PortalGate(PortalRequests requests, ReportingUnits units, PlanRegistry plans, BearerChallenge challenge, ILogger<PortalGate> logger)
{
    public static readonly LocalizedText NoUnitAccess = new(
        "Su cuenta no tiene acceso a esa unidad. Si debería tenerlo, pida a la Secretaría Técnica que le asigne el rol de la unidad.",
        "Your account has no access to that unit. If it should, ask the Technical Secretariat to assign you the unit's role.");

    public static readonly LocalizedText SignInRequired = new(
        "Inicie sesión en el portal para continuar, o envíe un token de acceso de Entra ID para el portal (Authorization: Bearer …).",
        "Sign in to the portal to continue, or send an Entra ID access token for the portal (Authorization: Bearer …).");

    /// <summary>Anyone signed in (the start page, the sign-in's own pages); null when the request may go on.</summary>
    public IActionResult? SignedIn(HttpRequest request, out PortalContext context)
    {
        context = requests.Read(request);
        return context.User is null ? SignIn(context) : null;
    }

    /// <summary>
    /// A unit's pages and files; <paramref name="change"/> (an upload) needs the unit's own role, and the request's
    /// origin headers are checked at once (the form's token is checked by <see cref="CrossSite"/> once it is read).
    /// </summary>
    public IActionResult? Unit(HttpRequest request, string unitCode, bool change, out PortalContext context, out ReportingUnit unit)
    {
        unit = null!;
        if (SignedIn(request, out context) is { } refusal) return refusal;
        var user = context.User!;
        RequestWords.TryUnit(units, unitCode, out var found, out _);
        var allowed = found is not null && (change ? user.CanUploadFor(found.Code) : user.CanSee(found.Code));
        if (!allowed)
        {
            // A unit the user may not see answers as one that does not exist would to a reader: 403 either way.
            logger.LogWarning("{User} refused {Method} {Path}: no rights on unit {Unit}", user.Principal.UserId, request.Method, request.Path, unitCode);
            return HttpFailure.Respond(context, StatusCodes.Status403Forbidden, "UNIT_FORBIDDEN", Problems.ForbiddenTitle, NoUnitAccess);
        }

        unit = found!;
        return change ? CrossSite(context, null, tokenRead: false) : null;
    }

    /// <summary>The coalition's pages: readers (Presidency, ST, analysts) and administrators.</summary>
    public IActionResult? Reader(HttpRequest request, out PortalContext context)
    {
        if (SignedIn(request, out context) is { } refusal) return refusal;
        if (context.User!.IsReader) return null;
        logger.LogWarning("{User} refused {Method} {Path}: not a coalition reader", context.User.Principal.UserId, request.Method, request.Path);
        return HttpFailure.Respond(context, StatusCodes.Status403Forbidden, "COALITION_FORBIDDEN", Problems.ForbiddenTitle,
            new LocalizedText("Estas páginas son para la Presidencia, la Secretaría Técnica y los analistas (rol Coalition.Reader).",
                "These pages are for the Presidency, the Technical Secretariat and analysts (role Coalition.Reader)."));
    }

    /// <summary>
    /// The ST's administrative actions on one unit's quarter (reopen, lock): role <c>Coalition.Admin</c> (else 403 for
    /// anyone, reader or focal point), a quarter of a plan in force and a unit that was a member then (else 404), and the
    /// request's origin headers checked at once (the form's token by <see cref="CrossSite"/> once it is read).
    /// </summary>
    public IActionResult? Admin(HttpRequest request, string periodText, string unitCode,
        out PortalContext context, out ReportingUnit unit, out ReportingPeriod period)
    {
        unit = null!;
        period = default;
        if (SignedIn(request, out context) is { } refusal) return refusal;
        if (!context.User!.IsAdmin)
        {
            logger.LogWarning("{User} refused {Method} {Path}: not a coalition administrator", context.User.Principal.UserId, request.Method, request.Path);
            return HttpFailure.Respond(context, StatusCodes.Status403Forbidden, "COALITION_ADMIN_FORBIDDEN", Problems.ForbiddenTitle,
                new LocalizedText("Reabrir y cerrar trimestres es tarea de la Secretaría Técnica (rol Coalition.Admin).",
                    "Reopening and locking quarters is the Technical Secretariat's task (role Coalition.Admin)."));
        }
        if (Period(context, periodText, out period) is { } badPeriod) return badPeriod;
        if (!RequestWords.TryUnit(units, Clip(unitCode), out var found, out var unknown))
            return HttpFailure.Respond(context, StatusCodes.Status404NotFound, "UNIT_NOT_FOUND", Problems.NotFoundTitle, unknown);
        if (RequestWords.NotMember(found, period) is { } notMember)
            return HttpFailure.Respond(context, StatusCodes.Status404NotFound, "PERIOD_NOT_FOUND", Problems.NotFoundTitle, notMember);
        unit = found;
        return CrossSite(context, null, tokenRead: false);
    }

    /// <summary>
    /// The operations page and its replay (<c>/coalition/operations</c>): role <c>Coalition.Admin</c>, else 403 for
    /// anyone (reader or focal point); a state change also has its origin headers checked at once.
    /// </summary>
    public IActionResult? Operator(HttpRequest request, out PortalContext context)
    {
        if (SignedIn(request, out context) is { } refusal) return refusal;
        if (!context.User!.IsAdmin)
        {
            logger.LogWarning("{User} refused {Method} {Path}: not a coalition administrator", context.User.Principal.UserId, request.Method, request.Path);
            return HttpFailure.Respond(context, StatusCodes.Status403Forbidden, "COALITION_ADMIN_FORBIDDEN", Problems.ForbiddenTitle,
                new LocalizedText("La operación del sistema es tarea de la Secretaría Técnica (rol Coalition.Admin).",
                    "Running the system is the Technical Secretariat's task (role Coalition.Admin)."));
        }
        return HttpMethods.IsGet(request.Method) ? null : CrossSite(context, null, tokenRead: false);
    }

    /// <summary>A unit's quarter: <see cref="Unit"/>, then <see cref="Period"/>, then the unit was a member in that quarter.</summary>
    public IActionResult? UnitPeriod(HttpRequest request, string unitCode, string periodText, bool change,
        out PortalContext context, out ReportingUnit unit, out ReportingPeriod period)
    {
        period = default;
        if ((Unit(request, unitCode, change, out context, out unit) ?? Period(context, periodText, out period)) is { } refusal) return refusal;
        return RequestWords.NotMember(unit, period) is { } notMember
            ? HttpFailure.Respond(context, StatusCodes.Status404NotFound, "PERIOD_NOT_FOUND", Problems.NotFoundTitle, notMember)
            : null;
    }

    /// <summary>A coalition page of one quarter: <see cref="Reader"/>, then <see cref="Period"/>.</summary>
    public IActionResult? ReaderPeriod(HttpRequest request, string periodText, out PortalContext context, out ReportingPeriod period)
    {
        period = default;
        return Reader(request, out context) ?? Period(context, periodText, out period);
    }

    /// <summary>A quarter named in a route (read as <see cref="RequestWords"/> reads it) that a plan in force covers, or a 404 saying why not.</summary>
    public IActionResult? Period(PortalContext context, string text, out ReportingPeriod period)
    {
        var refusal = RequestWords.TryPeriod(Clip(text), out period, out var malformed) ? RequestWords.OutsidePlan(plans, period) : malformed;
        return refusal is null ? null : HttpFailure.Respond(context, StatusCodes.Status404NotFound, "PERIOD_NOT_FOUND", Problems.NotFoundTitle, refusal);
    }

    public static IActionResult NotFound(PortalContext context, LocalizedText detail) =>
        HttpFailure.Respond(context, StatusCodes.Status404NotFound, "NOT_FOUND", Problems.NotFoundTitle, detail);

    /// <summary>The anti-forgery check of a state change (<paramref name="tokenRead"/> false: its headers only, before the body is read).</summary>
    public IActionResult? CrossSite(PortalContext context, string? token, bool tokenRead = true)
    {
        var refusal = AntiForgery.Refusal(context.Request, context.User!.Principal.UserId, token, tokenRead);
        if (refusal is null) return null;
        logger.LogWarning("{User} refused {Method} {Path}: {Reason}", context.User.Principal.UserId, context.Request.Method, context.Request.Path, refusal);
        return HttpFailure.Respond(context, StatusCodes.Status403Forbidden, "CROSS_SITE_REFUSED", Problems.ForbiddenTitle,
            new LocalizedText("La solicitud no vino de una página de este portal. Vuelva a la página, recárguela y envíe otra vez.",
                "The request did not come from a page of this portal. Go back to the page, reload it and send again."));
    }

    /// <summary>
    /// A browser navigating to a page goes to the sign-in; anything else (the API, a script, a form post) gets a 401 with
    /// the bearer challenge, which tells an Entra-aware client such as Power BI where to ask for a token.
    /// </summary>
    private IActionResult SignIn(PortalContext context)
    {
        if (!context.WantsJson && HttpMethods.IsGet(context.Request.Method)) return new RedirectResult(context.SignInUrl);
        context.Request.HttpContext.Response.Headers.WWWAuthenticate = challenge.Value;
        return Problems.Result(StatusCodes.Status401Unauthorized, "SIGN_IN_REQUIRED", Problems.UnauthorizedTitle, SignInRequired, context.Language);
    }


    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
