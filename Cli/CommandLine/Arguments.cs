namespace ServerlessPlan.Cli.CommandLine;

/// <summary>
/// The words after the verb: positionals, <c>--flag value</c> options and <c>--switch</c>es.
/// Deliberately small: every command declares what it accepts, and anything else is a usage error.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positionals { get; }

    private Arguments(List<string> positionals) => Positionals = positionals;

    /// <param name="switches">Flags that take no value.</param>
    public static Arguments Parse(IEnumerable<string> words, params string[] switches)
    {
        var positionals = new List<string>();
        var result = new Arguments(positionals);
        using var e = words.GetEnumerator();
        while (e.MoveNext())
        {
            var word = e.Current;
            if (!word.StartsWith("--", StringComparison.Ordinal) || word == "--")
            {
                positionals.Add(word);
                continue;
            }

            var name = word[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!switches.Contains(name))
            {
                if (!e.MoveNext()) throw new UsageException($"--{name} needs a value.");
                value = e.Current;
            }

            if (!result._options.TryAdd(name, value)) throw new UsageException($"--{name} is given twice.");
        }

        return result;
    }

    public string? Option(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string RequiredOption(string name) =>
        Option(name) is { Length: > 0 } value ? value : throw new UsageException($"--{name} is required.");

    public bool Switch(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>Call after reading every option: an unknown flag is a usage error, never silently ignored.</summary>
    public void RejectUnknown(int maxPositionals)
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option: --{unknown[0]}.");
        if (Positionals.Count > maxPositionals) throw new UsageException($"Unexpected argument: {Positionals[maxPositionals]}.");
    }
}
