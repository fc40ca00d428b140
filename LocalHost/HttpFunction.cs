using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessPlan.LocalHost;

/// <summary>
/// One HTTP-triggered function as the isolated worker's ASP.NET Core integration maps it: found by its
/// <c>[Function]</c> method with an <c>[HttpTrigger]</c> parameter, routed at <c>{routePrefix}/{Route ?? name}</c> for
/// its methods, and invoked on an instance of its class made from the request's services, with the real
/// <see cref="HttpRequest"/>, the bound route values and the request's cancellation token. An
/// <see cref="IActionResult"/> it returns is executed against the response, as the worker does. The routes come from
/// the <c>[HttpTrigger]</c> attributes and nowhere else: the local server and the Functions host share them.
/// </summary>
public sealed class HttpFunction
{
    private HttpFunction(string name, Type functionClass, MethodInfo method, HttpTriggerAttribute trigger, string routePrefix)
    {
        Name = name;
        FunctionClass = functionClass;
        Method = method;
        AuthLevel = trigger.AuthLevel;
        Methods = trigger.Methods is { Length: > 0 } methods ? methods : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];
        var route = trigger.Route ?? name;
        Pattern = routePrefix.Length == 0 ? $"/{route}" : $"{routePrefix}/{route}";
    }

    /// <summary>The function's name (<c>[Function(name)]</c>), as the host and its logs know it.</summary>
    public string Name { get; }

    public Type FunctionClass { get; }

    public MethodInfo Method { get; }

    /// <summary>Checked by the local server only when it is given a key (<see cref="LocalFunctionsServer.Options.FunctionKey"/>).</summary>
    public AuthorizationLevel AuthLevel { get; }

    /// <summary>HTTP methods as declared (any method when none is).</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The ASP.NET Core route pattern, prefix included: <c>/api/templates/{unit}/{period}</c> with host.json's empty prefix.</summary>
    public string Pattern { get; }

    /// <summary>Every HTTP function of <paramref name="assembly"/>, in a stable order.</summary>
    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly, string routePrefix) =>
        (from type in assembly.GetTypes()
         where type is { IsClass: true, IsAbstract: false }
         from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
         let function = method.GetCustomAttribute<FunctionAttribute>()
         let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
         where function is not null && trigger is not null
         orderby function.Name
         select new HttpFunction(function.Name, type, method, trigger, routePrefix.Trim('/'))).ToList();

    /// <summary>The endpoint's request delegate: one invocation of the function for one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var instance = Method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, FunctionClass);
        try
        {
            var arguments = Method.GetParameters().Select(p => Bind(p, context)).ToArray();
            object? returned;
            try
            {
                returned = Method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(ex.InnerException);
                throw;
            }

            switch (await ResultOf(returned))
            {
                case IActionResult result:
                    await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                    break;
                case null:
                    break;
                case var other:
                    throw new NotSupportedException(
                        $"{Name} returned {other.GetType().Name}: the local server executes IActionResult only (no HttpResponseData, no output bindings).");
            }
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    private object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return parameter.ParameterType == typeof(HttpRequest)
                ? context.Request
                : throw new NotSupportedException($"{Name}: the local server binds the trigger as HttpRequest only, not {parameter.ParameterType.Name}.");
        }

        if (parameter.ParameterType == typeof(CancellationToken)) return context.RequestAborted;
        if (parameter.ParameterType == typeof(FunctionContext))
            throw new NotSupportedException($"{Name}: the local server has no FunctionContext; keep triggers thin enough not to need one.");

        // The host's binding data for an HTTP trigger: route values, then query parameters, by parameter name.
        var text = context.Request.RouteValues.TryGetValue(parameter.Name!, out var routeValue) && routeValue is not null
            ? Convert.ToString(routeValue, CultureInfo.InvariantCulture)
            : context.Request.Query.TryGetValue(parameter.Name!, out var query) ? query.ToString() : null;
        if (text is null)
        {
            if (parameter.HasDefaultValue) return parameter.DefaultValue;
            if (!parameter.ParameterType.IsValueType || Nullable.GetUnderlyingType(parameter.ParameterType) is not null) return null;
            throw new InvalidOperationException($"{Name}: no route value or query parameter for '{parameter.Name}'.");
        }

        return parameter.ParameterType == typeof(string)
            ? text
            : TypeDescriptor.GetConverter(parameter.ParameterType).ConvertFromInvariantString(text);
    }

    /// <summary>The value the method produced, awaited; judged by the declared return type (an async Task's runtime type is generic).</summary>
    private async Task<object?> ResultOf(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                return Method.ReturnType.IsGenericType ? Method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }
}
