namespace ServerlessPlan.Bench;

/// <summary>Everything one bench run measured, printed as a table for people or as JSON for scripts.</summary>
public sealed record BenchReport(string Scale, BenchMachine Machine, IReadOnlyList<BenchScaleInfo> Scales, IReadOnlyList<BenchLine> Lines,
    IReadOnlyList<BenchScaling> Scaling);

public sealed record BenchScaleInfo(string Name, int Units, int Activities, int Quarters, int Iterations, int Warmup, long TidyRows);

public sealed record BenchMachine(int Cores, string Runtime, string Os, string Cpu, string GcMode);

/// <summary>
/// One measured step at one scale, beside its floor where it has one. Times are milliseconds (the median of the
/// timed iterations where there are several); memory is bytes (see <see cref="MemorySampler"/> for what each means).
/// </summary>
public sealed record BenchLine
{
    public required string Section { get; init; }
    public required string Scale { get; init; }
    public required string Step { get; init; }
    public required double Ms { get; init; }
    public double? P95Ms { get; init; }
    public int Iterations { get; init; } = 1;
    public long Rows { get; init; }
    public double? RowsPerSecond => Rows > 0 && Ms > 0 ? Rows / (Ms / 1000) : null;
    public double? FloorMs { get; init; }
    public double? Ratio => FloorMs is > 0 ? Ms / FloorMs : null;

    /// <summary>Median CPU time of this process during the step (see <see cref="StepClock"/>).</summary>
    public double? CpuMs { get; init; }
    public double? FloorCpuMs { get; init; }
    public double? CpuRatio => FloorCpuMs is > 0 && CpuMs is { } cpu ? cpu / FloorCpuMs : null;
    public long? PeakManagedBytes { get; init; }
    public long? PeakWorkingSetBytes { get; init; }
    public long? AllocatedBytes { get; init; }
    public long? OutputBytes { get; init; }

    /// <summary>Sheets ingested per second of the step's wall time (the burst).</summary>
    public double? SheetsPerSecond { get; init; }

    /// <summary>How many ingestions ran at once (the host's <c>maxDegreeOfParallelism</c>), and how many deliveries there were.</summary>
    public int? Concurrency { get; init; }
    public int? Deliveries { get; init; }

    /// <summary>The target in words (e.g. <c>≤ 3× floor</c>); null where the line is for information.</summary>
    public string? Target { get; init; }

    public bool? Met { get; init; }
}

/// <summary>Names of the report's sections: stable, scripts and the smoke test read them.</summary>
public static class BenchSections
{
    public const string Ingestion = "ingestion";
    public const string Guard = "guard";
    public const string Workbook = "workbook";
    public const string Digest = "digest";
    public const string Burst = "burst";
    public const string Portal = "portal";
    public const string Trends = "trends";

    public const string Hostile = "hostile";

    public const string OpenData = "opendata";

    /// <summary>The app's start in a child process, beside a bare host's, built and published ReadyToRun: only when asked for (<c>--only coldstart</c>).</summary>
    public const string ColdStart = "coldstart";

    public static readonly IReadOnlyList<string> All = [Ingestion, Guard, Workbook, Digest, Burst, Hostile, Portal, OpenData, Trends];

    /// <summary>Every section <c>--only</c> accepts: <see cref="All"/> (a run without <c>--only</c>) and <see cref="ColdStart"/>, which publishes the app first.</summary>
    public static readonly IReadOnlyList<string> Known = [.. All, ColdStart];
}
