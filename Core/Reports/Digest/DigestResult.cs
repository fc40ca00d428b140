using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>What a digest run did.</summary>
/// <param name="Period">The period reported (chosen by the reporting calendar for scheduled digests).</param>
/// <param name="Message">The composed digest; null when nothing was composed (no data, or another run owns the slot).</param>
/// <param name="Delivery">The sender's report, when this run sent it.</param>
/// <param name="CaughtUp">The message key of an earlier slot, never sent, that this digest stood in for.</param>
public sealed record DigestResult(
    DigestOutcome Outcome,
    string? MessageKey,
    ReportingPeriod? Period,
    DigestMessage? Message = null,
    WorkbookReference? Workbook = null,
    DigestChanges? Changes = null,
    MailDelivery? Delivery = null,
    string? CaughtUp = null);

public enum DigestOutcome
{
    /// <summary>Composed only (the CLI without <c>--send</c>).</summary>
    Rendered,

    /// <summary>Accepted by the provider (or written to the outbox) and recorded as sent.</summary>
    Sent,

    /// <summary>This slot's digest was already sent: nothing done.</summary>
    AlreadySent,

    /// <summary>
    /// Another run holds the claim and did not finish while this one waited: nothing done. Returned to the CLI;
    /// a scheduled run throws <see cref="MailClaimHeldException"/> instead, so the host retries it.
    /// </summary>
    InProgressElsewhere,

    /// <summary>The period has no accepted submission: nothing to report.</summary>
    NoData,

    /// <summary>The reporting calendar's quarter is outside the plan in force: nothing to report.</summary>
    OutsidePlan,
}
