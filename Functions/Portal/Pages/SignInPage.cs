using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The development sign-in's page (local runs only): pick who to be, as App Service Authentication would say it.
/// In Azure the platform answers <c>/.auth/login</c> itself and this page never shows.
/// </summary>
public static class SignInPage
{
    public static Html Render(PortalContext c, ReportingUnits units, string returnTo)
    {
        var roles = units.All.Select(u => (Role: PortalRoles.Unit(u.Code), Label: c.T($"Punto focal de {u.Name.Es}", $"Focal point of {u.Name.En}")))
            .Append((Role: PortalRoles.CoalitionReader, Label: c.T("Lectura de la coalición (Presidencia, Secretaría Técnica, analistas)", "Coalition reader (Presidency, Technical Secretariat, analysts)")))
            .Append((Role: PortalRoles.CoalitionAdmin, Label: c.T("Administración de la Secretaría Técnica", "Technical Secretariat administration")));
        var radios = roles.Select((r, i) => Html.Of($"""<label><input type="radio" name="role" value="{r.Role}" {(i == 0 ? Html.Raw("checked") : Html.Empty)}> {r.Label} <span class="hint">({r.Role})</span></label>"""));
        var title = c.T("Inicio de sesión de desarrollo", "Development sign-in");
        var body = Html.Of($"""
            <h1 class="heading-l">{title}</h1>
            <div class="inset">{c.T("Solo en una ejecución local: en Azure inicia sesión Microsoft Entra ID. Elija con qué rol entrar.", "Local runs only: in Azure, Microsoft Entra ID signs people in. Choose the role to sign in with.")}</div>
            <form method="post" action="/.auth/login/aad">
            <input type="hidden" name="{AntiForgery.FieldName}" value="{c.AntiForgeryToken}">
            <input type="hidden" name="post_login_redirect_uri" value="{returnTo}">
            <div class="form-group">
            <label class="label" for="name">{c.T("Nombre", "Name")}</label>
            <input type="text" id="name" name="name" value="persona@coalicion-regional.example" autocomplete="off">
            </div>
            <fieldset class="form-group radios">
            <legend class="label">{c.T("Rol", "Role")}</legend>
            {radios}
            </fieldset>
            <button class="button" type="submit">{c.T("Entrar", "Sign in")}</button>
            </form>
            """);
        return Layout.Render(c, title, body);
    }
}
