using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Presentation;

namespace ServerlessPlan.Functions.Portal.Pages.Shared;

/// <summary>The base of every page: it takes the request's <see cref="PageChrome"/> and writes in its language.</summary>
public abstract class PortalPage : LocalizedComponent
{
    [Parameter, EditorRequired]
    public PageChrome Chrome { get; set; } = default!;

    protected override Language Language => Chrome.Language;
}
