using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ServerlessPlan.Functions.Api;

/// <summary>A 200 whose body is written straight to the response as it is produced (rows streamed from the stores), never buffered whole.</summary>
public sealed class StreamedResult(string contentType, string? fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        if (fileName is not null) response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}
