using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>The ARM template functions <see cref="ArmExpression"/> evaluates; any other yields an opaque marker.</summary>
internal static class ArmFunctions
{
    public static JsonNode? Call(string name, List<JsonNode?> args, ArmExpression.IContext context)
    {
        switch (name.ToLowerInvariant())
        {
            case "parameters": return context.Parameter(Text(args[0]));
            case "variables": return context.Variable(Text(args[0]));
            // copyIndex(), copyIndex(offset), copyIndex('loop') or copyIndex('loop', offset): the loop's name changes nothing here.
            case "copyindex": return JsonValue.Create(context.CopyIndex() + (args.Count > 0 && args[^1] is JsonValue last && last.TryGetValue<long>(out var offset) ? offset : 0));
            case "true": return JsonValue.Create(true);
            case "false": return JsonValue.Create(false);
            case "null": return null;
            case "string": return JsonValue.Create(Text(args[0]));
            case "tolower": return JsonValue.Create(Text(args[0]).ToLowerInvariant());
            case "format": return JsonValue.Create(Format(args));
            // split(text, delimiter) or split(text, [delimiters]): ARM keeps empty parts, as string.Split does by default.
            case "split": return new JsonArray([.. Text(args[0]).Split(args[1] is JsonArray ds ? [.. ds.Select(Text)] : [Text(args[1])], StringSplitOptions.None).Select(p => (JsonNode?)JsonValue.Create(p))]);
            case "replace": return JsonValue.Create(Text(args[0]).Replace(Text(args[1]), Text(args[2]), StringComparison.Ordinal));
            case "startswith": return JsonValue.Create(Text(args[0]).StartsWith(Text(args[1]), StringComparison.OrdinalIgnoreCase));
            case "equals": return JsonValue.Create(JsonNode.DeepEquals(args[0], args[1]));
            case "not": return JsonValue.Create(!Bool(args[0]));
            case "and": return JsonValue.Create(args.All(Bool));
            case "or": return JsonValue.Create(args.Any(Bool));
            case "if": return Bool(args[0]) ? args[1] : args[2];
            case "empty": return JsonValue.Create(IsEmpty(args[0]));
            case "length": return JsonValue.Create(Length(args[0]));
            case "greater": return JsonValue.Create(Number(args[0]) > Number(args[1]));
            case "take": return Take(args[0], (int)Number(args[1]));
            case "first": return args[0] is JsonArray fa ? fa.FirstOrDefault()?.DeepClone() : JsonValue.Create(Text(args[0]) is { Length: > 0 } ft ? ft[..1] : "");
            case "last": return args[0] is JsonArray la ? la.LastOrDefault()?.DeepClone() : JsonValue.Create(Text(args[0]) is { Length: > 0 } lt ? lt[^1..] : "");
            case "concat": return Concat(args);
            case "createarray": return new JsonArray([.. args.Select(a => a?.DeepClone())]);
            case "createobject": return CreateObject(args);
            case "resourcegroup": return context.ResourceGroup();
            case "items": return Items(args[0]);
            case "union": return Union(args);
            case "contains": return JsonValue.Create(Contains(args[0], args[1]));
            case "tryget": return args[0] is JsonObject o && o.TryGetPropertyValue(Text(args[1]), out var found) ? found?.DeepClone() : null;
            case "coalesce": return args.FirstOrDefault(a => a is not null)?.DeepClone();
            case "resourceid": return JsonValue.Create(ResourceId("⟨resourceGroup⟩", args));
            case "subscriptionresourceid": return JsonValue.Create(ResourceId("/subscriptions/⟨subscription⟩", args));
            default: return ArmExpression.Opaque($"{name}({string.Join(", ", args.Select(Text))})");
        }
    }

    /// <summary>A value as ARM's string functions see it.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "True" : "False",
        JsonValue v => Convert.ToString(v.GetValue<object>(), CultureInfo.InvariantCulture) ?? "",
        _ => node.ToJsonString(),
    };

    // union(): objects merged left to right (a later value wins), arrays joined without duplicates.
    private static JsonNode Union(List<JsonNode?> args)
    {
        if (args.All(a => a is JsonArray))
        {
            var seen = new List<JsonNode?>();
            foreach (var item in args.SelectMany(a => a!.AsArray()))
                if (!seen.Any(s => JsonNode.DeepEquals(s, item))) seen.Add(item?.DeepClone());
            return new JsonArray([.. seen]);
        }

        var merged = new JsonObject();
        foreach (var (key, value) in args.OfType<JsonObject>().SelectMany(o => o))
            merged[key] = value?.DeepClone();
        return merged;
    }

    private static bool Contains(JsonNode? container, JsonNode? item) => container switch
    {
        JsonObject o => o.ContainsKey(Text(item)),
        JsonArray a => a.Any(x => JsonNode.DeepEquals(x, item)),
        _ => Text(container).Contains(Text(item), StringComparison.Ordinal),
    };

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n)
        ? n
        : long.Parse(Text(node), CultureInfo.InvariantCulture);

    private static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b)
        ? b
        : throw new InvalidOperationException($"Not a boolean: {Text(node)}");

    // ARM's format() follows .NET composite formatting, braces escaped as {{ }}.
    private static string Format(List<JsonNode?> args) =>
        string.Format(CultureInfo.InvariantCulture, Text(args[0]), args.Skip(1).Select(a => (object)Text(a)).ToArray());

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => Text(node).Length == 0,
    };

    private static long Length(JsonNode? node) => node switch
    {
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        _ => Text(node).Length,
    };

    private static JsonNode? Take(JsonNode? node, int count) => node is JsonArray a
        ? new JsonArray([.. a.Take(count).Select(x => x?.DeepClone())])
        : JsonValue.Create(new string(Text(node).Take(count).ToArray()));

    private static JsonNode Concat(List<JsonNode?> args)
    {
        if (args.Count > 0 && args[0] is JsonArray)
            return new JsonArray([.. args.SelectMany(a => ((JsonArray)a!).Select(x => x?.DeepClone()))]);
        return JsonValue.Create(string.Concat(args.Select(Text)));
    }

    private static JsonObject CreateObject(List<JsonNode?> args)
    {
        var result = new JsonObject();
        for (var i = 0; i + 1 < args.Count; i += 2)
            result[Text(args[i])] = args[i + 1]?.DeepClone();
        return result;
    }

    // items() lists an object's properties as {key, value}, sorted by key as ARM does.
    private static JsonArray Items(JsonNode? node)
    {
        var entries = node is JsonObject obj
            ? obj.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            : throw new InvalidOperationException($"items() needs an object, got {Text(node)}");
        return new JsonArray([.. entries.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]);
    }

    // resourceId('type', 'name1', 'name2') → <prefix>/providers/type/name1/name2 (sub-resources interleaved as ARM does).
    private static string ResourceId(string prefix, List<JsonNode?> args)
    {
        var texts = args.Select(Text).ToList();
        var typeIndex = texts.FindIndex(t => t.Contains('/', StringComparison.Ordinal));
        var typeParts = texts[typeIndex].Split('/');
        var names = texts.Skip(typeIndex + 1).ToList();
        var path = $"{prefix}/providers/{typeParts[0]}/{typeParts[1]}/{names[0]}";
        for (var i = 2; i < typeParts.Length; i++)
            path += $"/{typeParts[i]}/{names[i - 1]}";
        return path;
    }
}
