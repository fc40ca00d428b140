using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Cli.CommandLine;
using ServerlessPlan.Cli.Commands;
using ServerlessPlan.Cli.Demo;
using ServerlessPlan.Core;
using ServerlessPlan.Core.Ingestion;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.PlanWorkbook;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Cli;

public static class CliServiceCollectionExtensions
{
    /// <summary>The Core services plus one <see cref="ICliCommand"/> per verb.</summary>
    public static IServiceCollection AddCliServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Before Core, whose TryAdd then keeps it: the demo sets the date of its story, other verbs run on system time.
        services.AddSingleton<DemoClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
        services.AddSingleton<ArrivalClock, DemoArrivalClock>();
        services.AddServerlessPlan(configuration);
        // A person waiting at a prompt: say at once that Azurite or the account does not answer.
        services.FailFastWhenStorageUnreachable();
        // The plans in force, loaded once per run by the verbs that need them.
        services.AddSingleton<CliPlans>();
        // One line per verb: keep in sync with README "CLI" (the bench is its own program, Bench/).
        services.AddSingleton<ICliCommand, TemplateCommand>();
        services.AddSingleton<ICliCommand, ValidateCommand>();
        services.AddSingleton<ICliCommand, IngestCommand>();
        services.AddSingleton<ICliCommand, WorkbookCommand>();
        services.AddSingleton<ICliCommand, ExportCommand>();
        services.AddSingleton<ICliCommand, PlanReportCommand>();
        services.AddSingleton<DemoCommand>();
        services.AddSingleton<ICliCommand>(sp => sp.GetRequiredService<DemoCommand>());
        services.AddSingleton<ICliCommand, ServeCommand>();
        services.AddSingleton<SampleSheetFiller>();
        services.AddSingleton<DemoLockStory>();
        services.AddSingleton<ICliCommand, DigestCommand>();
        services.AddSingleton<ICliCommand, RemindersCommand>();
        services.AddSingleton<ICliCommand, ReopenCommand>();
        services.AddSingleton<ICliCommand, LockCommand>();
        services.AddSingleton<ICliCommand, StatusCommand>();
        services.AddSingleton<ICliCommand, ReplayCommand>();
        services.AddPlanWorkbook();
        services.AddPlanPublishing();
        services.AddSingleton<PlanExportCommand>();
        services.AddSingleton<PlanImportCommand>();
        services.AddSingleton<PlanPublishCommand>();
        services.AddSingleton<PlanListCommand>();
        services.AddSingleton<ICliCommand, PlanCommand>();
        return services;
    }
}
