using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Http;

using ServerlessPlan.Functions.Portal.Pages.Shared;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// The coalition pages' period picker (an ordinary GET form), their sub-navigation with the workbook's download, and
/// the download of the workbook as of an instant (a GET form: <c>…/workbook?asOf=2021-11-15T00:00</c>, read as UTC).
/// </summary>
public static class CoalitionNav
{
    public enum Section { Board, Progress, Digest }

    public static Html Render(PortalContext c, ReportingPeriod period, IReadOnlyList<ReportingPeriod> periods, Section current)
    {
        var options = periods.OrderByDescending(p => p).Select(p => p == period
            ? Html.Of($"""<option value="{p.ToString()}" selected>{PortalFormat.Quarter(p, c.Language)} ({p.ToString()})</option>""")
            : Html.Of($"""<option value="{p.ToString()}">{PortalFormat.Quarter(p, c.Language)} ({p.ToString()})</option>"""));
        Html Link(Section section, string href, string text) => section == current
            ? Html.Of($"""<li><a href="{href}" aria-current="page">{text}</a></li>""")
            : Html.Of($"""<li><a href="{href}">{text}</a></li>""");
        return Html.Of($"""
            <form class="period-picker" method="get" action="{Routes.Coalitions}">
            <div><label class="label" for="period">{c.T("Trimestre", "Quarter")}</label>
            <select id="period" name="period">{options}</select></div>
            <input type="hidden" name="view" value="{current.ToString().ToLowerInvariant()}">
            <button class="button button--secondary" type="submit">{c.T("Ver", "Show")}</button>
            </form>
            <nav aria-label="{c.T("Secciones de la coalición", "Coalition sections")}">
            <ul class="sub-nav">
            {Link(Section.Board, Routes.Coalition(period), c.T("Cumplimiento", "Completeness"))}
            {Link(Section.Progress, Routes.Progress(period), c.T("Avance regional", "Regional progress"))}
            {Link(Section.Digest, Routes.Digest(period), c.T("Resumen para la Presidencia", "Presidency digest"))}
            <li><a href="{Routes.Trends}">{c.T("Tendencias", "Trends")}</a></li>
            <li><a href="{Routes.OpenData}">{c.T("Datos abiertos", "Open data")}</a></li>
            <li><a href="{Routes.Workbook(period)}" download>{c.T("Descargar el libro consolidado (.xlsx)", "Download the merged workbook (.xlsx)")}</a></li>
            {(c.User?.IsAdmin == true ? Html.Of($"""<li><a href="{Routes.Operations}">{c.T("Operación del sistema", "System operations")}</a></li>""") : Html.Empty)}
            </ul>
            </nav>
            <form class="period-picker as-of" method="get" action="{Routes.Workbook(period)}">
            <div><label class="label" for="asOf">{c.T("Libro consolidado tal como estaba en una fecha y hora (UTC)", "Merged workbook as it was at a date and time (UTC)")}</label>
            <p class="hint" id="asOf-hint">{c.T("Lo vigente en ese instante, reconstruido del historial de envíos; p. ej. el día en que salió un resumen.",
                "What was current at that instant, rebuilt from the submission history; e.g. the day a digest went out.")}</p>
            <input type="datetime-local" id="asOf" name="asOf" step="60" required aria-describedby="asOf-hint"></div>
            <button class="button button--secondary" type="submit">{c.T("Descargar a esa fecha", "Download as of then")}</button>
            </form>
            """);
    }

    public static IReadOnlyList<Crumb> Crumbs(PortalContext c, string title) =>
        [new Crumb(c.T("Inicio", "Home"), "/"), new Crumb(c.T("Coalición", "Coalition"), Routes.Coalitions), new Crumb(title, null)];
}
