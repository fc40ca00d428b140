using Azure;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.Plan.Publishing;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.PlanWorkbook;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>plan publish</c>: checks a plan (workbook or plan file) exactly as <c>plan import</c> does and stores it as a plan
/// in force. Exit 0 published, replaced or already identical; 1 invalid or refused (an id already in force with other
/// content and no <c>--replace</c>, years overlapping another plan); 2 usage, I/O or storage error.
/// </summary>
public sealed class PlanPublishCommand(PlanFileReader reader, PlanPublisher publisher) : ICliCommand
{
    public string Name => "publish";

    public string Usage => "plan publish FILE.json|FILE.xlsx [--replace] [--lang es|en]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args, "replace");
        var replace = arguments.Switch("replace");
        var language = PlanArguments.Language(arguments);
        arguments.RejectUnknown(maxPositionals: 1);
        var file = PlanArguments.File(arguments);

        var read = await reader.ReadAsync(file, language, cancellationToken);
        if (read.Catalog is not { } catalog)
        {
            await PlanArguments.PrintAsync(stdout, read);
            return ExitCodes.Rejected;
        }

        PublishResult result;
        try
        {
            result = await publisher.PublishAsync(catalog, read.Source, replace, language, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lease was not free within the wait, or the current blob changed after it was checked.
            throw new IOException($"Another publication of plans is in progress or just changed plan {catalog.Id}; run the command again. ({ex.ErrorCode})", ex);
        }
        catch (RequestFailedException ex)
        {
            throw new IOException($"Storage error while publishing plan {catalog.Id}: {ex.Status} {ex.ErrorCode}.", ex);
        }

        var plan = PlansInForce.Describe(catalog);
        switch (result.Outcome)
        {
            case PublishOutcome.Unchanged:
                await stdout.WriteLineAsync($"UNCHANGED plan {plan} is already in force with identical content ({result.Current}): nothing to publish.");
                break;
            case PublishOutcome.Refused:
                await stdout.WriteLineAsync($"REFUSED plan {plan}: {Counted.Of(result.Refusals.Count, "problem", "problems")}");
                await PlanArguments.PrintIssuesAsync(stdout, result.Refusals);
                return ExitCodes.Rejected;
            default:
                var verb = result.Outcome == PublishOutcome.Replaced ? "REPLACED" : "PUBLISHED";
                var previous = result.Previous?.Origin switch
                {
                    PlanOrigin.Published => $"; the version it replaces stays among the kept versions ({result.Previous.Location})",
                    PlanOrigin.Embedded => "; it takes the place of the plan embedded in the application",
                    PlanOrigin.File => "; it takes the place of the Plan__File plan",
                    _ => "",
                };
                await stdout.WriteLineAsync($"{verb} plan {plan} as {result.Current} (kept as {result.Version}){previous}.");
                break;
        }
        await PlanArguments.PrintIssuesAsync(stdout, read.Warnings);
        return ExitCodes.Ok;
    }
}
