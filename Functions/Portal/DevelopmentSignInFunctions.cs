using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>
/// App Service Authentication's own endpoints (<c>/.auth/login/aad</c>, <c>/.auth/logout</c>, <c>/.auth/me</c>) as the
/// development sign-in answers them locally: pick a role on a page, which sets a cookie holding the same principal
/// the platform's header carries. In Azure the platform answers these paths before the app sees them, and the
/// development sign-in cannot be on there; with it off, these routes do not exist (404).
/// </summary>
public sealed class DevelopmentSignInFunctions(PortalRequests requests, ClientPrincipalSource principals, ReportingUnits units,
    ILogger<DevelopmentSignInFunctions> logger)
{
    private const int MaxFormBytes = 16 * 1024;

    [Function("DevelopmentSignInPage")]
    public IActionResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.SignIn)] HttpRequest req)
    {
        if (!principals.DevelopmentSignIn) return new NotFoundResult();
        var c = requests.Read(req);
        return PortalResults.Page(Layout.Page<SignInPage>(c, new()
        {
            [nameof(SignInPage.Roles)] = SignInRole.All(units),
            [nameof(SignInPage.ReturnTo)] = LocalRedirect.PathOrHome(req.Query["post_login_redirect_uri"]),
            [nameof(SignInPage.AntiForgeryToken)] = c.AntiForgeryToken,
        }));
    }

    [Function("DevelopmentSignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PortalRoutes.SignIn)] HttpRequest req, CancellationToken ct)
    {
        if (!principals.DevelopmentSignIn) return new NotFoundResult();
        var c = requests.Read(req);
        if (req.ContentLength is null or > MaxFormBytes || !req.HasFormContentType)
        {
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "FORM_INVALID", Problems.BadRequestTitle,
                new LocalizedText("Formulario no válido.", "Invalid form."));
        }

        var form = await req.ReadFormAsync(ct);
        if (AntiForgery.Refusal(req, "", form[AntiForgery.FieldName]) is { } reason)
        {
            logger.LogWarning("Development sign-in refused: {Reason}", reason);
            return HttpFailure.Respond(c, StatusCodes.Status403Forbidden, "CROSS_SITE_REFUSED", Problems.ForbiddenTitle,
                new LocalizedText("Vuelva a la página de inicio de sesión y envíe otra vez.", "Go back to the sign-in page and send again."));
        }

        var role = form["role"].ToString();
        var known = role is PortalRoles.CoalitionReader or PortalRoles.CoalitionAdmin ||
                    PortalUser.UnitOfRole(role, units) is not null;
        var name = form["name"].ToString().Trim();
        if (!known || name.Length is 0 or > 100)
        {
            return HttpFailure.Respond(c, StatusCodes.Status400BadRequest, "FORM_INVALID", Problems.BadRequestTitle,
                new LocalizedText("Elija un rol de la lista y escriba un nombre.", "Choose a role from the list and type a name."));
        }

        logger.LogInformation("Development sign-in as {User} with role {Role}", name, role);
        req.HttpContext.Response.Cookies.Append(PortalRequests.DevelopmentCookie, ClientPrincipal.For(name, role).Encode(), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = SecurityHeaders.IsHttps(req),
        });
        return new RedirectResult(LocalRedirect.PathOrHome(form["post_login_redirect_uri"]));
    }

    [Function("DevelopmentSignOut")]
    public IActionResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.SignOut)] HttpRequest req)
    {
        if (!principals.DevelopmentSignIn) return new NotFoundResult();
        req.HttpContext.Response.Cookies.Delete(PortalRequests.DevelopmentCookie, new CookieOptions { Path = "/" });
        return new RedirectResult(LocalRedirect.PathOrHome(req.Query["post_logout_redirect_uri"]));
    }

    /// <summary>The signed-in user as the platform's <c>/.auth/me</c> describes it: an array with one identity, or 401.</summary>
    [Function("DevelopmentMe")]
    public IActionResult Me([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PortalRoutes.Me)] HttpRequest req)
    {
        if (!principals.DevelopmentSignIn) return new NotFoundResult();
        var c = requests.Read(req);
        if (c.User is null) return new UnauthorizedResult();
        var principal = c.User.Principal;
        return PortalResults.Json(new[]
        {
            new
            {
                provider_name = principal.AuthenticationType ?? "aad",
                user_id = principal.Name,
                user_claims = principal.Claims.Select(claim => new { typ = claim.Type, val = claim.Value }),
            },
        });
    }
}
