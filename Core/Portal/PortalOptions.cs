namespace ServerlessPlan.Core.Portal;

/// <summary>The signed-in portal that mails link to. Section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Public address of the portal (<c>https://plan.coalicion.example</c>, a path prefix allowed). Empty: mails say
    /// in words how to get a file (attached, or ask the ST) instead of linking.
    /// </summary>
    public string BaseUrl { get; set; } = "";

    public static bool IsUsableBaseUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) ||
        (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" &&
         string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}
