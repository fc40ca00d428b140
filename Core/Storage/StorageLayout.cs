namespace ServerlessPlan.Core.Storage;

/// <summary>
/// The concrete container and table names in use: <see cref="StorageNames"/> as they are in Azure, optionally behind a
/// prefix (section <c>Storage</c>, setting <c>Storage__Prefix</c>) so that tests and side-by-side environments sharing
/// one account never see each other's data.
/// </summary>
public sealed class StorageLayout(string prefix = "")
{
    public string Prefix { get; } = prefix.ToLowerInvariant();

    public string Uploads => Prefix + StorageNames.UploadsContainer;
    public string Archive => Prefix + StorageNames.ArchiveContainer;
    public string Reports => Prefix + StorageNames.ReportsContainer;
    public string Outbox => Prefix + StorageNames.OutboxContainer;
    public string Workbooks => Prefix + StorageNames.WorkbooksContainer;
    public string Exports => Prefix + StorageNames.ExportsContainer;
    public string Config => Prefix + StorageNames.ConfigContainer;

    /// <summary>Event Grid's dead-letters (the prefix only ever separates tests: in Azure it is empty).</summary>
    public string DeadLetters => Prefix + StorageNames.EventGridDeadLetters;

    /// <summary>The blob trigger's poison queue (named by the host: the prefix only ever separates tests).</summary>
    public string PoisonQueue => Prefix + StorageNames.BlobTriggerPoisonQueue;

    public string ProgressTable => Prefix + StorageNames.ProgressTable;
    public string SubmissionsTable => Prefix + StorageNames.SubmissionsTable;
    public string DigestsTable => Prefix + StorageNames.DigestsTable;
    public string RemindersTable => Prefix + StorageNames.RemindersTable;
    public string PeriodLocksTable => Prefix + StorageNames.PeriodLocksTable;
}
