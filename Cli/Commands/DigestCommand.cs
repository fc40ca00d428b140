using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Reports.MergedWorkbook;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>digest [--period 2021-Q3] [--send] [--out FILE.html]</c>: the Presidency's digest. Without <c>--send</c> it only
/// renders (HTML to <c>--out</c>, text to the console); with it, it sends through the configured sender (the outbox
/// when no SendGrid key is set). The period defaults to the quarter the reporting calendar names (<c>Digest__Period</c>:
/// the last one due), as for the scheduled digest.
/// </summary>
public sealed class DigestCommand(DigestService digests, MergedWorkbookService workbooks, CliPlans plans) : ICliCommand
{
    public string Name => "digest";

    public string Usage => "digest [--period YYYY-Qn] [--send] [--out FILE.html]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "send");
        var periodText = arguments.Option("period");
        var send = arguments.Switch("send");
        var outPath = arguments.Option("out");
        arguments.RejectUnknown(0);
        await plans.InForceAsync(cancellationToken);

        var period = periodText is null ? workbooks.DefaultPeriod() : RequestArguments.Period(periodText);
        if (periodText is null && !workbooks.InPlan(period))
        {
            await stdout.WriteLineAsync($"The reporting calendar's quarter is {period}, outside the plan in force: nothing to digest. Name one with --period.");
            return ExitCodes.NoData;
        }

        DigestResult result;
        try
        {
            result = await digests.SendAsync(period, send, cancellationToken);
        }
        catch (MailConfigurationException ex)
        {
            throw new UsageException(ex.Message);
        }

        if (result.Message is null)
        {
            if (result.Outcome == DigestOutcome.NoData)
            {
                await stdout.WriteLineAsync($"No accepted submissions for {period}: nothing to digest.");
                return ExitCodes.NoData;
            }
            await stdout.WriteLineAsync($"Digest {result.MessageKey} not sent: {result.Outcome}.");
            return ExitCodes.Rejected;
        }

        if (outPath is not null)
        {
            var full = Path.GetFullPath(outPath);
            await File.WriteAllTextAsync(full, result.Message.HtmlBody, cancellationToken);
            await stdout.WriteLineAsync($"HTML → {full}");
        }

        await stdout.WriteLineAsync($"Subject: {result.Message.Subject}");
        await stdout.WriteLineAsync();
        await stdout.WriteAsync(result.Message.TextBody);
        if (result.Delivery is { } delivery)
        {
            var where = delivery.OutboxDirectory ?? delivery.OutboxBlobPrefix ?? delivery.ProviderMessageId;
            await stdout.WriteLineAsync($"Sent {delivery.MessageKey}: {delivery.Outcome} {where}".TrimEnd());
        }
        return ExitCodes.Ok;
    }
}
