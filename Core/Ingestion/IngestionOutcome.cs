namespace ServerlessPlan.Core.Ingestion;

/// <summary>What ingesting one upload did. Printed by the CLI and logged by the trigger; names are stable.</summary>
public enum IngestionOutcome
{
    /// <summary>Valid, merged, and now the unit's values for the period.</summary>
    Accepted,

    /// <summary>Valid and kept, but a newer upload of the same unit and period is current.</summary>
    Superseded,

    /// <summary>The same content was already ingested: nothing changed.</summary>
    Duplicate,

    /// <summary>Failed validation: report written, nothing merged.</summary>
    Rejected,
}
