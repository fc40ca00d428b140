using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.OpenData.Exports;

/// <summary>
/// <c>manifest.json</c> of a snapshot and of <c>current/</c>: which snapshot, the key of the record it holds
/// (<see cref="PackageKey"/>), when that record was read, and what it holds. A snapshot's manifest is created first
/// with <see cref="Complete"/> false (the claim of its folder) and made complete when every file is written; the one
/// in <c>current/</c> is written after its files and names the complete snapshot they were copied from.
/// </summary>
public sealed record ExportManifest(
    [property: JsonPropertyName("schemaVersion")] string SchemaVersion,
    [property: JsonPropertyName("snapshot")] string Snapshot,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("readAt")] DateTimeOffset ReadAt,
    [property: JsonPropertyName("complete")] bool Complete,
    [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats,
    [property: JsonPropertyName("periods")] IReadOnlyList<string> Periods,
    [property: JsonPropertyName("rows")] IReadOnlyDictionary<string, long> Rows)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public BinaryData ToBinary() => BinaryData.FromObjectAsJson(this, Json);

    public static ExportManifest? Parse(BinaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            return data.ToObjectFromJson<ExportManifest>(Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
