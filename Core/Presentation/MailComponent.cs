using Microsoft.AspNetCore.Components;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Core.Presentation;

/// <summary>The base of every mail body: it takes the recipient's language and writes in it.</summary>
public abstract class MailComponent : LocalizedComponent
{
    [Parameter, EditorRequired]
    public Language MailLanguage { get; set; }

    protected override Language Language => MailLanguage;
}
