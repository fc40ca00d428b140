using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServerlessPlan.Core.Localization;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The one way every HTTP function answers a problem: RFC 9457 problem details (<c>application/problem+json</c>)
/// with a stable <c>code</c> for scripts and a title and detail in the caller's language.
/// </summary>
public static class Problems
{
    public static ObjectResult Result(int status, string code, LocalizedText title, string detail, Language language,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title.In(language), Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
            problem.Extensions[name] = value;
        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add("application/problem+json");
        return result;
    }

    public static ObjectResult Result(int status, string code, LocalizedText title, LocalizedText detail, Language language,
        IReadOnlyDictionary<string, object?>? extensions = null) =>
        Result(status, code, title, detail.In(language), language, extensions);

    /// <summary>The language asked for with <c>?lang=</c>, else Spanish (<see cref="LanguageChoice"/>; the API's callers are scripts, with no unit or cookie).</summary>
    public static Language LanguageOf(HttpRequest request) => LanguageChoice.For(LanguageChoice.Asked((string?)request.Query["lang"]), unitLanguage: null);

    public static readonly LocalizedText BadRequestTitle = new("Solicitud no válida", "Invalid request");
    public static readonly LocalizedText UnauthorizedTitle = new("Inicie sesión", "Sign in");
    public static readonly LocalizedText ForbiddenTitle = new("Sin acceso", "No access");
    public static readonly LocalizedText NotFoundTitle = new("No encontrado", "Not found");
    public static readonly LocalizedText TooLargeTitle = new("El archivo es demasiado grande", "The file is too large");
    public static readonly LocalizedText NotSentTitle = new("Su informe no se envió", "Your report was not sent");
    public static readonly LocalizedText ConflictTitle = new("No se hizo el cambio", "The change was not made");
    public static readonly LocalizedText FormTooLargeTitle = new("El formulario es demasiado grande", "The form is too large");
    public static readonly LocalizedText BusyTitle = new("Inténtelo de nuevo en un momento", "Try again in a moment");
    public static readonly LocalizedText ServerErrorTitle = new("Error del servicio", "Service error");
}
