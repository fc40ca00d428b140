using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace ServerlessPlan.Functions.Http;

/// <summary>
/// The worker's middleware for every HTTP function (the exception-handling middleware of the worker's samples, plus
/// the security headers): <see cref="SecurityHeaders"/> on the response before the function runs, and an unhandled
/// exception turned into <see cref="HttpFailure.ForException"/> (a page or problem JSON, never a stack trace) after
/// it is logged. The local server runs the same two steps around the same function classes (LocalHost/LocalFunctionsServer.cs).
/// </summary>
public sealed class HttpPolicyMiddleware(ILogger<HttpPolicyMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        SecurityHeaders.Apply(http);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "Function {Function} failed on {Method} {Path}", context.FunctionDefinition.Name, http.Request.Method, http.Request.Path);
            context.GetInvocationResult().Value = HttpFailure.ForException(http.Request);
        }
    }
}
