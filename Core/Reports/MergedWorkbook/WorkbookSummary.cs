namespace ServerlessPlan.Core.Reports.MergedWorkbook;

/// <summary>What a written workbook holds, for the CLI's one-line summary and logs.</summary>
public sealed record WorkbookSummary(string Period, int UnitsReported, int UnitsExpected, long DataRows, int DataSheets);
