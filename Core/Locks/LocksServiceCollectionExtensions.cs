using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessPlan.Core.Locks;

public static class LocksServiceCollectionExtensions
{
    /// <summary>
    /// Period locks and reopenings (<see cref="PeriodLockService"/>, over the <c>PeriodLocks</c> table). The grace after the
    /// deadline is <c>Reports__LockGraceDays</c>, bound with the reporting options by <c>AddReports</c>.
    /// </summary>
    public static IServiceCollection AddPeriodLocks(this IServiceCollection services)
    {
        services.TryAddSingleton<PeriodLockService>();
        return services;
    }
}
