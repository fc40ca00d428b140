using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The coalition pages' period picker (an ordinary GET form) and their sub-navigation.</summary>
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
            <form class="period-picker" method="get" action="/coalition">
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
            <li><a href="{Routes.Workbook(period)}" download>{c.T("Descargar el libro consolidado (.xlsx)", "Download the merged workbook (.xlsx)")}</a></li>
            </ul>
            </nav>
            """);
    }

    public static IReadOnlyList<Layout.Crumb> Crumbs(PortalContext c, string title) =>
        [new Layout.Crumb(c.T("Inicio", "Home"), "/"), new Layout.Crumb(c.T("Coalición", "Coalition"), "/coalition"), new Layout.Crumb(title, null)];
}
