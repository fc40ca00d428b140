namespace ServerlessPlan.Core.Mail;

/// <summary>
/// How a send claim (the digest's slot, a result mail's submission) behaves. A run claims before it calls the
/// provider; a rival run that finds a live claim waits up to <see cref="Wait"/> for it to resolve, then gives up with
/// <see cref="MailClaimHeldException"/> so that the host tries again later; a claim older than <see cref="Lease"/>
/// belongs to a run that died and is taken over. Registered once; tests replace it to keep their waits short.
/// </summary>
/// <param name="Lease">
/// Longer than any run can live: the host stops an invocation after <c>functionTimeout</c> (10 min, host.json), and
/// the slowest send (5 attempts of at most 30 s plus waits capped at 60 s) is under 7 min.
/// </param>
/// <param name="Wait">How long a rival waits for a live claim: a normal send takes seconds.</param>
/// <param name="Poll">How often the rival looks again while it waits.</param>
public sealed record SendClaimTimings(TimeSpan Lease, TimeSpan Wait, TimeSpan Poll)
{
    public static readonly SendClaimTimings Default = new(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1));
}
