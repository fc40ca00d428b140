using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Presentation;

/// <summary>
/// The base of every component that writes words: it knows the language it writes in and picks each text from the
/// catalog pair (<see cref="LocalizedText"/>). A page or a mail sets the language once, at its top (a
/// <c>CascadingValue</c> in its layout); the components inside receive it from there.
/// </summary>
public abstract class LocalizedComponent : ComponentBase
{
    /// <summary>The language cascaded from the page or mail this component sits in.</summary>
    [CascadingParameter]
    public Language CascadedLanguage { get; set; }

    /// <summary>The language this component writes in; a top-level page or mail overrides it with its own.</summary>
    protected virtual Language Language => CascadedLanguage;

    protected string T(LocalizedText text) => text.In(Language);

    protected string Lang => Language.ToCode();

    /// <summary>
    /// The <c>lang</c> of a text that is Spanish in either language — the plan's own heading "Ejecutado / programado" —:
    /// <c>es</c> on an English page or mail, none on a Spanish one (Razor leaves a null attribute out), so a screen
    /// reader pronounces it as Spanish (WCAG 3.1.2).
    /// </summary>
    protected string? SpanishTextLang => Language == Language.Es ? null : "es";
}
