namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>The namespaces and types the annotated copy writes, in their transitional and strict forms.</summary>
internal static class Ooxml
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    public const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

    public static bool IsStrict(string mainNamespace) => mainNamespace == StrictMain;

    /// <summary>The relationship namespace that goes with a workbook's main namespace.</summary>
    public static string RelationshipsFor(string mainNamespace) =>
        IsStrict(mainNamespace) ? Sheets.Reading.WorkbookPackage.StrictRelationships : Sheets.Reading.WorkbookPackage.TransitionalRelationships;
}
