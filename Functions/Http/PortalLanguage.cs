using Microsoft.AspNetCore.Http;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The language of a page: <c>?lang=es|en</c> (the visible switch; remembered in a cookie), else the remembered
/// choice, else the user's unit's language (Belize's focal points read English), else Spanish.
/// </summary>
public static class PortalLanguage
{
    public const string Cookie = "sp-lang";

    public static Language Of(HttpRequest request, Language? unitLanguage = null)
    {
        if (LanguageCodes.TryParse(request.Query["lang"], out var asked)) return asked;
        if (LanguageCodes.TryParse(request.Cookies[Cookie], out var remembered)) return remembered;
        return unitLanguage ?? Language.Es;
    }

    /// <summary>Remembers a language asked for with <c>?lang=</c>, so the next pages keep it.</summary>
    public static void Remember(HttpContext context)
    {
        if (!LanguageCodes.TryParse(context.Request.Query["lang"], out var asked)) return;
        context.Response.Cookies.Append(Cookie, asked.ToCode(), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = SecurityHeaders.IsHttps(context.Request),
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
