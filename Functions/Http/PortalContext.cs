using Microsoft.AspNetCore.Http;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Portal.Access;

namespace ServerlessPlan.Functions.Http;

/// <summary>One request as the portal sees it: who is asking (null: nobody signed in) and in which language to answer.</summary>
public sealed class PortalContext(HttpRequest request, PortalUser? user, Language language, bool developmentSignIn)
{
    public HttpRequest Request => request;

    public HttpContext Http => request.HttpContext;

    public PortalUser? User => user;

    public Language Language => language;

    public bool DevelopmentSignIn => developmentSignIn;

    public string T(string es, string en) => language == Language.En ? en : es;

    public string T(LocalizedText text) => text.In(language);

    /// <summary>The token this user's forms carry (<see cref="AntiForgery"/>).</summary>
    public string AntiForgeryToken => AntiForgery.TokenFor(Http, user?.Principal.UserId ?? "");

    /// <summary>A JSON caller (the page's script, a tool) rather than a browser navigating.</summary>
    public bool WantsJson => HttpFailure.WantsJson(request);

    /// <summary>Where the sign-in sends the user back: this page.</summary>
    public string SignInUrl => $"{PortalRoutes.Path(PortalRoutes.SignIn, ("provider", "aad"))}?post_login_redirect_uri={Uri.EscapeDataString(request.Path + request.QueryString)}";
}
