using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The verdict on one post of the upload form (<see cref="Verdict"/>).</summary>
/// <param name="Result">The check's result; null when the form came with no file.</param>
/// <param name="MaxBytes">The size cap, said when a file is over it.</param>
public sealed record UploadVerdict(ReportingUnit Unit, ReportingPeriod Period, PortalUploadResult? Result, long MaxBytes)
{
    public bool NoFile => Result is null;
}
