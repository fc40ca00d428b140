using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ServerlessPlan.LocalHost;

/// <summary>
/// The Functions host's key check, for the local server when it is given a key: the key comes as the <c>code</c>
/// query parameter or the <c>x-functions-key</c> header, and a request without the right one gets 401 with no body,
/// before the function runs. Hand-written because the host's own check lives in the host, not in a library the local
/// server can call.
/// </summary>
public static class FunctionKeys
{
    public const string Header = "x-functions-key";
    public const string QueryParameter = "code";

    public static bool Accepts(HttpRequest request, string key)
    {
        var given = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(given)) given = request.Query[QueryParameter].ToString();
        return given.Length > 0 &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }

    public static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    /// <summary>A fresh random key, as the host makes its default function key.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}
