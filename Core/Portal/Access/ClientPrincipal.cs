using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServerlessPlan.Core.Portal.Access;

/// <summary>
/// The signed-in user as App Service Authentication describes it in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 of
/// <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>. The development sign-in writes the same shape.
/// </summary>
public sealed record ClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Claim type of app roles in Entra ID tokens (App Service also states it in <c>role_typ</c>).</summary>
    public const string RolesClaim = "roles";

    /// <summary>Larger headers are refused unread: a real principal is a few KiB.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    private const int MaxClaims = 500;

    [JsonPropertyName("auth_typ")]
    public string? AuthenticationType { get; init; }

    [JsonPropertyName("name_typ")]
    public string? NameType { get; init; }

    [JsonPropertyName("role_typ")]
    public string? RoleType { get; init; }

    [JsonPropertyName("claims")]
    public IReadOnlyList<PrincipalClaim> Claims { get; init; } = [];

    /// <summary>The user's name for pages and the <c>uploader</c> metadata: the name claim, else preferred_username or e-mail.</summary>
    public string Name =>
        Value(NameType) ?? Value("name") ?? Value("preferred_username") ?? Value("email") ??
        Value("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name") ?? "";

    /// <summary>A stable id for the user: the object id when Entra ID sends it, else the name.</summary>
    public string UserId =>
        Value("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? Value("oid") ?? Name;

    /// <summary>Every role claim, by <c>role_typ</c> and by the plain <c>roles</c> type, exactly as sent (app-role values are exact strings).</summary>
    public IReadOnlyList<string> Roles =>
        Claims.Where(c => c.Type == RolesClaim || (!string.IsNullOrEmpty(RoleType) && c.Type == RoleType))
            .Select(c => c.Value)
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private string? Value(string? type) =>
        type is null ? null : Claims.FirstOrDefault(c => c.Type == type && !string.IsNullOrWhiteSpace(c.Value))?.Value;

    /// <summary>Null for anything that is not a well-formed principal within the bounds (never throws on bad input).</summary>
    public static ClientPrincipal? Decode(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength) return null;
        try
        {
            var json = Convert.FromBase64String(header.Trim());
            var principal = JsonSerializer.Deserialize<ClientPrincipal>(json, JsonOptions);
            if (principal is null || principal.Claims.Count > MaxClaims || principal.Claims.Any(c => c is null)) return null;
            return principal;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions));

    /// <summary>A principal as the platform would send it for a user with these roles (development sign-in, tests, bench).</summary>
    public static ClientPrincipal For(string name, params string[] roles) => new()
    {
        AuthenticationType = "aad",
        NameType = "name",
        RoleType = RolesClaim,
        Claims =
        [
            new PrincipalClaim("name", name),
            new PrincipalClaim("preferred_username", name),
            new PrincipalClaim("http://schemas.microsoft.com/identity/claims/objectidentifier", DevelopmentObjectId(name)),
            .. roles.Select(r => new PrincipalClaim(RolesClaim, r)),
        ],
    };

    private static string DevelopmentObjectId(string name) =>
        new Guid(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(name))).ToString();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 8,
    };
}

public sealed record PrincipalClaim(
    [property: JsonPropertyName("typ")] string Type,
    [property: JsonPropertyName("val")] string Value);
