using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// One way to pick the language someone reads: <see cref="LanguageChoice"/>. Six ways were found when this test was
/// written (a page's query and cookie, the API's query, the validation's unit, the template's unit, a mail's unit or
/// setting), each with its own fallback to Spanish. A fallback written anywhere else — <c>x ?? Language.Es</c>, or
/// <c>LanguageCodes.TryParse</c> whose answer is ignored so that its out value (Spanish) stands — is a second way.
/// </summary>
public sealed class LanguageChoiceHomeTests
{
    [Fact]
    public void No_source_outside_the_one_home_falls_back_to_a_language()
    {
        var found = ProductSources.FindOutside(Path.Combine("Core", "Localization", "LanguageChoice.cs"), Fallbacks);

        Assert.True(found.Count == 0, "Languages chosen outside Core/Localization/LanguageChoice.cs (use LanguageChoice):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("var l = unit?.Language ?? Language.Es;")]
    [InlineData("var l = asked ?? Core.Localization.Language.En;")]
    [InlineData("LanguageCodes.TryParse(code, out var l);")]
    public void Finds_a_fallback_written_elsewhere(string statement)
    {
        Assert.NotEmpty(Fallbacks(CSharpSyntaxTree.ParseText($"class C {{ void F(string code, Language? asked, dynamic unit) {{ {statement} }} }}")));
    }

    [Theory]
    [InlineData("var l = LanguageChoice.For(asked, unit?.Language);")]
    [InlineData("var l = asked ?? fallback;")]
    [InlineData("if (!LanguageCodes.TryParse(code, out var l)) return;")]
    [InlineData("var ok = LanguageCodes.TryParse(code, out _);")]
    public void Leaves_the_one_rule_and_checked_parses_alone(string statement)
    {
        Assert.Empty(Fallbacks(CSharpSyntaxTree.ParseText($"class C {{ void F(string code, Language? asked, Language fallback, dynamic unit) {{ {statement} }} }}")));
    }

    private static IEnumerable<string> Fallbacks(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var found = node switch
            {
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: MemberAccessExpressionSyntax right }
                    when IsLanguage(right.Expression) => true,
                ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } }
                    when call.Name.Identifier.ValueText == nameof(LanguageCodes.TryParse) && call.Expression.ToString().EndsWith(nameof(LanguageCodes), StringComparison.Ordinal) => true,
                _ => false,
            };
            if (found) yield return node.ToString();
        }
    }

    private static bool IsLanguage(ExpressionSyntax type) => type.ToString() is nameof(Language) || type.ToString().EndsWith("." + nameof(Language), StringComparison.Ordinal);
}
