using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Packages;

/// <summary>Limits applied to every upload before it is parsed. Section <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest accepted upload, in bytes (default 10 MiB).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most entries a workbook package may hold.</summary>
    [Range(1, 100_000)]
    public int MaxZipEntries { get; set; } = 2_000;

    /// <summary>
    /// Most bytes the whole package may inflate to, declared or actual (default 100 MiB). The guard inflates up to
    /// this much per upload, so the ceiling (1 GiB) also bounds how long one hostile upload can keep it busy.
    /// </summary>
    [Range(1024, 1L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 100L * 1024 * 1024;
}
