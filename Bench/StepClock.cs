using System.Diagnostics;

namespace ServerlessPlan.Bench;

/// <summary>
/// Wall-clock time and this process's CPU time (all its threads, GC included) of one step. On a machine shared with
/// other work the wall clock stretches with their load; CPU time much less, so ratios of CPU time are the steadier
/// comparison. CPU time leaves out what another process (Azurite) spends on our behalf.
/// </summary>
public sealed class StepClock
{
    private readonly Stopwatch _wall = new();
    private TimeSpan _cpuAtStart;

    public TimeSpan Elapsed { get; private set; }
    public TimeSpan Cpu { get; private set; }

    public static StepClock StartNew()
    {
        var clock = new StepClock();
        clock.Restart();
        return clock;
    }

    public void Restart()
    {
        _cpuAtStart = Environment.CpuUsage.TotalTime;
        _wall.Restart();
    }

    public void Stop()
    {
        _wall.Stop();
        Cpu = Environment.CpuUsage.TotalTime - _cpuAtStart;
        Elapsed = _wall.Elapsed;
    }
}
