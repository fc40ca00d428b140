using Microsoft.AspNetCore.Http;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;

namespace ServerlessPlan.Functions.Http;

/// <summary>Reads the portal's view of a request: the trusted principal (if any), the user's rights, the language.</summary>
public sealed class PortalRequests(ClientPrincipalSource principals, ReportingUnits units)
{
    /// <summary>The development sign-in's cookie: the same base64 principal the header carries.</summary>
    public const string DevelopmentCookie = "sp-dev-principal";

    public PortalContext Read(HttpRequest request)
    {
        var principal = principals.Read(request.Headers[ClientPrincipal.HeaderName], request.Cookies[DevelopmentCookie]);
        var user = principal is null ? null : new PortalUser(principal, units);
        var unitLanguage = user?.Units.Count > 0 ? units.Find(user.Units[0])?.Language : null;
        PortalLanguage.Remember(request.HttpContext);
        return new PortalContext(request, user, PortalLanguage.Of(request, unitLanguage), principals.DevelopmentSignIn);
    }
}
