using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// The stores over Tables and Blobs, as singletons like the SDK clients they wrap. The clients themselves
    /// (<c>TableServiceClient</c>, <c>BlobServiceClient</c>) are registered by the storage-clients extension.
    /// </summary>
    public static IServiceCollection AddStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new StorageLayout(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix));
        services.TryAddSingleton<SubmissionStore>();
        services.TryAddSingleton<ProgressStore>();
        services.TryAddSingleton<ArchiveStore>();
        return services;
    }
}
