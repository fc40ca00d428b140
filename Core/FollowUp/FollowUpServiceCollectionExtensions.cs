using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServerlessPlan.Core.Storage;

namespace ServerlessPlan.Core.FollowUp;

public static class FollowUpServiceCollectionExtensions
{
    /// <summary>
    /// Reminders, late notices and the ST's weekly list: options (section <c>Reminders</c>, checked against the plan's
    /// units at start-up), rules, the <c>Reminders</c> table, the sender and the history the portal reads. Needs the
    /// calendar, stores, mail and portal links that <c>AddServerlessPlan</c> composes.
    /// </summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton<ReminderStore>();
        services.TryAddSingleton<ReminderRules>();
        services.TryAddSingleton<ReminderDispatcher>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<ReminderHistory>();
        return services;
    }
}
