using System.Reflection;
using ServerlessPlan.Tests.Browser;
using ServerlessPlan.Tests.Support;

namespace ServerlessPlan.Tests.Unit.Suite;

/// <summary>
/// The fast run (<c>scripts/test.sh --fast</c>) stays honest: every test whose class reaches Azurite or Chromium through
/// its fixtures carries the <c>Needs</c> trait that keeps it out, every <c>Needs</c> value is one the script leaves out,
/// and the script leaves out every one. The helpers reached without a fixture (LibreOffice, the compiled Bicep,
/// PowerShell) fail their test in the fast run instead (<see cref="Needs.Require"/>).
/// </summary>
public sealed class NeedsTraitTests
{
    private static readonly IReadOnlyList<MethodInfo> TestMethods =
        [.. from type in typeof(NeedsTraitTests).Assembly.GetTypes()
            where type is { IsClass: true, IsAbstract: false }
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            where method.GetCustomAttributes<FactAttribute>().Any()
            select method];

    [Fact]
    public void Every_test_of_a_class_with_an_Azurite_or_Chromium_fixture_carries_the_trait_that_keeps_it_out_of_the_fast_run()
    {
        var reached = TestMethods.Select(m => (Method: m, Needed: FixtureNeeds(m.DeclaringType!))).Where(t => t.Needed.Count > 0).ToList();
        // The rule would hold of nothing if the fixtures were no longer found: the storage and browser tests are there.
        Assert.Contains(reached, t => t.Needed.Contains(Needs.Azurite));
        Assert.Contains(reached, t => t.Needed.Contains(Needs.Browser));

        var unmarked = reached
            .SelectMany(t => t.Needed.Except(TraitNeeds(t.Method)).Select(need => $"{t.Method.DeclaringType!.FullName}.{t.Method.Name} lacks [Trait(Needs.Trait, Needs.{need})]"))
            .ToList();
        Assert.Empty(unmarked);
    }

    [Fact]
    public void Every_Needs_value_is_one_the_fast_run_leaves_out()
    {
        var values = TestMethods.SelectMany(TraitNeeds).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(Needs.All.ToHashSet(StringComparer.Ordinal), values);
    }

    [Fact]
    public void The_fast_run_of_scripts_test_sh_leaves_out_exactly_the_needs_named_here()
    {
        // test.sh names them once, in the array it builds the filter and TESTS_WITHOUT from.
        var line = Assert.Single(File.ReadLines(Path.Combine(AzuriteFixture.RepoRoot(), "scripts", "test.sh")), l => l.StartsWith("without_needs=(", StringComparison.Ordinal));
        var listed = line["without_needs=(".Length..line.IndexOf(')', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Needs.All.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        // In the fast run itself, the tests are told the same list.
        if (Needs.Missing.Count > 0) Assert.Equal(Needs.All.Order(StringComparer.Ordinal), Needs.Missing.Order(StringComparer.Ordinal));
    }

    /// <summary>What a test class reaches through xunit's fixtures: the Azurite collection, fixtures in its constructor or class fixtures.</summary>
    private static HashSet<string> FixtureNeeds(Type type)
    {
        var fixtures = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
            .Concat(type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>)).Select(i => i.GetGenericArguments()[0]))
            .ToHashSet();
        var collection = type.GetCustomAttributesData().Where(a => a.AttributeType == typeof(CollectionAttribute))
            .Select(a => a.ConstructorArguments[0].Value as string).FirstOrDefault();
        var needs = new HashSet<string>(StringComparer.Ordinal);
        if (collection == AzuriteCollection.Name || fixtures.Contains(typeof(AzuriteFixture))) needs.Add(Needs.Azurite);
        if (fixtures.Contains(typeof(ChromiumFixture))) needs.Add(Needs.Browser);
        return needs;
    }

    /// <summary>The <c>Needs</c> traits a test carries, on its method or its class (xunit applies both).</summary>
    private static IEnumerable<string> TraitNeeds(MethodInfo method) =>
        method.GetCustomAttributesData().Concat(method.DeclaringType!.GetCustomAttributesData())
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == Needs.Trait)
            .Select(a => (string)a.ConstructorArguments[1].Value!);
}
