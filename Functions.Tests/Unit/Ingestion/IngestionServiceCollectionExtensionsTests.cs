using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Packages;

namespace ServerlessPlan.Tests.Unit.Ingestion;

public sealed class IngestionServiceCollectionExtensionsTests
{
    [Fact]
    public void Core_composition_provides_one_package_inspector_bound_to_the_ingestion_section()
    {
        using var provider = Provider(new() { ["Ingestion:MaxUploadBytes"] = "2048" });

        Assert.Same(provider.GetRequiredService<PackageInspector>(), provider.GetRequiredService<PackageInspector>());
        Assert.Equal(2048, provider.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxUploadBytes);
    }

    [Fact]
    public void Rejects_ingestion_limits_outside_their_range()
    {
        using var provider = Provider(new() { ["Ingestion:MaxUncompressedBytes"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IngestionOptions>>().Value);
        Assert.Contains(nameof(IngestionOptions.MaxUncompressedBytes), error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddServerlessPlan(configuration).BuildServiceProvider();
    }
}
