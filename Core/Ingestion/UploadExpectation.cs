using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;

namespace ServerlessPlan.Core.Ingestion;

/// <summary>
/// What an upload must be, from where it was put: <c>uploads/{unit}/{period}/</c>. Null parts (an offline
/// <c>validate</c> without flags) are taken from the sheet's own metadata.
/// </summary>
public sealed record UploadExpectation(string? UnitCode, ReportingPeriod? Period, Language? Language = null, string? FileName = null)
{
    public static readonly UploadExpectation FromSheet = new(null, null);
}
