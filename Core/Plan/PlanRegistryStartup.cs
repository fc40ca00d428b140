using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Plan;

/// <summary>
/// Loads the <see cref="PlanRegistry"/> before a started host serves anything, then refreshes it every
/// <c>Plan__RefreshMinutes</c>. The load runs in <see cref="StartingAsync"/>, which the host awaits for every service
/// before it starts any (the Functions worker's gRPC channel and Kestrel are started in <c>StartAsync</c>), so no
/// invocation can arrive before the plans are known, and consumers stay synchronous. A failed load fails the start:
/// without the published plans no period can be judged safely (one of a published plan would be refused, a published
/// replacement of the embedded plan ignored), so the host's restart of the worker is the retry.
/// </summary>
public sealed class PlanRegistryStartup(PlanRegistry registry, IOptions<PlanOptions> options, TimeProvider time,
    ILogger<PlanRegistryStartup> logger) : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _refreshing;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await registry.LoadAsync(cancellationToken);
        logger.LogInformation("Plan registry loaded before serving: {Plans}", registry.Describe());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var minutes = options.Value.RefreshMinutes;
        if (minutes > 0) _refreshing = RefreshEveryAsync(TimeSpan.FromMinutes(minutes), _stopping.Token);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_refreshing is null) return;
        try
        {
            await _refreshing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the refresh in flight is abandoned with the host.
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task RefreshEveryAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            // RefreshAsync keeps the plans served when anything goes wrong, and logs it.
            if (await registry.RefreshAsync(ct)) logger.LogInformation("Plan registry refreshed: now serving {Plans}", registry.Describe());
        }
    }
}
