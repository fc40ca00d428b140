using System.Text;

namespace ServerlessPlan.Core.Links;

/// <summary>
/// Every HTTP route the Functions app serves, as the templates its <c>[HttpTrigger(Route = …)]</c> attributes take
/// (no leading slash, the host's route prefix is empty): the one home of each path, used by the triggers, the portal's
/// page links (<c>Functions/Portal/Pages/Routes</c>) and the links in mails (<see cref="PortalLinks"/>). Routes are a
/// contract with users' bookmarks, mails already sent and scripts: change none.
/// </summary>
public static class PortalRoutes
{
    /// <summary>The site root: an optional parameter that must stay empty (the host's own home page is off).</summary>
    public const string Home = "{ignored:maxlength(0)?}";

    public const string Assets = "assets/{name}";

    // A unit's pages.
    public const string Unit = "units/{unit}";
    public const string UnitPeriod = Unit + "/{period}";
    public const string Upload = UnitPeriod + "/upload";
    public const string Template = UnitPeriod + "/template";
    public const string SubmissionState = UnitPeriod + "/submissions/{id}";
    public const string Original = UnitPeriod + "/originals/{id}";
    public const string UploadAnnotated = UnitPeriod + "/reports/{stem}/annotated";
    public const string UploadReport = UnitPeriod + "/reports/{stem}/report";
    public const string CheckAnnotated = UnitPeriod + "/checks/{stem}/annotated";
    public const string CheckReport = UnitPeriod + "/checks/{stem}/report";
    /// <summary>The verdict page of one upload in the quarter's history (HTML; its JSON stays at <see cref="UploadReport"/>).</summary>
    public const string SubmissionVerdict = SubmissionState + "/verdict";
    /// <summary>The verdict page of a sheet the portal refused (HTML; its JSON stays at <see cref="CheckReport"/>).</summary>
    public const string CheckVerdict = UnitPeriod + "/checks/{stem}/verdict";

    // The coalition's pages.
    public const string Coalition = "coalition";
    public const string Trends = Coalition + "/trends";
    public const string PlanMatrix = Trends + "/plan-matrix.xlsx";
    public const string Operations = Coalition + "/operations";
    public const string Replay = Operations + "/replay";
    public const string OpenData = Coalition + "/data";
    public const string OpenDataPackage = OpenData + "/package.zip";
    public const string Board = Coalition + "/{period}";
    public const string Progress = Board + "/progress";
    public const string Digest = Board + "/digest";
    public const string DigestMail = Digest + "/mail";
    public const string Workbook = Board + "/workbook";
    public const string AsOf = Board + "/as-of";
    public const string Reopen = Board + "/units/{unit}/reopen";
    public const string Lock = Board + "/units/{unit}/lock";

    // Sign-in (App Service Authentication's paths; served by the app only for development sign-in).
    public const string SignIn = ".auth/login/{provider?}";
    public const string SignOut = ".auth/logout";
    public const string Me = ".auth/me";

    // The API (function keys) and the open-data API: under one first segment, where errors are problem JSON.
    public const string ApiPrefix = "api";
    public const string ApiTemplate = ApiPrefix + "/templates/{unit}/{period}";
    public const string ApiWorkbook = ApiPrefix + "/workbook";
    public const string ApiValidate = ApiPrefix + "/validate";
    public const string OpenDataDataset = ApiPrefix + "/v1/datasets/{table}";
    public const string OpenDataDescriptor = ApiPrefix + "/v1/datapackage";
    public const string OpenDataOpenApi = ApiPrefix + "/v1/openapi.json";

    /// <summary>
    /// The site-relative path of <paramref name="template"/> with each <c>{name}</c> (or <c>{name?}</c>) replaced by its
    /// value, URI-escaped: <c>Path(UnitPeriod, ("unit", "GT"), ("period", "2021-Q3"))</c> is <c>/units/GT/2021-Q3</c>.
    /// An optional parameter without a value is left out; a required one without a value is a programming error.
    /// </summary>
    public static string Path(string template, params (string Name, string? Value)[] values) => "/" + Fill(template, values);

    /// <summary><paramref name="template"/> filled as in <see cref="Path"/>, without the leading slash.</summary>
    public static string Fill(string template, params (string Name, string? Value)[] values)
    {
        var result = new StringBuilder(template.Length + 16);
        for (var at = 0; at < template.Length;)
        {
            var open = template.IndexOf('{', at);
            if (open < 0) { result.Append(template, at, template.Length - at); break; }
            var close = template.IndexOf('}', open);
            result.Append(template, at, open - at);
            var parameter = template[(open + 1)..close];
            var optional = parameter.EndsWith('?');
            var name = parameter.TrimEnd('?');
            var value = values.FirstOrDefault(v => v.Name == name).Value;
            if (value is null && !optional)
                throw new ArgumentException($"Route '{template}' needs a value for '{name}'.", nameof(values));
            if (value is not null) result.Append(Uri.EscapeDataString(value));
            at = close + 1;
        }
        var filled = result.ToString();
        return filled.EndsWith('/') ? filled.TrimEnd('/') : filled;
    }
}
