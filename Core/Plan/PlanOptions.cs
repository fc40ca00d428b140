using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Plan;

/// <summary>Which plans and which reporting units are in force. Section <c>Plan</c> (app settings <c>Plan__Id</c>, …).</summary>
public sealed class PlanOptions
{
    public const string Section = "Plan";

    /// <summary>
    /// Id of the default plan (<see cref="PlanRegistry.Default"/>): an embedded plan (<c>Core/Plan/plan-{Id}.json</c>)
    /// or a published one. Ignored when <see cref="File"/> is set. Every quarter is served by the plan covering it.
    /// </summary>
    [Required]
    public string Id { get; set; } = "2020-2022";

    /// <summary>Optional path to a plan file outside the assembly, so a new plan needs no rebuild.</summary>
    public string? File { get; set; }

    /// <summary>Optional path to a reporting-units file; the embedded <c>units.json</c> is used otherwise.</summary>
    public string? UnitsFile { get; set; }

    /// <summary>
    /// How often a running app reads the published plans again (<see cref="PlanRegistryStartup"/>), so a plan published
    /// meanwhile is served without a restart; 0: only at start.
    /// </summary>
    [Range(0, 1440)]
    public int RefreshMinutes { get; set; } = 5;
}
