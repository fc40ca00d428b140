using ServerlessPlan.Core.Telemetry;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ServerlessPlan.Functions;

namespace ServerlessPlan.Tests.Support;

/// <summary>
/// The app's telemetry composition (<see cref="TelemetryServiceCollectionExtensions.AddPlanTelemetry"/>, no connection
/// string: nothing leaves the process) with OpenTelemetry's in-memory exporters added: the metric points and spans
/// the Azure Monitor exporter would have been handed in Azure.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<Activity> _spans = [];
    private IServiceProvider? _services;
    private Meter? _meter;

    /// <summary>For a test host's <c>configure</c>: the app's telemetry plus the in-memory exporters.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddPlanTelemetry(new ConfigurationBuilder().Build());
        // OpenTelemetry listens to meters by name, process-wide: another host's ServerlessPlan meter (a portal started in
        // the same test) would otherwise share, and on its disposal end, these instruments' streams.
        services.ConfigureOpenTelemetryMeterProvider(m => m
            .AddView(i => i.Meter.Name == PlanTelemetry.Name && !ReferenceEquals(i.Meter, _meter) ? MetricStreamConfiguration.Drop : null)
            .AddInMemoryExporter(_metrics));
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
    }

    /// <summary>Starts the providers a host would start (they listen from then on).</summary>
    public void Start(IServiceProvider services)
    {
        _services = services;
        _meter = services.GetRequiredService<PlanTelemetry>().Meter;
        _ = services.GetRequiredService<MeterProvider>();
        _ = services.GetRequiredService<TracerProvider>();
    }

    /// <summary>
    /// The points of <paramref name="instrument"/> on the app's meter (flushed first). The in-memory exporter's
    /// temporality is cumulative, so the last export of an instrument holds its totals.
    /// </summary>
    public IReadOnlyList<Point> Points(string instrument) => [.. AllPoints().Where(p => p.Instrument == instrument)];

    /// <summary>The totals so far of every instrument of the app's meter.</summary>
    public IReadOnlyList<Point> AllPoints()
    {
        Flush();
        lock (_metrics)
        {
            return [.. _metrics.Where(m => m.MeterName == PlanTelemetry.Name)
                .GroupBy(m => m.Name)
                .SelectMany(g => g.Last().MetricPoints.Select(p => Point.Of(g.Last(), p)))];
        }
    }

    /// <summary>The total of a counter over the points whose tags include <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Points(instrument).Where(p => tags.All(t => p.Tags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value))).Sum(p => p.Value);

    /// <summary>The spans of the app's source ended so far.</summary>
    public IReadOnlyList<Activity> Spans()
    {
        Flush();
        lock (_spans) return [.. _spans.Where(s => s.Source.Name == PlanTelemetry.Name)];
    }

    private void Flush()
    {
        var services = _services ?? throw new InvalidOperationException("Start the capture first.");
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    /// <summary>One exported point: a counter's sum (delta or cumulative as exported) or a histogram's count, with its tags.</summary>
    public sealed record Point(string Instrument, double Value, double? HistogramSum, IReadOnlyDictionary<string, object?> Tags)
    {
        public static Point Of(MetricSnapshot metric, MetricPoint point)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            return metric.MetricType switch
            {
                MetricType.Histogram => new Point(metric.Name, point.GetHistogramCount(), point.GetHistogramSum(), tags),
                MetricType.LongSum => new Point(metric.Name, point.GetSumLong(), null, tags),
                MetricType.DoubleSum => new Point(metric.Name, point.GetSumDouble(), null, tags),
                _ => new Point(metric.Name, double.NaN, null, tags),
            };
        }
    }
}
