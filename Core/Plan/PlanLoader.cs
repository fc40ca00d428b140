namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Loads a plan catalog from JSON (format: docs/plan-catalog.md) and validates it; throws
/// <see cref="PlanFormatException"/> listing every problem. Plans ship embedded as <c>Core/Plan/plan-{id}.json</c>;
/// a later plan can also be supplied as a file without a rebuild.
/// </summary>
public static class PlanLoader
{
    private const string FilePrefix = "plan-";
    private const string FileSuffix = ".json";

    public static PlanCatalog Load(Stream json) => Load(json, "plan");

    public static PlanCatalog LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, $"plan file '{path}'");
    }

    public static PlanCatalog LoadEmbedded(string id)
    {
        var source = $"embedded plan '{id}'";
        using var stream = PlanJson.OpenEmbedded(FilePrefix + id + FileSuffix)
            ?? throw new PlanFormatException(source,
                [$"there is no embedded plan '{id}'; available: {string.Join(", ", EmbeddedIds)}. "
                 + "Set Plan__Id to one of them or Plan__File to a plan file."]);
        var catalog = Load(stream, source);
        if (catalog.Id != id)
            throw new PlanFormatException(source, [$"the file plan-{id}.json declares id '{catalog.Id}'"]);
        return catalog;
    }

    /// <summary>The ids of the plans compiled into Core, in order.</summary>
    public static IReadOnlyList<string> EmbeddedIds =>
        PlanJson.Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(PlanJson.ResourcePrefix + FilePrefix, StringComparison.Ordinal)
                        && n.EndsWith(FileSuffix, StringComparison.Ordinal))
            .Select(n => n[(PlanJson.ResourcePrefix.Length + FilePrefix.Length)..^FileSuffix.Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    internal static PlanCatalog Load(Stream json, string source) =>
        PlanDocumentReader.Read(PlanJson.Deserialize<PlanDocument>(json, source), source);
}
