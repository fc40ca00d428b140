using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal;
using ServerlessPlan.Core.Reports;
using ServerlessPlan.Core.Reports.Digest;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core;

/// <summary>The one place that composes Core; the Functions app and the CLI both call it.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddServerlessPlan(this IServiceCollection services, IConfiguration configuration)
    {
        // Each area registers its own services in its folder's *ServiceCollectionExtensions file.
        services.AddPlanCatalog(configuration);
        services.AddSheets(configuration);
        services.AddStorageClients(configuration);
        services.AddStores(configuration);
        services.AddIngestion(configuration);
        services.AddReports(configuration);
        services.AddMail(configuration);
        services.AddDigest(configuration);
        services.AddPortalLinks(configuration);
        services.AddFollowUp(configuration);
        return services;
    }
}
