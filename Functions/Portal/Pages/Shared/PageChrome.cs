using ServerlessPlan.Core.Localization;
using ServerlessPlan.Functions.Http;

namespace ServerlessPlan.Functions.Portal.Pages.Shared;

/// <summary>What the frame of every page needs to know about the request: its language, who is signed in (null: nobody),
/// and the path the language switch points back to.</summary>
public sealed record PageChrome(Language Language, string? UserName, string Path, bool SignedIn)
{
    public static PageChrome Of(PortalContext context) =>
        new(context.Language, context.User?.Name, context.Request.Path.Value ?? "/", context.User is not null);

    /// <summary>A page answered before anyone is known (a refusal at the door).</summary>
    public static PageChrome Anonymous(Language language) => new(language, null, "/", SignedIn: false);
}
