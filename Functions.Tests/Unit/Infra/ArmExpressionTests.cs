using System.Text.Json.Nodes;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The evaluator the template tests rely on, on expressions shaped like the ones Bicep emits.</summary>
public sealed class ArmExpressionTests
{
    private static ArmScope Scope(string templateJson, JsonObject? parameters = null) =>
        ArmScope.Root(JsonNode.Parse(templateJson)!.AsObject(), parameters ?? []);

    [Fact]
    public void Format_keeps_escaped_braces_and_quotes_and_fills_parameters()
    {
        var scope = Scope("""{ "parameters": { "unit": { "type": "string", "defaultValue": "GT" } } }""");

        var value = ArmExpression.Evaluate("[format('ActionMatches{{''x''}} StringStartsWith ''{0}/''', parameters('unit'))]", scope);

        Assert.Equal("ActionMatches{'x'} StringStartsWith 'GT/'", ArmFunctions.Text(value));
    }

    [Fact]
    public void Copy_loop_over_items_visits_each_key_in_order_with_its_value()
    {
        var scope = Scope("""{ "parameters": { "groups": { "type": "object" } } }""",
            new JsonObject { ["groups"] = new JsonObject { ["ST"] = "s", ["CR"] = "c" } });

        var pairs = Enumerable.Range(0, 2)
            .Select(i => scope.WithCopyIndex(i))
            .Select(s => ArmFunctions.Text(ArmExpression.Evaluate(
                "[concat(items(parameters('groups'))[copyIndex()].key, '=', items(parameters('groups'))[copyIndex()].value)]", s)));

        Assert.Equal(["CR=c", "ST=s"], pairs);
    }

    [Fact]
    public void Runtime_only_functions_stay_opaque_but_distinct_per_property()
    {
        var scope = Scope("{}");

        var clientId = ArmFunctions.Text(ArmExpression.Evaluate("[reference('id', '2023-01-31').clientId]", scope));
        var principalId = ArmFunctions.Text(ArmExpression.Evaluate("[reference('id', '2023-01-31').principalId]", scope));

        Assert.Equal("⟨reference(id, 2023-01-31).clientId⟩", clientId);
        Assert.NotEqual(clientId, principalId);
        Assert.Equal("[not an expression]", ArmFunctions.Text(scope.Evaluate(JsonValue.Create("[[not an expression]"))));
    }
}
