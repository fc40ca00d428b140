using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// A piece of HTML that is safe to write as it is. Pages are built with <see cref="Of"/>, whose interpolation holes
/// are HTML-encoded unless they already are <see cref="Html"/>: whatever a sheet, storage or a request holds is
/// encoded by default, and only markup the code wrote itself passes through. Hand-written rather than a template
/// engine: the portal's pages are few and small, and an engine would be a build step or a dependency for that.
/// </summary>
public readonly record struct Html(string Value)
{
    public static readonly Html Empty = new("");

    /// <summary>Letters of every script stay readable (á, ñ); markup characters and quotes are encoded.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static Html Of(HtmlBuilder builder) => builder.ToHtml();

    /// <summary>Markup the code itself wrote (never data).</summary>
    public static Html Raw(string markup) => new(markup);

    public static Html Text(string? text) => new(Encoder.Encode(text ?? ""));

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Html When(bool condition, Html html) => condition ? html : Empty;

    public override string ToString() => Value ?? "";
}

/// <summary>The interpolated-string handler behind <see cref="Html.Of"/>: literals as written, holes encoded.</summary>
[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private readonly StringBuilder _text;

    public HtmlBuilder(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string literal) => _text.Append(literal);

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        switch (value)
        {
            case Html html:
                _text.Append(html.Value);
                break;
            case IEnumerable<Html> many:
                foreach (var h in many) _text.Append(h.Value);
                break;
            case IFormattable formattable:
                _text.Append(Html.Encoder.Encode(formattable.ToString(format, CultureInfo.InvariantCulture)));
                break;
            case null:
                break;
            default:
                _text.Append(Html.Encoder.Encode(value.ToString() ?? ""));
                break;
        }
    }

    public Html ToHtml() => new(_text.ToString());
}
