using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Reports.MergedWorkbook;

namespace ServerlessPlan.Core.Portal.Workbooks;

/// <summary>A merged workbook written for one download, to a temporary file rather than memory: it can hold a million rows.</summary>
internal static class GeneratedWorkbook
{
    /// <summary>
    /// The workbook (as of <paramref name="asOf"/> when given) in a temporary file positioned at its start, deleted when
    /// the caller disposes it; null when there is nothing to write (no accepted sheet, by then).
    /// </summary>
    public static async Task<(FileStream File, WorkbookSummary Summary)?> WriteAsync(MergedWorkbookService workbooks, ReportingPeriod period,
        DateTimeOffset? asOf, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var summary = await workbooks.WriteAsync(period, file, ct, asOf);
            if (summary is null)
            {
                await file.DisposeAsync();
                return null;
            }

            file.Position = 0;
            return (file, summary);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
