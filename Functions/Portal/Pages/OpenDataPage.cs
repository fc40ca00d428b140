using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>
/// <i>Datos abiertos</i> (<c>/coalition/data</c>): the package for a quarter or for all of them, in CSV or Parquet, as
/// a zip (an ordinary GET form: no script needed), the API and the descriptor for tools that read on a schedule, the
/// <c>exports</c> container for BI tools, and the schema version (docs/data.md).
/// </summary>
public static class OpenDataPage
{
    public static Html Render(PortalContext c, IReadOnlyList<ReportingPeriod> periods, ReportingPeriod suggested)
    {
        var title = c.T("Datos abiertos", "Open data");
        var options = periods.OrderByDescending(p => p).Select(p => Html.Of($"""<option value="{p.ToString()}">{PortalFormat.Quarter(p, c.Language)} ({p.ToString()})</option>"""));
        var example = $"/api/v1/datasets/progress?period={suggested}&format=csv";
        var body = Html.Of($"""
            <span class="caption">{c.T("Coalición Regional", "Regional Coalition")}</span>
            <h1 class="heading-l">{title}</h1>
            <p class="body">{c.T("El registro como tablas ordenadas —avance por unidad, actividad y trimestre; envíos; unidades; actividades del plan; cobertura— con las mismas cifras que el libro consolidado, para analizarlas con Excel, Power BI, Python o R.",
                "The record as tidy tables — progress by unit, activity and quarter; submissions; units; plan activities; coverage — with the same figures as the merged workbook, to analyse in Excel, Power BI, Python or R.")}</p>
            <p class="body">{c.T("Versión del esquema", "Schema version")}: <strong id="schema-version">{OpenDataSchema.Version}</strong>.
            {c.T("Las columnas no cambian de nombre ni de significado dentro de una versión mayor.", "Columns keep their names and meanings within a major version.")}</p>

            <h2 class="heading-m" id="download">{c.T("Descargar el paquete", "Download the package")}</h2>
            <form method="get" action="{Routes.OpenDataPackage}">
            <div class="form-group"><label class="label" for="period">{c.T("Trimestre", "Quarter")}</label>
            <select id="period" name="period">
            <option value="all" selected>{c.T("Todos los trimestres", "All quarters")}</option>
            {options}
            </select></div>
            <fieldset class="form-group radios" aria-describedby="format-hint">
            <legend class="label">{c.T("Formato", "Format")}</legend>
            <p class="hint" id="format-hint">{c.T("Cada formato viene con su datapackage.json, que describe columnas, tipos y claves.", "Each format comes with its datapackage.json, describing columns, types and keys.")}</p>
            <label><input type="radio" name="format" value="csv" checked> CSV <span class="hint">{c.T("(texto UTF-8, punto decimal; se abre en Excel)", "(UTF-8 text, decimal point; opens in Excel)")}</span></label>
            <label><input type="radio" name="format" value="parquet"> Parquet <span class="hint">{c.T("(columnas con tipo; para Power BI, Python o R)", "(typed columns; for Power BI, Python or R)")}</span></label>
            </fieldset>
            <button class="button" type="submit">{c.T("Descargar el paquete (.zip)", "Download the package (.zip)")}</button>
            </form>

            <h2 class="heading-m" id="api">{c.T("Para herramientas que se actualizan solas", "For tools that refresh on their own")}</h2>
            <p class="body">{c.T("La API devuelve cada tabla con la misma sesión (o con un token de Entra ID, como lo pide Power BI):",
                "The API answers each table with the same sign-in (or an Entra ID token, as Power BI asks for one):")}</p>
            <ul>
            <li><a href="{example}">{example}</a> — {c.T("una tabla (csv, parquet o json)", "one table (csv, parquet or json)")}</li>
            <li><a href="/api/v1/datapackage">/api/v1/datapackage</a> — {c.T("el descriptor: cada columna con su significado, en español e inglés", "the descriptor: each column with its meaning, in Spanish and English")}</li>
            <li><a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — {c.T("la descripción OpenAPI de la API", "the API's OpenAPI description")}</li>
            </ul>
            <p class="body">{c.T("Power BI, Fabric y Synapse también pueden leer el paquete de todos los trimestres en el contenedor exports de la cuenta de almacenamiento (exports/current/), actualizado a los cinco minutos de cada cambio, con el acceso que da la Secretaría Técnica.",
                "Power BI, Fabric and Synapse can also read the package for all quarters from the storage account's exports container (exports/current/), updated within five minutes of each change, with access the Technical Secretariat grants.")}</p>
            <p class="hint">{c.T("Guía completa —tablas, columnas, una sola definición de ejecutado, versiones y cómo conectar Excel, Power BI y Python—: docs/data.md en la documentación del sistema.",
                "Full guide — tables, columns, one definition of ejecutado, versions, and how to connect Excel, Power BI and Python: docs/data.md in the system's documentation.")}</p>
            """);
        return Layout.Render(c, title, body, CoalitionNav.Crumbs(c, title));
    }
}
