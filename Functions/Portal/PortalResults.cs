using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Functions.Http;
using ServerlessPlan.Functions.Portal.Pages;

namespace ServerlessPlan.Functions.Portal;

/// <summary>How portal functions answer: a page, JSON for the page's script, or a file.</summary>
public static class PortalResults
{
    public static ContentResult Page(Html html, int status = 200) =>
        new() { Content = html.Value, ContentType = Layout.HtmlContentType, StatusCode = status };

    public static ContentResult Json(object value, int status = 200) =>
        new() { Content = JsonSerializer.Serialize(value, ValidationReport.JsonOptions), ContentType = "application/json; charset=utf-8", StatusCode = status };

    public static FileStreamResult File(Stream content, string contentType, string fileName) =>
        new(content, contentType) { FileDownloadName = fileName };
}
