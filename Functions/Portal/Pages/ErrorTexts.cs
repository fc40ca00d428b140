using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The words of the error page.</summary>
public static class ErrorTexts
{
    public static readonly LocalizedText Home = new("Ir a la página de inicio", "Go to the start page");
}
