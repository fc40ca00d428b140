using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Portal.Access;

/// <summary>
/// What a signed-in user may do, decided in one place from their roles: the units they report for (see and upload),
/// whether they read the whole coalition, whether they administer it. Every page and download asks here.
/// </summary>
public sealed class PortalUser
{
    private readonly HashSet<string> _units;

    public PortalUser(ClientPrincipal principal, ReportingUnits known)
    {
        Principal = principal;
        var roles = principal.Roles;
        // Entra app-role values are exact strings: "coalition.admin" or "unit.gt" is another role, not a spelling of ours.
        _units = roles
            .Where(r => r.StartsWith(PortalRoles.UnitPrefix, StringComparison.Ordinal))
            .Select(r => UnitOfRole(r, known))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        IsAdmin = roles.Contains(PortalRoles.CoalitionAdmin, StringComparer.Ordinal);
        IsReader = IsAdmin || roles.Contains(PortalRoles.CoalitionReader, StringComparer.Ordinal);
    }

    /// <summary>The unit a <c>Unit.XX</c> role names when XX is a listed unit's code exactly as the role is defined.</summary>
    public static string? UnitOfRole(string role, ReportingUnits known) =>
        role.StartsWith(PortalRoles.UnitPrefix, StringComparison.Ordinal) &&
        known.Find(role[PortalRoles.UnitPrefix.Length..]) is { } unit &&
        string.Equals(PortalRoles.Unit(unit.Code), role, StringComparison.Ordinal)
            ? unit.Code
            : null;

    public ClientPrincipal Principal { get; }

    public string Name => Principal.Name;

    /// <summary>The units whose focal point this user is, in code order.</summary>
    public IReadOnlyList<string> Units => _units.Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads every unit and the coalition's pages (Presidency, ST, analysts; administrators too).</summary>
    public bool IsReader { get; }

    public bool IsAdmin { get; }

    /// <summary>Has any role the portal knows: someone signed in without one sees only a page saying so.</summary>
    public bool HasAnyRole => IsReader || _units.Count > 0;

    /// <summary>A unit's pages, history and files: its focal points and the coalition's readers.</summary>
    public bool CanSee(string unit) => IsReader || _units.Contains(unit);

    /// <summary>Uploading for a unit: its focal points only (a reader changes nothing).</summary>
    public bool CanUploadFor(string unit) => _units.Contains(unit);
}
