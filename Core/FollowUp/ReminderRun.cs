using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.FollowUp;

/// <summary>What became of one follow-up mail in a run.</summary>
public enum ReminderOutcome
{
    /// <summary>Sent by this run (the provider accepted it, or it was written to the outbox).</summary>
    Sent,

    /// <summary>An earlier run sent it: nothing to do.</summary>
    AlreadySent,

    /// <summary>The unit has an accepted sheet for the quarter: no reminder.</summary>
    HasAcceptedSheet,

    /// <summary>The unit is exempt (<c>Reminders__ExemptUnits</c>).</summary>
    Exempt,

    /// <summary>Nobody is registered to receive it (<c>Contacts__Units__{unit}</c>, or for the list the ST's addresses).</summary>
    NoContact,

    /// <summary>Another run claimed it and had not finished when this run stopped waiting: the host's retry settles it.</summary>
    HeldElsewhere,

    /// <summary>The provider did not take it; recorded as failed, so the next run sends it while its window is open.</summary>
    Failed,

    /// <summary>Not tried: the provider had failed earlier in this run. The next run sends it while its window is open.</summary>
    NotAttempted,

    /// <summary>Claimed, then not sent: the unit's sheet was accepted in the meantime.</summary>
    Cancelled,

    /// <summary>The ST's list had nothing to say: no unit that gets reminders is missing.</summary>
    NothingMissing,
}

/// <summary>One mail a run decided about, and why.</summary>
/// <param name="Period">The quarter (null for the weekly list, which may cover several: see <paramref name="Periods"/>).</param>
/// <param name="Unit">The unit reminded (null for the weekly list).</param>
/// <param name="Week">The ISO week of a weekly list.</param>
/// <param name="Reason">Why, in a sentence for the operator (CLI, logs).</param>
/// <param name="Recipients">Who it went (or would have gone) to.</param>
public sealed record ReminderItem(
    ReminderKind Kind,
    ReportingPeriod? Period,
    string? Unit,
    int? DaysBefore,
    string? Week,
    ReminderOutcome Outcome,
    string Reason,
    string? MessageKey = null,
    IReadOnlyList<string>? Recipients = null,
    MailDelivery? Delivery = null,
    IReadOnlyList<ReportingPeriod>? Periods = null)
{
    public bool Incomplete => Outcome is ReminderOutcome.HeldElsewhere or ReminderOutcome.Failed or ReminderOutcome.NotAttempted;
}

/// <summary>What one run (a timer firing, or <c>serverlessplan reminders</c>) did at <see cref="At"/>.</summary>
/// <param name="Windows">Every window of the quarters in play, open or not, so a reader can see why something was or was not due.</param>
public sealed record ReminderRun(DateTimeOffset At, string Week, IReadOnlyList<ReminderWindow> Windows, IReadOnlyList<ReminderItem> Items)
{
    /// <summary>True when nothing due was left unsent (failed, not attempted, or held by a run that did not finish).</summary>
    public bool Complete => !Items.Any(i => i.Incomplete);

    public int Sent => Items.Count(i => i.Outcome == ReminderOutcome.Sent);

    /// <summary>Throws so the host's retry policy comes back for what is left; a no-op when the run is complete.</summary>
    /// <exception cref="ReminderRunIncompleteException">Something due was not sent.</exception>
    public void ThrowIfIncomplete()
    {
        if (!Complete) throw new ReminderRunIncompleteException(this);
    }
}

/// <summary>A run left mails due unsent (provider failure, or a rival run still on them): the host should retry.</summary>
public sealed class ReminderRunIncompleteException(ReminderRun run) : Exception(
    $"Reminders at {run.At:O}: {run.Items.Count(i => i.Incomplete)} mail(s) left unsent " +
    $"({string.Join(", ", run.Items.Where(i => i.Incomplete).Select(i => $"{i.MessageKey}: {i.Outcome}"))}); the next run sends them while their window is open.")
{
    public ReminderRun Run { get; } = run;
}
