using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// What an upload must be, from where it was put: <c>uploads/{unit}/{period}/</c>. Null parts (an offline
/// <c>validate</c> without flags) are taken from the sheet's own metadata.
/// </summary>
public sealed record UploadExpectation(string? UnitCode, ReportingPeriod? Period, Language? Language = null, string? FileName = null)
{
    /// <summary>
    /// When the upload arrived (<see cref="ArrivalClock"/>): the instant the period lock is judged at, so a redelivery of
    /// a sheet that arrived before the lock is still accepted. Null (a dry run): the clock's now.
    /// </summary>
    public DateTimeOffset? ArrivedAt { get; init; }

    /// <summary>
    /// True when storage is not to be read (an offline dry run that could not reach it): the lock is judged by the
    /// calendar alone, as if the ST had reopened nothing.
    /// </summary>
    public bool LockByCalendarOnly { get; init; }

    public static readonly UploadExpectation FromSheet = new(null, null);
}
