using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Reports.Digest;

/// <summary>What a digest run did.</summary>
/// <param name="Period">The period reported; null when no period has data.</param>
/// <param name="Message">The composed digest; null when nothing was composed (no data, or another run owns the slot).</param>
/// <param name="Delivery">The sender's report, when this run sent it.</param>
public sealed record DigestResult(
    DigestOutcome Outcome,
    string? MessageKey,
    ReportingPeriod? Period,
    DigestMessage? Message = null,
    WorkbookReference? Workbook = null,
    DigestChanges? Changes = null,
    MailDelivery? Delivery = null);

public enum DigestOutcome
{
    /// <summary>Composed only (the CLI without <c>--send</c>).</summary>
    Rendered,

    /// <summary>Accepted by the provider (or written to the outbox) and recorded as sent.</summary>
    Sent,

    /// <summary>This slot's digest was already sent: nothing done.</summary>
    AlreadySent,

    /// <summary>Another run holds this slot's claim and may be sending right now: nothing done.</summary>
    InProgressElsewhere,

    /// <summary>No period has an accepted submission (or the requested one has none): nothing to report.</summary>
    NoData,
}
