namespace ServerlessPlan.Functions.Portal.Pages.Shared;

/// <summary>One step of a page's breadcrumbs; the current page has no link.</summary>
public sealed record Crumb(string Text, string? Href);
