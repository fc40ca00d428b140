using Azure;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Core.PlanWorkbook;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Cli.Commands;

/// <summary>
/// <c>plan export</c>: writes a plan in force as the workbook the ST edits. Published plans come from storage; when
/// storage cannot be reached the embedded and <c>Plan__File</c> plans are still exported, with a warning.
/// Exit 0 written; 2 usage (unknown plan) or I/O error.
/// </summary>
public sealed class PlanExportCommand(PlansInForceLoader loader, PlanMatrixWriter writer, ILogger<PlanExportCommand> logger) : ICliCommand
{
    /// <summary>Listing the published plans takes well under a second; past this, storage is taken as unreachable.</summary>
    private static readonly TimeSpan StorageWait = TimeSpan.FromSeconds(10);

    public string Name => "export";

    public string Usage => "plan export --plan ID --out FILE.xlsx";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var arguments = Arguments.Parse(args);
        var id = arguments.RequiredOption("plan");
        var output = arguments.RequiredOption("out");
        arguments.RejectUnknown(maxPositionals: 0);

        PlansInForce plans;
        using var storageTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        storageTimeout.CancelAfter(StorageWait);
        try
        {
            plans = await loader.LoadAsync(storageTimeout.Token);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Storage could not be read ({Reason}): published plans are not considered", ex.Message);
            plans = loader.LoadBuiltIn();
        }

        var plan = plans.Find(id)
            ?? throw new UsageException($"There is no plan '{id}' in force; plans: {string.Join(", ", plans.Plans.Select(p => p.Id))}.");
        var path = Path.GetFullPath(output);
        await using (var file = File.Create(path)) writer.Write(file, plan.Catalog);
        await stdout.WriteLineAsync(path);
        return ExitCodes.Ok;
    }
}
