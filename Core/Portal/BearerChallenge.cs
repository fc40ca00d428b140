using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Portal;

/// <summary>
/// The <c>WWW-Authenticate</c> value of the app's 401s (RFC 7235 requires one on every 401). With
/// <see cref="PortalOptions.SignInAuthority"/> set it names the Entra ID authority as Microsoft's own services do,
/// <c>Bearer realm="{authority}", authorization_uri="{authority}/oauth2/authorize"</c>: Power Query (Power BI's and
/// Excel's Web connector) sends an empty bearer request, reads <c>authorization_uri</c> from the 401, and asks that
/// authority for a token whose resource is the URL's root. Values are quoted, as RFC 7235 asks of a URL; Power Query
/// accepts them with or without quotes.
/// </summary>
public sealed class BearerChallenge(IOptions<PortalOptions> options)
{
    public const string Scheme = "Bearer";

    /// <summary>The realm named when no authority is configured (a local run): the challenge stays well-formed.</summary>
    public const string LocalRealm = "ServerlessPlan";

    public string Value { get; } = Of(options.Value.SignInAuthority);

    /// <summary>The challenge for an authority (empty: the local realm only).</summary>
    public static string Of(string? authority)
    {
        if (string.IsNullOrWhiteSpace(authority)) return $"{Scheme} realm=\"{LocalRealm}\"";
        var root = authority.Trim().TrimEnd('/');
        return $"{Scheme} realm=\"{root}\", authorization_uri=\"{root}/oauth2/authorize\"";
    }
}
