using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// The product's own sources (Core, Functions, LocalHost, Cli, Bench; not the tests, which write their expectations
/// independently of the code they check), for the architecture tests that read source rather than the compiled
/// assembly: what they look for (a route's path, a culture's name, markup) is text that compiles away.
/// </summary>
internal static class ProductSources
{
    private static readonly string[] Projects = ["Core", "Functions", "LocalHost", "Cli", "Bench"];

    /// <summary>Every file matching <paramref name="pattern"/> (<c>*.cs</c>, <c>*.razor</c>), build outputs left out.</summary>
    public static IEnumerable<string> Files(string pattern) =>
        Projects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(CompiledTemplate.RepoRoot, project), pattern, SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>A C# file parsed with Roslyn (syntax only: no compilation is needed to find what these tests look for).</summary>
    public static SyntaxTree Parse(string file) => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);

    /// <summary>
    /// What <paramref name="find"/> finds in every C# file but <paramref name="home"/> (a path from the repository's
    /// root, the one place the thing found belongs) and <paramref name="allowed"/>, each as "file: text".
    /// </summary>
    public static IReadOnlyList<string> FindOutside(string home, Func<SyntaxTree, IEnumerable<string>> find, IEnumerable<string>? allowed = null)
    {
        var skipped = new HashSet<string>(allowed ?? [], StringComparer.Ordinal) { home };
        return Files("*.cs")
            .Where(file => !skipped.Contains(Relative(file)))
            .SelectMany(file => find(Parse(file)).Select(text => $"{Relative(file)}: {text}"))
            .ToList();
    }

    /// <summary>The file's path from the repository's root, as a failing test names it.</summary>
    public static string Relative(string file) => Path.GetRelativePath(CompiledTemplate.RepoRoot, file);
}
