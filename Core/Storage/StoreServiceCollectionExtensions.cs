using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServerlessPlan.Core.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The storage layout (names, optional prefix) and the stores over the shared Azure clients.</summary>
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
