using ServerlessPlan.Core.Telemetry;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>
/// The portal's merged-workbook builds on this instance: at most <c>Portal__MaxWorkbookBuilds</c> at a time (each is
/// seconds of CPU and up to hundreds of MiB at the largest scale), a request finding none free refused at once
/// (<see cref="WorkbookBuildsBusyException"/>: 429 with <c>Retry-After</c>) rather than queued behind them; and one
/// build per key (a stored workbook's blob name) — concurrent requests for the same workbook wait for that build
/// instead of starting their own (single flight).
/// </summary>
public sealed class WorkbookBuilds(IOptions<PortalOptions> options, PlanTelemetry telemetry, ILogger<WorkbookBuilds> logger)
{
    /// <summary>What a refused request is told to wait: about one build at the <c>large</c> scale.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    // The `what` tag of PlanTelemetry's build counters.
    private const string Workbook = "workbook";
    private const string Dataset = "dataset";

    private readonly SemaphoreSlim _slots = new(options.Value.MaxWorkbookBuilds, options.Value.MaxWorkbookBuilds);
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    public int Limit => options.Value.MaxWorkbookBuilds;

    /// <summary>Builds running now (for logs and tests).</summary>
    public int Running => Limit - _slots.CurrentCount;

    /// <summary>
    /// <paramref name="build"/> run once for <paramref name="key"/>: a caller arriving while it runs waits for the same
    /// result (or failure). The build is not cancelled when the request that started it goes away, since others may be
    /// waiting for it; each caller's own wait is.
    /// </summary>
    /// <exception cref="WorkbookBuildsBusyException">Every build slot is taken.</exception>
    public async Task<T> OnceAsync<T>(string key, Func<CancellationToken, Task<T>> build, CancellationToken ct)
    {
        while (true)
        {
            if (_inFlight.TryGetValue(key, out var running))
            {
                logger.LogInformation("Workbook {Blob} is being built by another request: waiting for it", key);
                return await ((Task<T>)running).WaitAsync(ct);
            }

            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inFlight.TryAdd(key, result.Task)) continue;
            try
            {
                result.SetResult(await BoundedAsync(build, CancellationToken.None));
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
            finally
            {
                _inFlight.TryRemove(new KeyValuePair<string, Task>(key, result.Task));
            }

            return await result.Task.WaitAsync(ct);
        }
    }

    /// <summary><paramref name="build"/> in one of the slots, shared with nobody (a workbook that is not kept).</summary>
    /// <exception cref="WorkbookBuildsBusyException">Every build slot is taken.</exception>
    public Task<T> AloneAsync<T>(Func<CancellationToken, Task<T>> build, CancellationToken ct) => BoundedAsync(build, ct);

    /// <summary>
    /// One of the same slots for a build streamed into a response (the open-data tables, <c>/api/v1/datasets</c>), held
    /// until the returned handle is disposed, so workbooks and data exports together stay within the instance's limit;
    /// null when every slot is taken (answer 429 with <see cref="RetryAfter"/>).
    /// </summary>
    public IDisposable? TrySlot()
    {
        if (_slots.Wait(0))
        {
            telemetry.WorkbookBuilt(Dataset);
            return new Slot(_slots);
        }
        telemetry.WorkbookRefused(Dataset);
        logger.LogWarning("Streamed build refused: all {Limit} build slots of this instance are taken", Limit);
        return null;
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }

    private async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> build, CancellationToken ct)
    {
        if (!_slots.Wait(0))
        {
            telemetry.WorkbookRefused(Workbook);
            logger.LogWarning("Workbook build refused: all {Limit} build slots of this instance are taken", Limit);
            throw new WorkbookBuildsBusyException(Limit, RetryAfter);
        }

        try
        {
            telemetry.WorkbookBuilt(Workbook);
            return await build(ct);
        }
        finally
        {
            _slots.Release();
        }
    }
}

/// <summary>Every workbook build slot of this instance is taken: try again after <see cref="RetryAfter"/>.</summary>
public sealed class WorkbookBuildsBusyException(int limit, TimeSpan retryAfter)
    : Exception($"All {limit} workbook build slots are taken; retry after {retryAfter.TotalSeconds:0} s.")
{
    public TimeSpan RetryAfter => retryAfter;
}
