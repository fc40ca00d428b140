using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the <i>Datos abiertos</i> page.</summary>
public static class OpenDataTexts
{
    public static readonly LocalizedText Title = new("Datos abiertos", "Open data");
    public static readonly LocalizedText Caption = new("Coalición Regional", "Regional Coalition");
    public static readonly LocalizedText Lead = new(
        "El registro como tablas ordenadas —avance por unidad, actividad y trimestre; envíos; unidades; actividades del plan; cobertura— con las mismas cifras que el libro consolidado, para analizarlas con Excel, Power BI, Python o R.",
        "The record as tidy tables — progress by unit, activity and quarter; submissions; units; plan activities; coverage — with the same figures as the merged workbook, to analyse in Excel, Power BI, Python or R.");
    public static readonly LocalizedText SchemaVersion = new("Versión del esquema", "Schema version");
    public static readonly LocalizedText Stable = new(
        "Las columnas no cambian de nombre ni de significado dentro de una versión mayor.", "Columns keep their names and meanings within a major version.");
    public static readonly LocalizedText Download = new("Descargar el paquete", "Download the package");
    public static readonly LocalizedText Quarter = new("Trimestre", "Quarter");
    public static readonly LocalizedText AllQuarters = new("Todos los trimestres", "All quarters");
    public static readonly LocalizedText Format = new("Formato", "Format");
    public static readonly LocalizedText FormatHint = new(
        "Cada formato viene con su datapackage.json, que describe columnas, tipos y claves.", "Each format comes with its datapackage.json, describing columns, types and keys.");
    public static readonly LocalizedText CsvHint = new("(texto UTF-8, punto decimal; se abre en Excel)", "(UTF-8 text, decimal point; opens in Excel)");
    public static readonly LocalizedText ParquetHint = new("(columnas con tipo; para Power BI, Python o R)", "(typed columns; for Power BI, Python or R)");
    public static readonly LocalizedText DownloadButton = new("Descargar el paquete (.zip)", "Download the package (.zip)");
    public static readonly LocalizedText ForTools = new("Para herramientas que se actualizan solas", "For tools that refresh on their own");
    public static readonly LocalizedText Api = new(
        "La API devuelve cada tabla con la misma sesión (o con un token de Entra ID, como lo pide Power BI):",
        "The API answers each table with the same sign-in (or an Entra ID token, as Power BI asks for one):");
    public static readonly LocalizedText OneTable = new("una tabla (csv, parquet o json)", "one table (csv, parquet or json)");
    public static readonly LocalizedText Descriptor = new(
        "el descriptor: cada columna con su significado, en español e inglés", "the descriptor: each column with its meaning, in Spanish and English");
    public static readonly LocalizedText OpenApi = new("la descripción OpenAPI de la API", "the API's OpenAPI description");
    public static readonly LocalizedText Storage = new(
        "Power BI, Fabric y Synapse también pueden leer el paquete de todos los trimestres en el contenedor exports de la cuenta de almacenamiento (exports/current/), actualizado a los cinco minutos de cada cambio, con el acceso que da la Secretaría Técnica.",
        "Power BI, Fabric and Synapse can also read the package for all quarters from the storage account's exports container (exports/current/), updated within five minutes of each change, with access the Technical Secretariat grants.");
    public static readonly LocalizedText Guide = new(
        "Guía completa —tablas, columnas, una sola definición de ejecutado, versiones y cómo conectar Excel, Power BI y Python—: docs/data.md en la documentación del sistema.",
        "Full guide — tables, columns, one definition of ejecutado, versions, and how to connect Excel, Power BI and Python: docs/data.md in the system's documentation.");
}
