using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Packages;

/// <summary>What a file that is not a workbook looks like, for the <c>{0}</c> of <see cref="PackageIssues.NotAWorkbook"/>.</summary>
public static class ContentHints
{
    public static readonly LocalizedText CsvOrText = new(
        "parece un archivo CSV o de texto renombrado a .xlsx",
        "it looks like a CSV or text file renamed to .xlsx");

    public static readonly LocalizedText Html = new(
        "parece una página HTML renombrada a .xlsx",
        "it looks like an HTML page renamed to .xlsx");

    public static readonly LocalizedText Xml2003 = new(
        "parece una hoja «XML 2003» de Excel renombrada a .xlsx",
        "it looks like an Excel \"XML 2003\" spreadsheet renamed to .xlsx");

    public static readonly LocalizedText Pdf = new(
        "parece un documento PDF",
        "it looks like a PDF document");

    public static readonly LocalizedText OtherOfficeDocument = new(
        "parece otro tipo de documento de Office (por ejemplo, de Word)",
        "it looks like another kind of Office document (for example, a Word one)");

    public static readonly LocalizedText Unknown = new(
        "su contenido no corresponde a ningún formato de hoja de cálculo conocido",
        "its content does not match any known spreadsheet format");
}
