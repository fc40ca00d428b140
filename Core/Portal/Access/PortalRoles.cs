namespace ServerlessPlan.Core.Portal.Access;

/// <summary>
/// The portal's app roles (Entra ID app roles of the app registration, sent by App Service Authentication as
/// <c>roles</c> claims): a unit's focal point, the coalition's readers, and the ST's administrators.
/// </summary>
public static class PortalRoles
{
    /// <summary><c>Unit.GT</c>: a focal point of that unit (sees and uploads for that unit only).</summary>
    public const string UnitPrefix = "Unit.";

    /// <summary>The Presidency, the ST and analysts: read everything, change nothing.</summary>
    public const string CoalitionReader = "Coalition.Reader";

    /// <summary>The ST's administrative actions (read everything; later issues give it actions).</summary>
    public const string CoalitionAdmin = "Coalition.Admin";

    public static string Unit(string code) => UnitPrefix + code.ToUpperInvariant();
}
