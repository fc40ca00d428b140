using Microsoft.AspNetCore.Http;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Requests;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The language of a page, by the one rule (<see cref="LanguageChoice"/>): <c>?lang=es|en</c> (the visible switch;
/// remembered in a cookie), else the remembered choice, else the user's unit's language (Belize's focal points read
/// English), else Spanish.
/// </summary>
public static class PortalLanguage
{
    public const string Cookie = "sp-lang";

    // A word that is not a language is passed over here (the page falls back), not refused: it only chooses the page's language.
    public static Language Of(HttpRequest request, Language? unitLanguage = null) =>
        LanguageChoice.For(LanguageChoice.Asked(request.Query["lang"], request.Cookies[Cookie]), unitLanguage);

    /// <summary>Remembers a language asked for with <c>?lang=</c>, so the next pages keep it.</summary>
    public static void Remember(HttpContext context)
    {
        if (!RequestWords.TryLanguage(context.Request.Query["lang"], out var asked, out _)) return;
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
