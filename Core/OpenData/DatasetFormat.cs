namespace ServerlessPlan.Core.OpenData;

/// <summary>How the package's tables are written: RFC 4180 CSV or typed Parquet (and JSON for the API's single tables).</summary>
public enum DatasetFormat
{
    Csv,
    Parquet,
    Json,
}

public static class DatasetFormats
{
    /// <summary>The words <c>csv</c>, <c>parquet</c> and <c>json</c>, as the CLI and the API take them (any case).</summary>
    public static bool TryParse(string? text, out DatasetFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "csv": format = DatasetFormat.Csv; return true;
            case "parquet": format = DatasetFormat.Parquet; return true;
            case "json": format = DatasetFormat.Json; return true;
            default: format = DatasetFormat.Csv; return false;
        }
    }

    public static string Extension(this DatasetFormat format) => format switch
    {
        DatasetFormat.Parquet => "parquet",
        DatasetFormat.Json => "json",
        _ => "csv",
    };

    public static string MediaType(this DatasetFormat format) => format switch
    {
        DatasetFormat.Parquet => "application/vnd.apache.parquet",
        DatasetFormat.Json => "application/json",
        _ => "text/csv",
    };
}
