namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// A <c>Core/</c> folder is a domain idea; two folders that need each other are one idea in two homes, or a shared idea
/// without its own. The graph is read from the compiled assembly (<see cref="TypeReferences"/>). Ten pairs were
/// measured when this test was first written; each was broken by giving the shared idea its home (the findings types in
/// <c>Findings/</c>, the package guard in <c>Packages/</c>, the plan workbook in <c>PlanWorkbook/</c>, the published
/// plans' container handed over by the storage area), so any pair now fails.
/// </summary>
public sealed class CoreFolderDependencyTests
{
    [Fact]
    public void No_two_core_folders_depend_on_each_other()
    {
        var found = CoreFolderGraph.TwoWayPairs();

        Assert.True(found.Count == 0, "Core folders that depend on each other both ways:\n" + string.Join("\n", found));
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
        Assert.Contains(("PlanWorkbook", "Packages"), edges.Keys);
        Assert.Contains(("Storage", "Plan"), edges.Keys);
    }
}
