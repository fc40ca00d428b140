using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The Presidency's digest as it would be sent now (rendered by the digest's own path, never sent): its subject, the
/// e-mail's HTML in a sandboxed frame (its inline styles are allowed there and only there) and its text version.
/// </summary>
public static class DigestPage
{
    public static Html Render(PortalContext c, ReportingPeriod period, DigestMessage? message, IReadOnlyList<ReportingPeriod> periods)
    {
        var title = c.T($"Resumen para la Presidencia del {PortalFormat.Quarter(period, c.Language)}", $"Presidency digest, {PortalFormat.Quarter(period, c.Language)}");
        var content = message is null
            ? Html.Of($"""<p class="body">{c.T("No hay informes aceptados de este trimestre: no habría resumen que enviar.", "There are no accepted reports for this quarter: there would be no digest to send.")}</p>""")
            : Html.Of($"""
                <p class="body">{c.T("Así se vería el correo si se enviara ahora. Esta página no lo envía.", "This is how the e-mail would look if it were sent now. This page does not send it.")}</p>
                <dl class="summary-list"><div><dt>{c.T("Asunto", "Subject")}</dt><dd>{message.Subject}</dd></div></dl>
                <iframe class="digest-frame" src="{Routes.DigestMail(period)}" title="{c.T("Contenido del correo de resumen", "Content of the digest e-mail")}" sandbox></iframe>
                <details><summary>{c.T("Versión de texto del correo", "Text version of the e-mail")}</summary><pre>{message.TextBody}</pre></details>
                """);
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            {CoalitionNav.Render(c, period, periods, CoalitionNav.Section.Digest)}
            {content}
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }
}
