namespace ServerlessPlan.Functions.Http;

/// <summary>
/// Where the development sign-in may send someone back to: a path of this site only, as ASP.NET Core's
/// <c>IsLocalUrl</c> decides. Browsers drop tabs and line breaks inside a URL and read <c>\</c> as <c>/</c>, so
/// <c>/\t/evil.example</c> or <c>/\evil.example</c> would become <c>//evil.example</c>, another site: any control
/// character or whitespace, and a second character <c>/</c> or <c>\</c>, send the person to the start page instead.
/// </summary>
public static class LocalRedirect
{
    private const int MaxLength = 500;

    public static string PathOrHome(string? target) => IsLocalPath(target) ? target! : "/";

    public static bool IsLocalPath(string? target) =>
        target is { Length: > 0 and <= MaxLength } t &&
        t[0] == '/' &&
        (t.Length == 1 || t[1] is not ('/' or '\\')) &&
        !t.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
}
