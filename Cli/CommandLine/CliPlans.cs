using Azure;
using Microsoft.Extensions.Logging;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli.CommandLine;

/// <summary>
/// Loads the <see cref="PlanRegistry"/> once per run, when a verb has read its arguments and needs the plans in force:
/// the CLI does not start its host, so the <see cref="PlanRegistryStartup"/> a started host runs does not run here.
/// </summary>
public sealed class CliPlans(PlanRegistry registry, ILogger<CliPlans> logger)
{
    /// <summary>How long an offline verb waits for storage before it goes on with the built-in plans.</summary>
    private static readonly TimeSpan OfflineStorageWait = TimeSpan.FromSeconds(10);

    /// <summary>True when <see cref="InForceOrBuiltInAsync"/> found storage unreachable and fell back on the built-in plans.</summary>
    public bool StorageUnreachable { get; private set; }

    /// <summary>The plans in force, published ones included.</summary>
    /// <exception cref="StorageUnreachableException">Storage does not answer (exit 4).</exception>
    /// <exception cref="PlansInForceException">The plans in force cannot be served (overlaps, an unreadable published plan).</exception>
    public async Task<PlanRegistry> InForceAsync(CancellationToken ct)
    {
        if (!registry.IsLoaded) await registry.LoadAsync(ct);
        return registry;
    }

    /// <summary>
    /// For an offline verb (<c>template</c>, <c>validate</c>): the plans in force when storage answers within a few
    /// seconds, otherwise the built-in plans (embedded, <c>Plan__File</c>) with a warning that published plans were not
    /// considered. A problem in what storage holds is not worked around: it fails like <see cref="InForceAsync"/>.
    /// </summary>
    public async Task<PlanRegistry> InForceOrBuiltInAsync(CancellationToken ct)
    {
        if (registry.IsLoaded) return registry;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(OfflineStorageWait);
        try
        {
            await registry.LoadAsync(wait.Token);
        }
        catch (Exception ex) when (ex is StorageUnreachableException or RequestFailedException or HttpRequestException or AggregateException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            registry.LoadBuiltIn();
            StorageUnreachable = true;
            logger.LogWarning("The published plans could not be read ({Reason}): using the built-in plans only, {Plans}",
                ex is OperationCanceledException ? $"no answer within {OfflineStorageWait.TotalSeconds:0} s" : ex.Message, registry.Describe());
        }
        return registry;
    }
}
