using Azure;
using Azure.Data.Tables;

namespace ServerlessPlan.Core.Storage;

/// <summary>
/// Names a unit-and-period's current submission (table <c>Submissions</c>, row key <c>current</c>). Flipping it is
/// the commit point of a merge: progress rows are written first under their submission id and only become the unit's
/// values when this pointer moves, so readers see the old set or the new set, never a mix.
/// </summary>
public sealed class CurrentPointerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = TableKeys.CurrentPointerRow;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Unit { get; set; } = "";
    public string Period { get; set; } = "";
    public string SubmissionId { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}
