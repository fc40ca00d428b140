using Microsoft.Extensions.Time.Testing;

namespace ServerlessPlan.Tests.Integration.Mail;

/// <summary>
/// A <see cref="FakeTimeProvider"/> on which a wait takes no time: each timer, once armed, moves the clock on to its due
/// time, so the SendGrid retries' backoff passes at once and the waits can still be read off the retry log. Only for
/// code whose every timer on this clock is a wait (the retry handler's: an attempt's timeout runs on the system clock).
/// </summary>
internal sealed class InstantWaitTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            var due = GetUtcNow() + dueTime;
            // After the caller holds the timer: firing it from inside CreateTimer would complete a delay not yet set up.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                lock (_gate)
                {
                    if (GetUtcNow() < due) SetUtcNow(due);
                }
            });
        }
        return timer;
    }
}
