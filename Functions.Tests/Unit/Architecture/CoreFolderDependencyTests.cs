namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// A <c>Core/</c> folder is a domain idea; two folders that need each other are one idea in two homes, or a shared idea
/// without its own. The graph is read from the compiled assembly (<see cref="TypeReferences"/>). Ten pairs were
/// measured when this test was written; the ones below remain, each with the idea that sits in the wrong home. The list
/// only shrinks: a new pair fails, and so does a listed pair that is gone (take it off).
/// </summary>
public sealed class CoreFolderDependencyTests
{
    private static readonly Dictionary<string, string> Remaining = new(StringComparer.Ordinal)
    {
        ["Ingestion ⇄ Plan"] = "Plan/Matrix (the plan workbook's import) opens the file through Ingestion's package guard (Ingestion/Packages)",
        ["Plan ⇄ Sheets"] = "Plan/Matrix (the plan workbook) reads and writes cells with Sheets' helpers (SheetCell, PercentageReading, TemplateLayout)",
        ["Plan ⇄ Storage"] = "Plan/Publishing's PublishedPlanStore finds its container through Storage's StorageLayout",
    };

    [Fact]
    public void No_two_core_folders_depend_on_each_other_beyond_the_listed_ones()
    {
        var found = CoreFolderGraph.TwoWayPairs().Where(pair => !Remaining.ContainsKey(PairOf(pair))).ToList();

        Assert.True(found.Count == 0, "Core folders that depend on each other both ways:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Every_listed_pair_still_exists()
    {
        var measured = CoreFolderGraph.TwoWayPairs().Select(PairOf).ToHashSet();

        Assert.All(Remaining.Keys, pair => Assert.True(measured.Contains(pair), $"{pair} no longer depends both ways: take it off the list"));
    }

    [Fact]
    public void The_graph_sees_references_made_only_inside_method_bodies()
    {
        // Without these edges an empty list of pairs above would prove nothing.
        var edges = CoreFolderGraph.Edges();
        Assert.Contains(("Ingestion", "Storage"), edges.Keys);
        Assert.Contains(("Reports", "Plan"), edges.Keys);
        Assert.Contains(("Ingestion", "Findings"), edges.Keys);
        Assert.Contains(("Plan", "Findings"), edges.Keys);
    }

    private static string PairOf(string pair) => pair[..pair.IndexOf(':', StringComparison.Ordinal)];
}
