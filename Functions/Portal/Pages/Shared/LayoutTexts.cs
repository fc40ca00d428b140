using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages.Shared;

/// <summary>The words of the frame around every page.</summary>
public static class LayoutTexts
{
    public static readonly LocalizedText ServiceName = new("Coalición Regional · Plan operativo", "Regional Coalition · Operational plan");
    public static readonly LocalizedText TitleSuffix = new("Plan operativo regional", "Regional operational plan");
    public static readonly LocalizedText SkipLink = new("Saltar al contenido principal", "Skip to main content");
    public static readonly LocalizedText SignOut = new("Cerrar sesión", "Sign out");
    public static readonly LocalizedText Breadcrumb = new("Ruta de navegación", "Breadcrumb");
    public static readonly LocalizedText Footer = new(
        "Coalición Regional contra la trata de personas y el tráfico ilícito de migrantes · Secretaría Técnica",
        "Regional Coalition against human trafficking and migrant smuggling · Technical Secretariat");
    public static readonly LocalizedText OtherLanguageName = new("English", "Español");
}
