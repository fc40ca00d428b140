namespace ServerlessPlan.Core.Sheets;

/// <summary>The Excel workbook format every download, attachment and stored copy is served as.</summary>
public static class Xlsx
{
    /// <summary>The media type of an .xlsx package (ECMA-376), for HTTP responses, blobs and mail attachments.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
