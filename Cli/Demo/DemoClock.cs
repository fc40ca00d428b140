namespace ServerlessPlan.Cli.Demo;

/// <summary>
/// The CLI's clock: the system clock, unless the demo moves it to a date inside the plan (its quarters are in 2021) so
/// that the reporting calendar, the digest's quarter and the upload checks behave as they would have then. It keeps
/// running from there, so leases and waits still pass.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>How far "now" is moved from the system clock (zero unless the demo set a date).</summary>
    public TimeSpan Offset => _offset;

    /// <summary>From now on, "now" is <paramref name="now"/> plus the time elapsed since this call.</summary>
    public void StartAt(DateTimeOffset now) => _offset = now - System.GetUtcNow();
}
