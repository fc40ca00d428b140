using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// Where settings are written down outside the code: the README's configuration table and
/// Functions/local.settings.sample.json.
/// </summary>
internal static partial class SettingsDocuments
{
    /// <summary>
    /// The README's configuration table (section "## Configuration"): per row, the setting named first in the first
    /// cell and the default in the second: the first <c>`code`</c> span there, or empty for "–", "-" or nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadmeDefaults()
    {
        var lines = File.ReadAllLines(Path.Combine(CompiledTemplate.RepoRoot, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## Configuration");
        if (start < 0)
            throw new InvalidOperationException("README.md has no '## Configuration' section.");
        var rows = lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .SkipWhile(l => !l.TrimStart().StartsWith('|'))
            .TakeWhile(l => l.TrimStart().StartsWith('|'))
            .Skip(2); // header and separator

        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var cells = row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var name = CodeSpan().Match(cells[0]) is { Success: true } n
                ? n.Groups[1].Value
                : throw new InvalidOperationException($"README configuration row without a `setting`: {row}");
            var fallback = cells.Length > 1 ? cells[1] : "";
            var value = CodeSpan().Match(fallback) is { Success: true } d ? d.Groups[1].Value : "";
            if (!defaults.TryAdd(name, value))
                throw new InvalidOperationException($"README configuration table lists {name} twice.");
        }

        return defaults;
    }

    /// <summary>The <c>Values</c> of Functions/local.settings.sample.json.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplate.RepoRoot, "Functions", "local.settings.sample.json")))!;
        return json["Values"]!.AsObject().ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue v && v.TryGetValue<string>(out var text)
                ? text
                : throw new InvalidOperationException($"local.settings.sample.json: {p.Key} must be a string (Values are environment variables)."),
            StringComparer.Ordinal);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
