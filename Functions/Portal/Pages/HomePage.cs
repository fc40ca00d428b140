using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The start page: what the service is and how to sign in; once signed in, where the user's roles lead.</summary>
public static class HomePage
{
    public static Html Render(PortalContext c, ReportingUnits units)
    {
        var user = c.User;
        Html content;
        if (user is null)
        {
            content = Html.Of($"""
                <p class="lead">{c.T("Aquí los puntos focales envían el informe trimestral de su unidad y ven el resultado al instante; la Presidencia, la Secretaría Técnica y los analistas siguen el cumplimiento y el avance regional.", "Here focal points send their unit's quarterly report and see the result at once; the Presidency, the Technical Secretariat and analysts follow completeness and regional progress.")}</p>
                <p class="body">{c.T("Entre con la cuenta de su institución que la Secretaría Técnica registró.", "Sign in with the account of your institution that the Technical Secretariat registered.")}</p>
                <a class="button" href="{c.SignInUrl}" role="button">{c.T("Iniciar sesión", "Sign in")}</a>
                """);
        }
        else if (!user.HasAnyRole)
        {
            content = Html.Of($"""
                <p class="body">{c.T("Su cuenta todavía no tiene un rol en el portal. Pida a la Secretaría Técnica que le asigne el rol de su unidad (por ejemplo Unit.GT) o el de lectura de la coalición.", "Your account has no role in the portal yet. Ask the Technical Secretariat to assign you your unit's role (for example Unit.GT) or the coalition's reader role.")}</p>
                """);
        }
        else
        {
            var unitLinks = user.Units.Select(code => units.Find(code)).OfType<ReportingUnit>()
                .Select(u => Html.Of($"""<li><a href="{Routes.Unit(u.Code)}">{u.Name.In(c.Language)} ({u.Code})</a></li>"""));
            var coalition = user.IsReader
                ? Html.Of($"""<h2 class="heading-m">{c.T("Coalición", "Coalition")}</h2><ul><li><a href="{Routes.Coalitions}">{c.T("Cumplimiento, avance regional, resumen y libro consolidado", "Completeness, regional progress, digest and merged workbook")}</a></li></ul>""")
                : Html.Empty;
            var readerUnits = user.IsReader
                ? Html.Of($"""<details><summary>{c.T("Páginas de cada unidad", "Each unit's pages")}</summary><ul>{units.All.Select(u => Html.Of($"""<li><a href="{Routes.Unit(u.Code)}">{u.Name.In(c.Language)} ({u.Code})</a></li>"""))}</ul></details>""")
                : Html.Empty;
            content = Html.Of($"""
                {(user.Units.Count > 0 ? Html.Of($"""<h2 class="heading-m">{c.T("Sus unidades", "Your units")}</h2><ul>{unitLinks}</ul>""") : Html.Empty)}
                {coalition}
                {readerUnits}
                """);
        }

        var title = c.T("Informes trimestrales del plan operativo regional", "Quarterly reports of the regional operational plan");
        return Layout.Render(c, title, Html.Of($"""<h1 class="heading-l">{title}</h1>{content}"""));
    }
}
