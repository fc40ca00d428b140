using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessPlan.Core.Reports;

namespace ServerlessPlan.Core.Sheets;

public static class SheetsServiceCollectionExtensions
{
    /// <summary>
    /// The template writer and the upload reader. Both are stateless; the writer needs the <c>PlanCatalog</c> the Plan
    /// area registers, and <see cref="ReportingOptions"/> for the deadline it prints (bound here too: binding twice is harmless).
    /// </summary>
    public static IServiceCollection AddSheets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TemplateWriter>();
        services.AddSingleton<SubmissionSheetReader>();
        return services;
    }
}
