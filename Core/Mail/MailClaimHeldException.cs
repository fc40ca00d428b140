namespace ServerlessPlan.Core.Mail;

/// <summary>
/// Another run holds the claim to send <see cref="MessageKey"/> and did not finish while this one waited. Thrown so
/// the host retries the invocation: by then the other run has sent (nothing to do) or died (its lease expires and the
/// retry takes the claim over), so the mail goes out once either way.
/// </summary>
public sealed class MailClaimHeldException(string messageKey, string? holder, DateTimeOffset claimedAt, DateTimeOffset leaseEnds)
    : Exception($"Mail {messageKey} is being sent by run {holder} since {claimedAt:O}; its claim lapses at {leaseEnds:O}. Retry later.")
{
    public string MessageKey { get; } = messageKey;

    public DateTimeOffset LeaseEnds { get; } = leaseEnds;
}
