using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Plan;
using ServerlessPlan.Core.Portal.Uploads;

namespace ServerlessPlan.Functions.Portal.Pages;

/// <summary>The verdict on one post of the upload form (<see cref="Verdict"/>).</summary>
/// <param name="Result">The check's result; null when the form came with no file.</param>
/// <param name="MaxBytes">The size cap, said when a file is over it.</param>
public sealed record UploadVerdict(ReportingUnit Unit, ReportingPeriod Period, PortalUploadResult? Result, long MaxBytes)
{
    public bool NoFile => Result is null;

    /// <summary>Whether the post failed: no file, a file over the cap, or a sheet with errors (the page's title says "Error:").</summary>
    public bool Failed => Result is not { } r || r.TooLarge || !r.Report.Accepted;

    /// <summary>What the file field says under its label when the post failed (GOV.UK: the error on the field as in the summary).</summary>
    public LocalizedText? FieldError => Result switch
    {
        null => VerdictTexts.ChooseTheFile,
        { TooLarge: true } => VerdictTexts.TooLarge(LocalizedText.Of(l => PortalFormat.Bytes(MaxBytes, l))),
        { Report.Accepted: false } r => VerdictTexts.FixTheErrors(r.Report.Errors.Count),
        _ => null,
    };
}

/// <summary>The parts of a verdict a page places apart (<see cref="Verdict"/>).</summary>
public enum VerdictPart
{
    All,
    /// <summary>The error summary, first in a page.</summary>
    Summary,
    /// <summary>Everything but the error summary: the findings and the annotated copy, or the acceptance.</summary>
    Details,
}
