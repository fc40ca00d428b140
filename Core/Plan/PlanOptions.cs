using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Plan;

/// <summary>Which plan and which reporting units are in force. Section <c>Plan</c> (app settings <c>Plan__Id</c>, …).</summary>
public sealed class PlanOptions
{
    public const string Section = "Plan";

    /// <summary>Id of an embedded plan (<c>Core/Plan/plan-{Id}.json</c>). Ignored when <see cref="File"/> is set.</summary>
    [Required]
    public string Id { get; set; } = "2020-2022";

    /// <summary>Optional path to a plan file outside the assembly, so a new plan needs no rebuild.</summary>
    public string? File { get; set; }

    /// <summary>Optional path to a reporting-units file; the embedded <c>units.json</c> is used otherwise.</summary>
    public string? UnitsFile { get; set; }
}
