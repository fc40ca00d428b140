using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// Every measurement one instrument of one meter records while it lives (a <see cref="MeterListener"/>, the runtime's
/// own): each test's composition has its own meter, so parallel tests never see each other's figures.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measurements = new();

    public MetricRecorder(Meter meter, string instrument)
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (ReferenceEquals(i.Meter, meter) && i.Name == instrument) l.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Record(value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measured> Measurements => [.. _measurements];

    private void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var t in tags) dictionary[t.Key] = t.Value;
        _measurements.Enqueue(new Measured(value, dictionary));
    }

    public void Dispose() => _listener.Dispose();

    public sealed record Measured(double Value, IReadOnlyDictionary<string, object?> Tags);
}
