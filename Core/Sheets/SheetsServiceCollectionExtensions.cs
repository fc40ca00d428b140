using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessPlan.Core.Sheets;

public static class SheetsServiceCollectionExtensions
{
    /// <summary>
    /// The template writer and the upload reader. Both are stateless; the writer needs the <c>PlanRegistry</c> the Plan
    /// area registers and the <c>ReportingOptions</c> (Plan, beside the calendar; bound by <c>AddReports</c>) for the deadline it prints.
    /// </summary>
    public static IServiceCollection AddSheets(this IServiceCollection services)
    {
        services.TryAddSingleton<TemplateWriter>();
        services.TryAddSingleton<SubmissionSheetReader>();
        return services;
    }
}
