using System.Reflection;
using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServerlessPlan.Core.Presentation;
using ServerlessPlan.Functions.Portal;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// One way to write a page or a mail: a Razor component (<c>docs/presentation.md</c>). Markup written in a C# string —
/// a literal or an interpolated string holding an HTML element — is a second way, with its own encoding rules; so is
/// an interpolated-string handler that builds markup (the portal's <c>Html.Of</c> was one). Literals are read with
/// Roslyn and their text with an HTML parser: an element HTML knows (<c>p</c>, <c>strong</c>, <c>a</c>…) is markup;
/// a regular expression's group (<c>(?&lt;year&gt;…)</c>) or an XML part's element (<c>&lt;sheetData&gt;</c>) is not.
/// </summary>
public sealed class MarkupHomeTests
{
    /// <summary>Files whose markup-looking text is data, each with the reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [Path.Combine("Cli", "Demo", "SampleSheetFiller.cs")] =
            "the demo's hostile observation (a <script> typed into a sheet) is data the pages must show as text, not markup",
    };

    [Fact]
    public void No_source_writes_markup_in_a_string()
    {
        // No file is the home of markup in strings: components are.
        var found = ProductSources.FindOutside(home: "", MarkupLiterals, Allowed.Keys);

        Assert.True(found.Count == 0, "Markup written in C# strings (write it in a component):\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_interpolated_string_handler_builds_markup()
    {
        var handlers = new[] { typeof(RazorHtml).Assembly, typeof(PortalResults).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetCustomAttribute<InterpolatedStringHandlerAttribute>() is not null)
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(handlers);
    }

    [Theory]
    [InlineData("\"<p>Hola</p>\"")]
    [InlineData("$\"\"\"<strong class=\"tag tag--{colour}\">{text}</strong>\"\"\"")]
    [InlineData("$\"<a href='{url}'>{name}</a>\"")]
    [InlineData("\"<br>\"")]
    public void Finds_markup_in_a_string(string expression)
    {
        Assert.NotEmpty(MarkupLiterals(CSharpSyntaxTree.ParseText($"class C {{ object F(object colour, object text, object url, object name) => {expression}; }}")));
    }

    [Theory]
    [InlineData("\"a < b and b > c\"")]
    [InlineData("\"<!-- rules:start -->\"")]
    [InlineData("\"<html\"")]
    [InlineData("\"<row r=\\\"1\\\"><c><v>1</v></c></row>\"")]
    [InlineData("\"Correo <ana@example.org>\"")]
    public void Leaves_text_and_other_markup_languages_alone(string expression)
    {
        Assert.Empty(MarkupLiterals(CSharpSyntaxTree.ParseText($"class C {{ object F() => {expression}; }}")));
    }

    [Fact]
    public void Leaves_attribute_arguments_alone()
    {
        // A generated regular expression's named group may be spelt like an element (<q>, <b>).
        Assert.Empty(MarkupLiterals(CSharpSyntaxTree.ParseText("class C { [GeneratedRegex(@\"^(?<y>\\d{4})-Q(?<q>[1-4])$\")] static partial Regex R(); }")));
    }

    private static IEnumerable<string> MarkupLiterals(SyntaxTree tree)
    {
        var parser = new HtmlParser();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node.Ancestors().OfType<AttributeArgumentSyntax>().Any()) continue;
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(part =>
                    part is InterpolatedStringTextSyntax literalPart ? literalPart.TextToken.ValueText : "x")),
                _ => null,
            };
            if (text is null || !text.Contains('<', StringComparison.Ordinal)) continue;
            if (parser.ParseDocument(text).All.Any(IsMarkup)) yield return node.ToString();
        }
    }

    /// <summary>An element HTML knows, other than the document's frame the parser adds around any text.</summary>
    private static bool IsMarkup(AngleSharp.Dom.IElement element) =>
        element is not IHtmlUnknownElement && element.LocalName is not ("html" or "head" or "body");
}
