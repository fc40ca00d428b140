namespace ServerlessPlan.Core.OpenData;

/// <summary>
/// How many open-data builds run at once in an instance (API answers, portal zips): each streams rows, but a build of
/// all quarters still holds a Parquet row group and reads the stores hard, so a few at a time and a 429 for the rest.
/// A small limiter of its own because no shared workbook-build limiter exists on this branch yet.
/// </summary>
public sealed class OpenDataBuildLimit
{
    /// <summary>Builds at once per instance.</summary>
    public const int MaxConcurrentBuilds = 2;

    private readonly SemaphoreSlim _slots = new(MaxConcurrentBuilds, MaxConcurrentBuilds);

    /// <summary>A slot to release by disposing it, or null when every slot is taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
