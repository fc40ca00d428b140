using System.Reflection;
using ServerlessPlan.Core;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// Which top-level <c>Core/</c> folder refers to which, measured on the compiled Core assembly (a folder is the
/// namespace segment after <c>ServerlessPlan.Core</c>; the root namespace is the composition root and may reach
/// every folder). Each edge keeps one example reference, so a failing test says where to look.
/// </summary>
internal static class CoreFolderGraph
{
    private const string Root = "ServerlessPlan.Core";

    public static Assembly Core => typeof(ServiceCollectionExtensions).Assembly;

    /// <summary>(from, to) → one "FromType → ToType" example.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> Edges()
    {
        var edges = new SortedDictionary<(string, string), string>();
        foreach (var type in Core.GetTypes())
        {
            if (FolderOf(type) is not { } from) continue;
            foreach (var referenced in TypeReferences.Of(type))
            {
                if (referenced.Assembly != Core || FolderOf(referenced) is not { } to || to == from) continue;
                edges.TryAdd((from, to), $"{Name(type)} → {Name(referenced)}");
            }
        }
        return edges;
    }

    /// <summary>Pairs of folders that depend on each other both ways, each with its two examples.</summary>
    public static IReadOnlyList<string> TwoWayPairs()
    {
        var edges = Edges();
        return edges.Keys
            .Where(edge => string.CompareOrdinal(edge.From, edge.To) < 0 && edges.ContainsKey((edge.To, edge.From)))
            .Select(edge => $"{edge.From} ⇄ {edge.To}: {edges[edge]}; {edges[(edge.To, edge.From)]}")
            .ToList();
    }

    private static string? FolderOf(Type type)
    {
        var space = type.Namespace;
        if (space is null || !space.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        var rest = space[(Root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static string Name(Type type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
    }
}
