using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessPlan.Core.FollowUp;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Locks;
using ServerlessPlan.Core.Mail;
using ServerlessPlan.Core.OpenData;
using ServerlessPlan.Core.Operations;
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
        // Each area registers its own services, once, in its folder's *ServiceCollectionExtensions file. Every
        // registration is a TryAdd: a host or a test that registers a service first (a clock, claim timings) keeps it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlanCatalog();
        services.AddSheets();
        services.AddStorage(configuration);
        services.AddPeriodLocks();
        services.AddIngestion();
        services.AddReports();
        services.AddOpenData();
        services.AddMail();
        services.AddDigest(configuration);
        services.AddPortal(configuration);
        services.AddFollowUp();
        services.AddOperations();
        return services;
    }
}
