using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Plan.Publishing;

namespace ServerlessPlan.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The storage area: the one <c>BlobServiceClient</c> and <c>TableServiceClient</c> of the app (singletons, as the
    /// Azure SDK intends), both from the <c>PlanStorage</c> connection the triggers use
    /// (<c>PlanStorage=UseDevelopmentStorage=true</c> locally, <c>PlanStorage__blobServiceUri</c>/<c>__tableServiceUri</c>
    /// + <c>__credential</c>/<c>__clientId</c> in Azure); the layout (names, optional <c>Storage__Prefix</c>) and every
    /// store over those clients.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        services.AddAzureClients(b =>
        {
            b.AddBlobServiceClient(StorageConnection.ForClient(section, "blobServiceUri", "serviceUri"));
            b.AddTableServiceClient(StorageConnection.ForClient(section, "tableServiceUri", "endpoint"));
            // Read by the operations status and replay: the blob trigger's poison queue lives in this account.
            b.AddQueueServiceClient(StorageConnection.ForClient(section, "queueServiceUri", "serviceUri"));
        });

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new StorageLayout(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix));
        services.TryAddSingleton<SubmissionStore>();
        services.TryAddSingleton<ArrivalLog>();
        services.TryAddSingleton<ProgressStore>();
        services.TryAddSingleton<ArchiveStore>();
        services.TryAddSingleton<ValidationReportStore>();
        services.TryAddSingleton<DigestStore>();
        services.TryAddSingleton<PeriodLockStore>();
        services.TryAddSingleton<ReminderRunLog>();
        // The published plans live in the config container: the layout names it, the plan's store only uses it.
        services.TryAddSingleton(sp => new PublishedPlanStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<StorageLayout>().Config),
            sp.GetRequiredService<ILogger<PublishedPlanStore>>()));
        return services;
    }

    /// <summary>
    /// For interactive tools (the CLI): a storage endpoint that refuses the connection or does not resolve fails at once
    /// with a <see cref="StorageUnreachableException"/> naming it, instead of after the SDK's retries; every other
    /// failure is retried as before. The Functions app does not call this: the host's own retries stay as they are.
    /// </summary>
    public static IServiceCollection FailFastWhenStorageUnreachable(this IServiceCollection services)
    {
        services.AddAzureClients(b => b.ConfigureDefaults(options =>
        {
            options.RetryPolicy = new UnreachableStoragePolicies.NoRetryWhenUnreachable(options.Retry.MaxRetries,
                DelayStrategy.CreateExponentialDelayStrategy(options.Retry.Delay, options.Retry.MaxDelay));
            options.AddPolicy(new UnreachableStoragePolicies.NameTheEndpoint(), HttpPipelinePosition.PerCall);
        }));
        return services;
    }
}
