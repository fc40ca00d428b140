namespace ServerlessPlan.Core.Storage;

/// <summary>Containers, tables and the connection name the app uses. Infra (Bicep) creates exactly these.</summary>
public static class StorageNames
{
    /// <summary>Name of the connection setting (<c>PlanStorage</c>, or <c>PlanStorage__blobServiceUri</c> etc. in Azure).</summary>
    public const string Connection = "PlanStorage";

    public const string UploadsContainer = "uploads";
    public const string ArchiveContainer = "archive";
    public const string ReportsContainer = "reports";
    public const string OutboxContainer = "outbox";

    /// <summary>Merged workbooks the portal generated, one per set of current submissions (regenerable: a cache).</summary>
    public const string WorkbooksContainer = "workbooks";
    /// <summary>
    /// The open-data package for BI tools (docs/data.md, "In storage"): <c>current/</c> (the latest, with its
    /// <c>manifest.json</c>) and dated <c>snapshots/</c>, written by <c>ExportPublisher</c>.
    /// </summary>
    public const string ExportsContainer = "exports";
    /// <summary>Configuration the app reads at start: published plans under <c>plans/</c> (see <c>PublishedPlanStore</c>).</summary>
    public const string ConfigContainer = "config";

    /// <summary>
    /// Where Event Grid puts the BlobCreated events it could not deliver (<c>deadLetterContainerName</c> in
    /// <c>infra/app/eventgrid-subscription.bicep</c>): one JSON array of events per blob, under
    /// <c>{topic}/{subscription}/{yyyy}/{MM}/{dd}/{HH}/</c>.
    /// </summary>
    public const string EventGridDeadLetters = "eventgrid-deadletter";

    /// <summary>
    /// The queue the blob trigger's host writes an upload to after its fifth failed attempt (the WebJobs blob
    /// extension's <c>HostQueueNames.BlobTriggerPoisonQueue</c>, the same for the Event Grid source), in the trigger's
    /// own storage account (<c>PlanStorage</c>): a JSON object with <c>FunctionId</c>, <c>ContainerName</c>,
    /// <c>BlobName</c>, <c>ETag</c>.
    /// </summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    public const string ProgressTable = "Progress";
    public const string SubmissionsTable = "Submissions";
    public const string DigestsTable = "Digests";

    /// <summary>Reminders, late notices and the ST's weekly list: one claim row per mail (see <c>ReminderStore</c>).</summary>
    public const string RemindersTable = "Reminders";

    /// <summary>Each unit's quarter the ST reopened after it locked, with who, when, why and until when (see <c>PeriodLockStore</c>).</summary>
    public const string PeriodLocksTable = "PeriodLocks";
}
