using System.Reflection;
using System.Runtime.ExceptionServices;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.LocalHost;

/// <summary>
/// Event Grid's delivery, emulated for the local server (Event Grid cannot reach a machine's loopback): every
/// Event Grid-sourced blob trigger of the app (found by its <c>[BlobTrigger]</c> attribute, like the HTTP routes) has
/// its container watched, and a blob that appears or changes — written by the portal or by any tool writing to
/// Azurite — is handed to the same function class the host would invoke, bound the way the host binds it
/// (<see cref="BlobClient"/>, the path's named parts, a cancellation token), at host.json's parallelism, with the
/// host's retries (five attempts). Blobs already there when it starts count as delivered; <see cref="Ready"/> says
/// when that first look is done, so a blob written after it is never mistaken for one of them.
/// </summary>
public sealed class LocalBlobEvents(IServiceProvider services, BlobServiceClient blobs, StorageLayout layout, LocalBlobEventsOptions options,
    ILogger<LocalBlobEvents> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the blobs already there are known (every later one is delivered), or when it stops.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WatchAsync(stoppingToken);
        }
        finally
        {
            _ready.TrySetResult();
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var triggers = BlobTriggerFunction.Discover(options.FunctionsAssembly);
        using var slots = new SemaphoreSlim(Math.Max(1, HostSettings.BlobParallelism));
        var seen = new Dictionary<(string Container, string Blob), ETag>();
        var running = new List<Task>();
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var trigger in triggers)
            {
                var container = blobs.GetBlobContainerClient(layout.Prefix + trigger.Container);
                try
                {
                    await foreach (var item in container.GetBlobsAsync(cancellationToken: stoppingToken))
                    {
                        var key = (trigger.Container, item.Name);
                        var etag = item.Properties.ETag ?? default;
                        if (seen.TryGetValue(key, out var known) && known == etag) continue;
                        seen[key] = etag;
                        if (first || trigger.Match(item.Name) is not { } values) continue;
                        await slots.WaitAsync(stoppingToken);
                        running.Add(DeliverAsync(trigger, container.GetBlobClient(item.Name), values, slots, stoppingToken));
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // The container does not exist yet: nothing to deliver.
                }
                catch (RequestFailedException ex)
                {
                    logger.LogWarning(ex, "Listing {Container} for blob events failed; trying again", container.Name);
                }
            }

            first = false;
            _ready.TrySetResult();
            running.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running);
    }

    private async Task DeliverAsync(BlobTriggerFunction trigger, BlobClient blob, IReadOnlyDictionary<string, string> values, SemaphoreSlim slots,
        CancellationToken ct)
    {
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                try
                {
                    logger.LogInformation("Delivering {Blob} to {Function} (attempt {Attempt}), as Event Grid would", blob.Name, trigger.Name, attempt);
                    await using var scope = services.CreateAsyncScope();
                    await trigger.InvokeAsync(scope.ServiceProvider, blob, values, ct);
                    return;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && attempt < MaxAttempts)
                {
                    logger.LogWarning(ex, "{Function} failed on {Blob} (attempt {Attempt}); retrying", trigger.Name, blob.Name, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), ct);
                }
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "{Function} failed on {Blob} after {Attempts} attempts", trigger.Name, blob.Name, MaxAttempts);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            slots.Release();
        }
    }
}

/// <summary>How the local server watches blob containers.</summary>
public sealed class LocalBlobEventsOptions
{
    public Assembly FunctionsAssembly { get; init; } = FunctionsApp.Assembly;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>One blob-triggered function: its container, its path pattern and how to invoke it.</summary>
internal sealed class BlobTriggerFunction
{
    private readonly MethodInfo _method;
    private readonly string[] _segments;

    private BlobTriggerFunction(string name, MethodInfo method, string path)
    {
        Name = name;
        _method = method;
        var parts = path.Split('/');
        Container = parts[0];
        _segments = parts[1..];
    }

    public string Name { get; }

    public string Container { get; }

    public static IReadOnlyList<BlobTriggerFunction> Discover(Assembly assembly) =>
        (from type in assembly.GetTypes()
         where type is { IsClass: true, IsAbstract: false }
         from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
         let function = method.GetCustomAttribute<FunctionAttribute>()
         let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).FirstOrDefault(t => t is not null)
         where function is not null && trigger is not null && trigger.Source == BlobTriggerSource.EventGrid
         select new BlobTriggerFunction(function.Name, method, trigger.BlobPath)).ToList();

    /// <summary>The path's named parts (<c>{unit}</c>…) for a blob name relative to the container, or null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var parts = blobName.Split('/');
        if (parts.Length != _segments.Length) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var segment = _segments[i];
            if (segment.StartsWith('{') && segment.EndsWith('}')) values[segment[1..^1]] = parts[i];
            else if (!string.Equals(segment, parts[i], StringComparison.Ordinal)) return null;
        }
        return values;
    }

    public async Task InvokeAsync(IServiceProvider services, BlobClient blob, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var instance = _method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, _method.DeclaringType!);
        var arguments = _method.GetParameters().Select(p =>
            p.GetCustomAttribute<BlobTriggerAttribute>() is not null ? blob
            : p.ParameterType == typeof(CancellationToken) ? ct
            : values.TryGetValue(p.Name!, out var value) ? value
            : p.HasDefaultValue ? p.DefaultValue
            : throw new NotSupportedException($"{Name}: nothing to bind to parameter '{p.Name}'.")).ToArray();
        try
        {
            if (_method.Invoke(instance, arguments) is Task task) await task;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
        }
    }
}
