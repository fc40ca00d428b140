using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Access;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>A role the development sign-in offers, with its label.</summary>
public sealed record SignInRole(string Role, LocalizedText Label)
{
    public static IReadOnlyList<SignInRole> All(ReportingUnits units) =>
    [
        .. units.All.Select(u => new SignInRole(PortalRoles.Unit(u.Code), SignInTexts.FocalPointOf(u.Name))),
        new(PortalRoles.CoalitionReader, SignInTexts.CoalitionReader),
        new(PortalRoles.CoalitionAdmin, SignInTexts.CoalitionAdmin),
    ];
}

/// <summary>The words of the development sign-in page.</summary>
public static class SignInTexts
{
    public static readonly LocalizedText Title = new("Inicio de sesión de desarrollo", "Development sign-in");
    public static readonly LocalizedText LocalOnly = new(
        "Solo en una ejecución local: en Azure inicia sesión Microsoft Entra ID. Elija con qué rol entrar.",
        "Local runs only: in Azure, Microsoft Entra ID signs people in. Choose the role to sign in with.");
    public static readonly LocalizedText Name = new("Nombre", "Name");
    public static readonly LocalizedText Role = new("Rol", "Role");
    public static readonly LocalizedText SignIn = new("Entrar", "Sign in");
    public static readonly LocalizedText CoalitionReader = new(
        "Lectura de la coalición (Presidencia, Secretaría Técnica, analistas)", "Coalition reader (Presidency, Technical Secretariat, analysts)");
    public static readonly LocalizedText CoalitionAdmin = new("Administración de la Secretaría Técnica", "Technical Secretariat administration");

    public static LocalizedText FocalPointOf(LocalizedText unitName) => new($"Punto focal de {unitName.Es}", $"Focal point of {unitName.En}");
}
