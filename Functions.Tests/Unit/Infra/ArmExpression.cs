using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessPlan.Tests.Unit.Infra;

/// <summary>
/// Evaluates the ARM template expressions Bicep emits (<c>[format('…', parameters('x'))]</c>), enough to read a
/// compiled template as the values ARM would deploy. Functions only Azure can answer (reference, uniqueString,
/// listKeys, …) evaluate to an opaque marker <c>⟨name⟩</c>, so tests still check the literal parts around them.
/// Written here because the only evaluator of ARM expressions is Azure's deployment engine (the Bicep CLI compiles to
/// them but does not evaluate them, and no .NET library does), and the tests must run offline.
/// </summary>
public static class ArmExpression
{
    /// <summary>What an expression can look up: the template's parameters and variables, and the copy-loop index.</summary>
    public interface IContext
    {
        JsonNode? Parameter(string name);

        JsonNode? Variable(string name);

        int CopyIndex();

        /// <summary>resourceGroup(): unknown unless the deployment says what its resource group holds (its tags).</summary>
        JsonNode? ResourceGroup() => Opaque("resourceGroup()");
    }

    /// <summary>True for a JSON string ARM treats as an expression (<c>[…]</c>, not the escaped <c>[[…</c>).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Evaluates <paramref name="expression"/>, given with or without its enclosing brackets.</summary>
    public static JsonNode? Evaluate(string expression, IContext context)
    {
        var body = IsExpression(expression) ? expression[1..^1] : expression;
        var parser = new Parser(body, context);
        var value = parser.ParseExpression();
        parser.ExpectEnd();
        return value;
    }

    /// <summary>The marker standing for a value only known at deployment time, e.g. <c>⟨reference(…).clientId⟩</c>.</summary>
    public static JsonNode Opaque(string text) => JsonValue.Create($"⟨{text}⟩");

    private static bool IsOpaque(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('⟨') && s.EndsWith('⟩');

    private sealed class Parser(string text, IContext context)
    {
        private int _pos;

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != text.Length)
                throw Error("unexpected text");
        }

        public JsonNode? ParseExpression()
        {
            var value = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Peek('.'))
                {
                    _pos++;
                    value = Member(value, ReadIdentifier());
                }
                else if (Peek('['))
                {
                    _pos++;
                    var index = ParseExpression();
                    Expect(']');
                    value = Index(value, index);
                }
                else
                {
                    return value;
                }
            }
        }

        private JsonNode? ParsePrimary()
        {
            SkipSpace();
            if (Peek('\''))
                return JsonValue.Create(ReadString());
            if (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '-'))
                return ReadNumber();

            var name = ReadIdentifier();
            SkipSpace();
            Expect('(');
            var args = new List<JsonNode?>();
            SkipSpace();
            if (!Peek(')'))
            {
                do
                {
                    args.Add(ParseExpression());
                    SkipSpace();
                } while (TryConsume(','));
            }

            Expect(')');
            return ArmFunctions.Call(name, args, context);
        }

        private string ReadString()
        {
            var sb = new StringBuilder();
            _pos++;
            while (true)
            {
                if (_pos >= text.Length)
                    throw Error("unterminated string");
                var c = text[_pos++];
                if (c != '\'')
                {
                    sb.Append(c);
                    continue;
                }

                if (Peek('\''))
                {
                    sb.Append('\'');
                    _pos++;
                    continue;
                }

                return sb.ToString();
            }
        }

        private JsonNode ReadNumber()
        {
            var start = _pos;
            _pos++;
            while (_pos < text.Length && char.IsDigit(text[_pos]))
                _pos++;
            return JsonValue.Create(long.Parse(text[start.._pos], CultureInfo.InvariantCulture));
        }

        private string ReadIdentifier()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '_' or '$' or '#'))
                _pos++;
            if (start == _pos)
                throw Error("identifier expected");
            return text[start.._pos];
        }

        private static JsonNode? Member(JsonNode? value, string name)
        {
            if (value is JsonObject obj)
            {
                foreach (var (key, node) in obj)
                {
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                        return node?.DeepClone();
                }

                throw new InvalidOperationException($"Property '{name}' not found in {obj.ToJsonString()}.");
            }

            // An unknown value's member stays unknown but distinct (….principalId vs ….clientId).
            return IsOpaque(value) ? Opaque($"{ArmFunctions.Text(value)[1..^1]}.{name}") : Opaque($"?.{name}");
        }

        private static JsonNode? Index(JsonNode? value, JsonNode? index) => value switch
        {
            JsonArray array when index is JsonValue i && i.TryGetValue<long>(out var n) => array[(int)n]?.DeepClone(),
            JsonObject => Member(value, ArmFunctions.Text(index)),
            _ => IsOpaque(value) ? value : Opaque("?[]"),
        };

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
                _pos++;
        }

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private bool TryConsume(char c)
        {
            if (!Peek(c))
                return false;
            _pos++;
            return true;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryConsume(c))
                throw Error($"'{c}' expected");
        }

        private FormatException Error(string what) => new($"ARM expression: {what} at {_pos} in \"{text}\".");
    }
}
