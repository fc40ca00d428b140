using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the coalition pages' period picker and sub-navigation, and of their common parts.</summary>
public static class CoalitionNavTexts
{
    public static readonly LocalizedText Quarter = new("Trimestre", "Quarter");
    public static readonly LocalizedText Show = new("Ver", "Show");
    public static readonly LocalizedText Sections = new("Secciones de la coalición", "Coalition sections");
    public static readonly LocalizedText Board = new("Cumplimiento", "Completeness");
    public static readonly LocalizedText Progress = new("Avance regional", "Regional progress");
    public static readonly LocalizedText Digest = new("Resumen para la Presidencia", "Presidency digest");
    public static readonly LocalizedText OpenData = new("Datos abiertos", "Open data");
    public static readonly LocalizedText Trends = new("Tendencias", "Trends");
    public static readonly LocalizedText Workbook = new("Descargar el libro consolidado (.xlsx)", "Download the merged workbook (.xlsx)");
    public static readonly LocalizedText Operations = new("Operación del sistema", "System operations");
    public static readonly LocalizedText Home = new("Inicio", "Home");
    public static readonly LocalizedText Coalition = new("Coalición", "Coalition");
    public static readonly LocalizedText RegionalCoalition = new("Coalición Regional", "Regional Coalition");
}
