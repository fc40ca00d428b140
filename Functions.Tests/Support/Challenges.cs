using Microsoft.Net.Http.Headers;

namespace ServerlessPlan.Tests.Support;

/// <summary>A <c>WWW-Authenticate</c> challenge read as a client reads it: ASP.NET Core's header parser, not string matching.</summary>
public static class Challenges
{
    /// <summary>The challenge's scheme and its parameters with quotes removed, as Power Query reads them.</summary>
    public static (string Scheme, Dictionary<string, string> Parameters) Parse(string challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var space = challenge.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? challenge : challenge[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            Assert.True(NameValueHeaderValue.TryParseList([challenge[(space + 1)..]], out var list), challenge);
            foreach (var item in list) parameters[item.Name.Value!] = HeaderUtilities.RemoveQuotes(item.Value).Value!;
        }

        return (scheme, parameters);
    }
}
