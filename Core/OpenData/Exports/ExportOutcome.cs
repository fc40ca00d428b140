namespace ServerlessPlan.Core.OpenData.Exports;

/// <summary>How a publication of the <c>exports</c> container ended (docs/data.md, "In storage"). Every run ends in one.</summary>
public enum ExportOutcome
{
    /// <summary>A new snapshot was written and <c>current/</c> now holds it.</summary>
    Published,

    /// <summary><c>current/</c> holds this record already (a repeated run, or nothing changed since the last one): nothing written.</summary>
    UpToDate,

    /// <summary>A publisher that read the record later put its package in <c>current/</c> first: this older one stays a snapshot only.</summary>
    Superseded,

    /// <summary>No quarter has an accepted sheet: there is no package (as <c>export</c> exits NoData).</summary>
    NoData,

    /// <summary>A publication is running on this instance already, or every build slot is taken: the next run publishes.</summary>
    Busy,

    /// <summary>Another publisher held <c>current/</c> throughout the wait: the snapshot is written, the next run swaps it in.</summary>
    SwapBusy,
}

/// <summary>What a run did: its outcome, the snapshot it wrote or found current, and the record's key.</summary>
public sealed record ExportPublication(ExportOutcome Outcome, string? Snapshot, string? Key);
