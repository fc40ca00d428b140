using System.Diagnostics;
using System.Globalization;

namespace ServerlessPlan.Bench;

/// <summary>
/// Counts the storage requests the Azure SDK sends, and their time, by listening to its HTTP pipeline's diagnostic
/// events (<c>Azure.Core.Http.Request</c>): so the report can say how much of an ingestion is round trips to storage.
/// </summary>
public sealed class StorageRequestCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string ListenerName = "Azure.Core";
    private const string RequestStop = "Azure.Core.Http.Request.Stop";

    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private static readonly bool Trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";

    private long _requests;
    private long _ticks;

    public StorageRequestCounter() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public long Requests => Interlocked.Read(ref _requests);

    public TimeSpan Time => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name != ListenerName) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name.StartsWith("Azure.Core.Http.Request", StringComparison.Ordinal)));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestStop) return;
        Interlocked.Increment(ref _requests);
        if (Activity.Current is { } activity)
        {
            Interlocked.Add(ref _ticks, activity.Duration.Ticks);
            // BENCH_TRACE=1 prints every request (start, duration, method, URL) to stderr: where a step's time goes.
            if (Trace)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trace {activity.StartTimeUtc:HH:mm:ss.fff} {activity.Duration.TotalMilliseconds,7:0.0} ms {activity.GetTagItem("http.method")} {activity.GetTagItem("http.url")}"));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
