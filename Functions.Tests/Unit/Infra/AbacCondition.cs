namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// Evaluates an Azure role-assignment condition (ABAC, version 2.0) against one storage request, so tests can say
/// what a group may and may not do rather than only which strings the condition contains. Written here because no
/// library evaluates these conditions outside Azure; it covers the grammar rbac.bicep uses: <c>!</c>/<c>NOT</c>,
/// <c>AND</c>, <c>OR</c>, parentheses, <c>ActionMatches{…}</c>, <c>SubOperationMatches{…}</c>, and <c>@Resource[…]</c>/
/// <c>@Request[…]</c> attributes compared with <c>StringEquals</c> or <c>StringStartsWith</c> (case-sensitive, as
/// their <c>IgnoreCase</c> siblings imply). A comparison with an attribute the request does not carry (a listing
/// without a prefix) is false.
/// https://learn.microsoft.com/azure/role-based-access-control/conditions-format
/// </summary>
internal static class AbacCondition
{
    public const string BlobRead = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read";
    public const string BlobWrite = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write";
    public const string BlobAdd = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action";
    public const string BlobDelete = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete";
    public const string ContainerAttribute = "Microsoft.Storage/storageAccounts/blobServices/containers:name";
    public const string PathAttribute = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path";
    public const string PrefixAttribute = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix";

    /// <summary>One data operation: its action, sub-operation (e.g. <c>Blob.List</c>) and attributes.</summary>
    public sealed record Request(
        string Action,
        string? SubOperation,
        IReadOnlyDictionary<string, string> Resource,
        IReadOnlyDictionary<string, string> RequestAttributes)
    {
        public static Request OnBlob(string action, string container, string path) =>
            new(action, null, new Dictionary<string, string> { [ContainerAttribute] = container, [PathAttribute] = path },
                new Dictionary<string, string>());

        /// <summary>List Blobs; <paramref name="prefix"/> null for a listing of the whole container.</summary>
        public static Request List(string container, string? prefix) =>
            new(BlobRead, "Blob.List", new Dictionary<string, string> { [ContainerAttribute] = container },
                prefix is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [PrefixAttribute] = prefix });
    }

    /// <summary>Whether <paramref name="condition"/> lets <paramref name="request"/> through.</summary>
    public static bool Allows(string condition, Request request)
    {
        var parser = new Parser(Tokenize(condition), request);
        var result = parser.Or();
        parser.ExpectEnd();
        return result;
    }

    /// <summary>The actions named in <c>ActionMatches{…}</c> clauses.</summary>
    public static IReadOnlySet<string> NamedActions(string condition)
    {
        var tokens = Tokenize(condition);
        return Enumerable.Range(0, Math.Max(0, tokens.Count - 2))
            .Where(i => tokens[i] == "ActionMatches" && tokens[i + 1] == "{")
            .Select(i => tokens[i + 2].TrimStart('\''))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    // Tokens: words, punctuation ( ) { } [ ] ! and quoted strings (kept without their quotes, prefixed by ').
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if ("(){}[]!".Contains(c)) { tokens.Add(c.ToString()); i++; continue; }
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException($"Unterminated string at {i}.");
                tokens.Add("'" + text[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && !"(){}[]!'".Contains(text[i])) i++;
            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens, Request request)
    {
        private int _pos;

        public void ExpectEnd()
        {
            if (_pos != tokens.Count) throw new FormatException($"Unexpected '{tokens[_pos]}' in condition.");
        }

        public bool Or()
        {
            var value = And();
            while (TryTake("OR") || TryTake("||")) value |= And();
            return value;
        }

        private bool And()
        {
            var value = Not();
            while (TryTake("AND") || TryTake("&&")) value &= Not();
            return value;
        }

        private bool Not() => TryTake("!") || TryTake("NOT") ? !Not() : Primary();

        private bool Primary()
        {
            if (TryTake("("))
            {
                var inner = Or();
                Take(")");
                return inner;
            }

            var word = Next();
            switch (word)
            {
                case "ActionMatches":
                    return string.Equals(Braced(), request.Action, StringComparison.OrdinalIgnoreCase);
                case "SubOperationMatches":
                    return string.Equals(Braced(), request.SubOperation, StringComparison.OrdinalIgnoreCase);
                case "@Resource":
                case "@Request":
                    var attribute = Bracketed();
                    var op = Next();
                    var operand = Literal();
                    var source = word == "@Resource" ? request.Resource : request.RequestAttributes;
                    return source.TryGetValue(attribute, out var actual) && Compare(op, actual, operand);
                default:
                    throw new FormatException($"Unsupported condition term '{word}'.");
            }
        }

        private static bool Compare(string op, string actual, string operand) => op switch
        {
            "StringEquals" => string.Equals(actual, operand, StringComparison.Ordinal),
            "StringStartsWith" => actual.StartsWith(operand, StringComparison.Ordinal),
            _ => throw new FormatException($"Unsupported operator '{op}'."),
        };

        private string Braced()
        {
            Take("{");
            var value = Literal();
            Take("}");
            return value;
        }

        private string Bracketed()
        {
            Take("[");
            var value = Next();
            Take("]");
            return value;
        }

        private string Literal()
        {
            var token = Next();
            return token.StartsWith('\'') ? token[1..] : throw new FormatException($"String expected, got '{token}'.");
        }

        private string Next() => _pos < tokens.Count ? tokens[_pos++] : throw new FormatException("Condition ends early.");

        private void Take(string expected)
        {
            if (!TryTake(expected)) throw new FormatException($"'{expected}' expected at token {_pos}.");
        }

        private bool TryTake(string expected)
        {
            if (_pos >= tokens.Count || tokens[_pos] != expected) return false;
            _pos++;
            return true;
        }
    }
}
