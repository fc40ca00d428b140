using ServerlessPlan.Core.Reports.Regional;

namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>What a written workbook holds, for the CLI's summary and logs.</summary>
public sealed record WorkbookSummary(string Period, int UnitsReported, int UnitsExpected, long DataRows, int DataSheets)
{
    /// <summary>The figures the workbook shows (for the CLI's headline).</summary>
    public RegionalProgress? Progress { get; init; }
}
