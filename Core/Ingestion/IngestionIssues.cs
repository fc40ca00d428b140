using ServerlessPlan.Core.Ingestion.Validation;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>Findings about where an upload was put, before its content is looked at.</summary>
public static class IngestionIssues
{
    /// <summary>{0} the blob path found.</summary>
    public static readonly IssueType UploadPathInvalid = new("UPLOAD_PATH_INVALID", IssueSeverity.Error,
        "El archivo «{0}» no está en una carpeta válida. Súbalo como uploads/{{unidad}}/{{período}}/{{archivo}}.xlsx, por ejemplo uploads/GT/2021-Q3/informe.xlsx.",
        "File «{0}» is not in a valid folder. Upload it as uploads/{{unit}}/{{period}}/{{file}}.xlsx, e.g. uploads/GT/2021-Q3/report.xlsx.");
}
