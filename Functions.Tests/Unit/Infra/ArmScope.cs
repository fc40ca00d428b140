using System.Text.Json.Nodes;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// One (nested) ARM template with its parameter values: evaluates its expressions and walks into the modules Bicep
/// compiles to nested deployments, passing them the values the parent computes.
/// </summary>
public sealed class ArmScope : ArmExpression.IContext
{
    private readonly JsonObject _template;
    private readonly Dictionary<string, JsonNode?> _supplied;
    private readonly int? _copyIndex;
    private readonly JsonObject? _resourceGroupTags;

    private ArmScope(JsonObject template, Dictionary<string, JsonNode?> supplied, int? copyIndex, JsonObject? resourceGroupTags)
    {
        _template = template;
        _supplied = supplied;
        _copyIndex = copyIndex;
        _resourceGroupTags = resourceGroupTags;
    }

    /// <summary>
    /// The top-level template deployed with <paramref name="parameters"/> (the rest take their defaults), into a resource
    /// group whose tags before the deployment are <paramref name="resourceGroupTags"/> (null: unknown).
    /// </summary>
    public static ArmScope Root(JsonObject template, JsonObject parameters, JsonObject? resourceGroupTags = null) =>
        new(template, new(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())), StringComparer.OrdinalIgnoreCase), null, resourceGroupTags);

    /// <summary>The template as JSON (for assertions on its structure).</summary>
    public JsonObject Template => _template;

    /// <summary>The same template, inside iteration <paramref name="index"/> of a copy loop.</summary>
    public ArmScope WithCopyIndex(int index) => new(_template, _supplied, index, _resourceGroupTags);

    /// <summary>The resources of <paramref name="type"/> declared in this template (not in nested ones).</summary>
    public IEnumerable<JsonObject> Resources(string type)
    {
        var resources = _template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(), // languageVersion 2.0
            _ => [],
        };
        return resources.Where(r => r["existing"]?.GetValue<bool>() != true &&
                                    string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether ARM would deploy <paramref name="resource"/> (its <c>condition</c>, if any, is true).</summary>
    public bool IsDeployed(JsonObject resource) =>
        resource["condition"] is not { } condition || Evaluate(condition)?.GetValue<bool>() == true;

    /// <summary>The module (nested deployment) named <paramref name="name"/>, with the parameter values passed to it.</summary>
    public ArmScope Module(string name)
    {
        var deployment = Resources("Microsoft.Resources/deployments")
            .SingleOrDefault(d => ArmFunctions.Text(Evaluate(d["name"])) == name)
            ?? throw new InvalidOperationException($"No module named '{name}' in the template.");
        var properties = deployment["properties"]!.AsObject();
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        // A parameter is { "value": … }, or an expression yielding one (Bicep's form for a conditional value).
        foreach (var (key, parameter) in properties["parameters"]?.AsObject() ?? [])
            values[key] = Evaluate(parameter) is JsonObject supplied ? supplied["value"]?.DeepClone() : null;
        return new ArmScope(properties["template"]!.AsObject(), values, null, _resourceGroupTags);
    }

    /// <summary>Evaluates every expression in <paramref name="node"/>, deeply.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && ArmExpression.IsExpression(s) => ArmExpression.Evaluate(s, this),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("[[", StringComparison.Ordinal) => JsonValue.Create(s[1..]),
        // Property names can be expressions too (userAssignedIdentities: { '[identity id]': {} }).
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(
            ArmExpression.IsExpression(p.Key) ? ArmFunctions.Text(ArmExpression.Evaluate(p.Key, this)) : p.Key,
            Evaluate(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Evaluate)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Evaluates a property path of <paramref name="resource"/>, e.g. <c>properties.filter</c>.</summary>
    public JsonNode? Evaluate(JsonObject resource, string path)
    {
        JsonNode? node = resource;
        foreach (var part in path.Split('.'))
            node = node?[part];
        return Evaluate(node);
    }

    public JsonNode? Parameter(string name)
    {
        if (_supplied.TryGetValue(name, out var value))
            return value?.DeepClone();
        var definition = _template["parameters"]?[name]
            ?? throw new InvalidOperationException($"Unknown parameter '{name}'.");
        return definition.AsObject().TryGetPropertyValue("defaultValue", out var fallback)
            ? Evaluate(fallback)
            : throw new InvalidOperationException($"Parameter '{name}' has no value and no default.");
    }

    public JsonNode? Variable(string name)
    {
        var variables = _template["variables"]?.AsObject();
        if (variables?.TryGetPropertyValue(name, out var value) == true)
            return Evaluate(value);
        // A Bicep for-expression variable compiles to a copy loop under variables.copy, its input evaluated per index.
        if (variables?["copy"] is JsonArray loops && loops.OfType<JsonObject>().FirstOrDefault(l => (string?)l["name"] == name) is { } loop)
        {
            var count = Evaluate(loop["count"])!.GetValue<long>();
            return new JsonArray([.. Enumerable.Range(0, (int)count).Select(i => WithCopyIndex(i).Evaluate(loop["input"]))]);
        }

        throw new InvalidOperationException($"Unknown variable '{name}'.");
    }

    public int CopyIndex() => _copyIndex ?? throw new InvalidOperationException("copyIndex() outside a copy loop.");

    public JsonNode? ResourceGroup() => _resourceGroupTags is null
        ? ArmExpression.Opaque("resourceGroup()")
        : new JsonObject
        {
            ["id"] = ArmExpression.Opaque("resourceGroup().id"),
            ["name"] = ArmExpression.Opaque("resourceGroup().name"),
            ["location"] = ArmExpression.Opaque("resourceGroup().location"),
            ["tags"] = _resourceGroupTags.DeepClone(),
        };
}
