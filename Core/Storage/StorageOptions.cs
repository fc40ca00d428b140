using System.ComponentModel.DataAnnotations;

namespace ServerlessPlan.Core.Storage;

/// <summary>Section <c>Storage</c>. Empty in Azure; tests set a unique prefix per test.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Prefix for every container and table name (lowercase letters and digits only).</summary>
    [RegularExpression("^([a-z][a-z0-9]{0,19})?$")]
    public string Prefix { get; set; } = "";
}
