using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// One culture per language, in one home: <see cref="LanguageCultures"/> (es-ES, en-GB). Text people read formats its
/// numbers and dates with <c>language.Culture()</c>; a culture made from a name anywhere else is a second "English" or
/// "Spanish" (three Englishes were found when this test was written: en-GB, en-US and the invariant culture).
/// <para>
/// Allowed everywhere, because it is no language: the invariant culture (<c>CultureInfo.InvariantCulture</c>, or a
/// culture made from the empty name), which formats what programs read — JSON reports, CSV and Parquet exports, blob
/// names and metadata, the template's <c>_metadata</c> cells, ISO dates and times — and must not change with the
/// reader's language.
/// </para>
/// </summary>
public sealed class CultureHomeTests
{
    private static readonly string[] Factories = ["GetCultureInfo", "CreateSpecificCulture", "GetCultureInfoByIetfLanguageTag"];

    [Fact]
    public void No_source_outside_the_one_home_makes_a_culture_from_a_name()
    {
        var found = ProductSources.FindOutside(Path.Combine("Core", "Localization", "LanguageCultures.cs"), Cultures);

        Assert.True(found.Count == 0,
            "Cultures made outside Core/Localization/LanguageCultures.cs (use language.Culture(), or CultureInfo.InvariantCulture for what programs read):\n"
            + string.Join("\n", found));
    }

    [Fact]
    public void The_one_home_holds_one_culture_per_language()
    {
        Assert.Equal("es-ES", Language.Es.Culture().Name);
        Assert.Equal("en-GB", Language.En.Culture().Name);
        Assert.Equal(Enum.GetValues<Language>().Length, Enum.GetValues<Language>().Select(l => l.Culture()).Distinct().Count());
    }

    [Theory]
    [InlineData("CultureInfo.GetCultureInfo(\"en-US\")")]
    [InlineData("System.Globalization.CultureInfo.GetCultureInfo(\"es\")")]
    [InlineData("new CultureInfo(\"es-ES\")")]
    [InlineData("CultureInfo.CreateSpecificCulture(\"en\")")]
    [InlineData("CultureInfo.GetCultureInfo(name)")]
    public void Finds_a_culture_made_from_a_name(string expression)
    {
        Assert.NotEmpty(Cultures(CSharpSyntaxTree.ParseText($"class C {{ object F(string name) => {expression}; }}")));
    }

    [Fact]
    public void Finds_a_culture_made_with_a_target_typed_new()
    {
        Assert.NotEmpty(Cultures(CSharpSyntaxTree.ParseText("class C { static readonly CultureInfo English = new(\"en-GB\"); }")));
    }

    [Theory]
    [InlineData("CultureInfo.InvariantCulture")]
    [InlineData("CultureInfo.GetCultureInfo(\"\")")]
    [InlineData("new CultureInfo(string.Empty)")]
    [InlineData("language.Culture()")]
    [InlineData("CultureInfo.GetCultures(CultureTypes.AllCultures)")]
    public void Leaves_the_invariant_culture_and_the_one_home_alone(string expression)
    {
        Assert.Empty(Cultures(CSharpSyntaxTree.ParseText($"class C {{ object F(Language language) => {expression}; }}")));
    }

    /// <summary>
    /// Cultures made from a name: <c>CultureInfo.GetCultureInfo(…)</c> (and its siblings) or <c>new CultureInfo(…)</c>,
    /// also target-typed (<c>CultureInfo x = new(…)</c>), unless the name is the invariant culture's (empty).
    /// </summary>
    private static IEnumerable<string> Cultures(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var arguments = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                    when Factories.Contains(access.Name.Identifier.ValueText) && IsCultureInfo(access.Expression) => invocation.ArgumentList,
                ObjectCreationExpressionSyntax creation when IsCultureInfo(creation.Type) => creation.ArgumentList,
                ImplicitObjectCreationExpressionSyntax creation when DeclaredAsCultureInfo(creation) => creation.ArgumentList,
                _ => null,
            };
            if (arguments is not null && !NamesTheInvariantCulture(arguments)) yield return node.ToString();
        }
    }

    private static bool IsCultureInfo(SyntaxNode type) => type.ToString() is "CultureInfo" or "System.Globalization.CultureInfo" or "global::System.Globalization.CultureInfo";

    private static bool DeclaredAsCultureInfo(SyntaxNode creation) =>
        creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }
        && IsCultureInfo(declaration.Type);

    private static bool NamesTheInvariantCulture(ArgumentListSyntax? arguments) =>
        arguments?.Arguments.FirstOrDefault()?.Expression is { } name
        && (name is LiteralExpressionSyntax { Token.ValueText: "" } || name.ToString() == "string.Empty");
}
