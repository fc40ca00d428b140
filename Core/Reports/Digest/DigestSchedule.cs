using Microsoft.Extensions.Configuration;
using NCrontab;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>
/// The digest's timer schedule (top-level setting <c>DigestSchedule</c>, NCRONTAB with seconds, UTC) and the slot an
/// invocation belongs to: the latest occurrence at or before it. A timer firing twice, or late after the host was
/// down, lands on the same slot, so the slot is what makes "one digest per occurrence" checkable.
/// </summary>
public sealed class DigestSchedule
{
    public const string Setting = "DigestSchedule";
    public const string Default = "0 0 12 * * MON";

    /// <summary>The host may fire a moment before the occurrence; an invocation this close to the next one belongs to it.</summary>
    public static readonly TimeSpan EarlyFireTolerance = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(5 * 366);

    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan? _interval;

    public DigestSchedule(IConfiguration configuration) : this(configuration[Setting]) { }

    public DigestSchedule(string? expression)
    {
        Expression = string.IsNullOrWhiteSpace(expression) ? Default : expression.Trim();
        // The Functions host also accepts a TimeSpan ("01:00:00"): occurrences every interval from midnight.
        if (!Expression.Contains(' ') && TimeSpan.TryParse(Expression, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            _interval = interval;
        }
        else
        {
            _cron = CrontabSchedule.TryParse(Expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                    ?? throw new FormatException($"DigestSchedule '{Expression}' is neither an NCRONTAB expression with seconds nor a TimeSpan.");
        }
    }

    public string Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="instant"/> (UTC).</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var at = instant.UtcDateTime;
        if (_interval is { } interval)
            return new DateTimeOffset(at.Ticks - at.Ticks % interval.Ticks + interval.Ticks, TimeSpan.Zero);
        return new DateTimeOffset(DateTime.SpecifyKind(_cron!.GetNextOccurrence(at), DateTimeKind.Utc));
    }

    /// <summary>The occurrence <paramref name="invokedAt"/> runs for: the latest one at or before it (UTC).</summary>
    public DateTimeOffset SlotFor(DateTimeOffset invokedAt)
    {
        var at = invokedAt.UtcDateTime + EarlyFireTolerance;
        if (_interval is { } interval)
            return new DateTimeOffset(at.Ticks - at.Ticks % interval.Ticks, TimeSpan.Zero);

        // Look back in growing windows: cheap for every-minute schedules and still finds a yearly one.
        for (var window = TimeSpan.FromMinutes(1); window <= MaxLookBack * 2; window *= 2)
        {
            var occurrences = _cron!.GetNextOccurrences(at - window, at.AddTicks(1));
            DateTime? last = null;
            foreach (var occurrence in occurrences) last = occurrence;
            if (last is { } found) return new DateTimeOffset(DateTime.SpecifyKind(found, DateTimeKind.Utc));
        }

        return new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }
}
