using System.Diagnostics;

namespace ServerlessPlan.Bench;

/// <summary>
/// Watches memory while one step runs, from a background thread every few milliseconds: the managed heap
/// (<see cref="GC.GetTotalMemory"/> and, between samples, the heap size before each garbage collection from
/// <see cref="GC.GetGCMemoryInfo()"/>) and the process working set. Peaks are reported above the baseline taken after
/// a full collection at the start, so a step is charged only for what it holds; bytes allocated is the total the step
/// asked for, freed or not.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly Thread _thread;
    private readonly long _baselineManaged;
    private readonly long _baselineAllocated;
    private readonly Stopwatch _clock;
    private volatile bool _stop;
    private long _peakManaged;
    private long _peakWorkingSet;
    private long _lastGcIndex;

    private MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _baselineManaged = GC.GetTotalMemory(false);
        _lastGcIndex = GC.GetGCMemoryInfo().Index;
        _peakManaged = _baselineManaged;
        _peakWorkingSet = Environment.WorkingSet;
        _baselineAllocated = GC.GetTotalAllocatedBytes(precise: true);
        _thread = new Thread(Run) { IsBackground = true, Name = "bench-memory", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        _clock = Stopwatch.StartNew();
    }

    public static MemorySampler Start() => new();

    /// <summary>Stops sampling (takes one last sample) and returns what the step used.</summary>
    public MemoryUse Stop()
    {
        var elapsed = _clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _baselineAllocated;
        _stop = true;
        _thread.Join();
        Sample();
        return new MemoryUse(elapsed, Math.Max(0, _peakManaged - _baselineManaged), _peakWorkingSet, allocated);
    }

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive) _thread.Join();
    }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(Interval);
        }
    }

    private void Sample()
    {
        var managed = GC.GetTotalMemory(false);
        var info = GC.GetGCMemoryInfo();
        if (info.Index != Interlocked.Read(ref _lastGcIndex))
        {
            // A collection ran since the last sample: the heap was at least this big just before it.
            Interlocked.Exchange(ref _lastGcIndex, info.Index);
            long before = 0;
            foreach (var generation in info.GenerationInfo) before += generation.SizeBeforeBytes;
            managed = Math.Max(managed, before);
        }
        Max(ref _peakManaged, managed);
        Max(ref _peakWorkingSet, Environment.WorkingSet);
    }

    private static void Max(ref long field, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref field)) && Interlocked.CompareExchange(ref field, value, seen) != seen)
        {
        }
    }
}

/// <param name="PeakManagedBytes">Largest managed heap seen above the step's starting baseline.</param>
/// <param name="PeakWorkingSetBytes">Largest working set of the whole process seen during the step (absolute).</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the step, freed or not.</param>
public sealed record MemoryUse(TimeSpan Elapsed, long PeakManagedBytes, long PeakWorkingSetBytes, long AllocatedBytes);
