namespace ServerlessPlan.Functions.Http;

/// <summary>
/// A page or a fragment of one as a Razor component rendered it (<c>RazorHtml</c>, which encodes every value it
/// writes): what the portal's functions answer. Markup is never written in C# strings; it is written in components.
/// </summary>
public readonly record struct Html(string Value)
{
    /// <summary>Markup a component rendered (never data).</summary>
    public static Html Raw(string markup) => new(markup);

    public override string ToString() => Value ?? "";
}
