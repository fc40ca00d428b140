using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Presentation;

/// <summary>
/// Renders a Razor component to an HTML string with ASP.NET Core's <see cref="HtmlRenderer"/>: every portal page and
/// every mail body goes through here. Components are views: they take a model as parameters and inject no services,
/// so the renderer needs only the encoder. Razor encodes every value it writes; the encoder keeps letters of every
/// script readable (á, ñ stay as written) and encodes markup characters and quotes.
/// </summary>
public static class RazorHtml
{
    /// <summary>The encoder every page and mail uses: markup characters and quotes encoded, letters as written.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(Encoder)
        .BuildServiceProvider();

    /// <summary>Renders <typeparamref name="TComponent"/> with <paramref name="parameters"/> (property names and values).</summary>
    public static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        // One renderer per render: nothing is shared between requests, and a fresh renderer's dispatcher is never busy.
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// The same, for callers that cannot await (a mail composed inside a synchronous rule, a refusal written by a
    /// filter). Components here never await, so a fresh renderer completes at once; if one ever awaited, this throws
    /// rather than block a thread.
    /// </summary>
    public static string Render<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        var rendering = RenderAsync<TComponent>(parameters);
        if (!rendering.IsCompleted)
            throw new InvalidOperationException($"{typeof(TComponent).Name} awaited while rendering; render it with {nameof(RenderAsync)}.");
        return rendering.GetAwaiter().GetResult();
    }

    /// <summary>Parameters of a component that takes a language and a model, the common case.</summary>
    public static Dictionary<string, object?> With(Language language, string name, object? value) =>
        new() { ["Language"] = language, [name] = value };
}
