namespace ServerlessPlan.Tests.Support;

/// <summary>A clock stopped at one instant, so dates in paths and rate-limit resets are predictable.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
