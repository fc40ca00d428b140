using System.Reflection;
using AngleSharp.Html.Parser;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ServerlessPlan.Core.Links;
using ServerlessPlan.Functions.Portal;
using ServerlessPlan.Tests.Unit.Infra;

namespace ServerlessPlan.Tests.Unit.Architecture;

/// <summary>
/// Every route has one home, <see cref="PortalRoutes"/>: the triggers take its constants, the pages and the mails
/// fill them. A path written anywhere else would drift from the route it means the day one of them changes.
/// </summary>
public sealed class RouteTemplateTests
{
    private const string HttpTrigger = "Microsoft.Azure.Functions.Worker.HttpTriggerAttribute";

    private static readonly string[] Templates = typeof(PortalRoutes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>(function, route) for every HTTP trigger in the Functions app.</summary>
    private static IEnumerable<(string Function, string? Route)> TriggerRoutes() =>
        from type in typeof(HomeFunction).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        from parameter in method.GetParameters()
        from attribute in parameter.CustomAttributes
        where attribute.AttributeType.FullName == HttpTrigger
        select ($"{type.Name}.{method.Name}",
            attribute.NamedArguments.Where(a => a.MemberName == "Route").Select(a => (string?)a.TypedValue.Value).FirstOrDefault());

    [Fact]
    public void Every_http_trigger_takes_its_route_from_the_one_home()
    {
        var triggers = TriggerRoutes().ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, trigger => Assert.True(trigger.Route is not null && Templates.Contains(trigger.Route),
            $"{trigger.Function}: route '{trigger.Route}' is not a PortalRoutes constant"));
    }

    [Fact]
    public void Every_route_in_the_one_home_is_served()
    {
        var served = TriggerRoutes().Select(trigger => trigger.Route).ToHashSet();

        // The API's first segment is a prefix (where errors are problem JSON), not a route of its own.
        Assert.All(Templates.Where(template => template != PortalRoutes.ApiPrefix), template => Assert.Contains(template, served));
    }

    [Fact]
    public void No_source_outside_the_one_home_writes_a_route()
    {
        var home = Path.Combine(CompiledTemplate.RepoRoot, "Core", "Links", "PortalRoutes.cs");
        var found = ProductSources.Files("*.cs")
            .Where(file => file != home)
            .SelectMany(file => RouteLiterals(file).Select(literal => $"{ProductSources.Relative(file)}: \"{literal}\""))
            .Concat(ProductSources.Files("*.razor").SelectMany(file =>
                RouteAttributes(file).Select(value => $"{ProductSources.Relative(file)}: \"{value}\"")))
            .ToList();

        Assert.True(found.Count == 0, "Route paths written outside Core/Links/PortalRoutes.cs:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("\"/coalition\"")]
    [InlineData("\"coalition/2021-Q3/workbook\"")]
    [InlineData("$\"/units/{unit}/{period}\"")]
    [InlineData("$\"{baseUrl}/coalition/{period}\"")]
    [InlineData("$\"\"\"<a href=\"/.auth/logout\">\"\"\"")]
    [InlineData("$\"{server}api/templates/GT/2021-Q4\"")]
    public void Finds_a_route_written_as_a_literal(string expression)
    {
        Assert.NotEmpty(Literals(CSharpSyntaxTree.ParseText($"class C {{ object F(object unit, object period, object baseUrl, object server) => {expression}; }}")));
    }

    [Theory]
    [InlineData("\"The coalition's eight members\"")]
    [InlineData("\"application/json\"")]
    [InlineData("\"Para revisar el archivo, envíelo a la API\"")]
    [InlineData("\"units\"")]
    public void Leaves_prose_and_other_paths_alone(string expression)
    {
        Assert.Empty(Literals(CSharpSyntaxTree.ParseText($"class C {{ object F() => {expression}; }}")));
    }

    [Fact]
    public void Finds_a_route_written_in_a_components_markup()
    {
        Assert.Equal(new[] { "/.auth/logout" }, Attributes("""<p>@if (signedIn) {<a class="x" href="/.auth/logout">@T(Texts.SignOut)</a>}</p>"""));
        Assert.Empty(Attributes("""<a href="@Routes.SignOut">x</a> <a href="/">home</a>"""));
    }

    /// <summary>A component's markup, read with an HTML parser: attribute values that hold a route's path.</summary>
    private static IEnumerable<string> RouteAttributes(string file) => Attributes(File.ReadAllText(file));

    private static IEnumerable<string> Attributes(string markup)
    {
        var segments = Segments();
        return new HtmlParser().ParseDocument(markup).All
            .SelectMany(element => element.Attributes)
            .Select(attribute => attribute.Value)
            .Where(value => segments.Any(segment => HoldsPath(value, segment)))
            .ToList();
    }

    private static string[] Segments() => Templates.Select(t => t.Split('/')[0]).Where(s => !s.StartsWith('{')).Distinct().ToArray();

    private static IEnumerable<string> RouteLiterals(string file) => Literals(ProductSources.Parse(file));

    /// <summary>
    /// Literal text (a string, or a text part of an interpolated string) holding a path in one of the routes' first
    /// segments (<c>units</c>, <c>coalition</c>, <c>api</c>, <c>.auth</c>, <c>assets</c>): the segment begins the text
    /// or follows a slash, ends it or is followed by a slash or a query, and touches a slash, as in <c>"/coalition"</c>
    /// or <c>$"{base}/units/{unit}"</c> — not "the coalition's members", nor a table named "units".
    /// </summary>
    private static IEnumerable<string> Literals(SyntaxTree tree)
    {
        var segments = Segments();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringTextSyntax part => part.TextToken.ValueText,
                _ => null,
            };
            if (text is not null && segments.Any(segment => HoldsPath(text, segment))) yield return text;
        }
    }

    private static bool HoldsPath(string text, string segment)
    {
        for (var at = text.IndexOf(segment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(segment, at + 1, StringComparison.Ordinal))
        {
            var end = at + segment.Length;
            var slashBefore = at > 0 && text[at - 1] == '/';
            var slashAfter = end < text.Length && text[end] is '/' or '?';
            // A path: the segment touches a slash, begins the text or follows one, and ends the text or a segment.
            if ((at == 0 || slashBefore) && (end == text.Length || slashAfter) && (slashBefore || slashAfter)) return true;
        }
        return false;
    }
}
