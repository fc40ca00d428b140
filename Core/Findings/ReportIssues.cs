namespace ServerlessPlan.Core.Findings;

/// <summary>Findings about the report itself rather than the sheet: what was left out of it, and why.</summary>
public static class ReportIssues
{
    /// <summary>
    /// {0} how many findings of one code were left out, {1} the code. Takes the severity of the findings it stands
    /// for (see <see cref="ValidationReport.MaxFindingsPerCode"/>).
    /// </summary>
    public static readonly IssueType MoreFindings = new("MORE_FINDINGS", IssueSeverity.Error,
        "Y {0} hallazgos más del mismo tipo ({1}), que no se detallan. Corrija los anteriores y vuelva a subir el archivo para ver los que queden.",
        "And {0} more findings of the same kind ({1}), not listed. Fix the ones above and upload the file again to see any that remain.");

    /// <summary>{0} why (<c>AnnotatedCopyWriter</c>'s reasons, in the report's language).</summary>
    public static readonly IssueType AnnotatedCopySkipped = new("ANNOTATED_COPY_SKIPPED", IssueSeverity.Warning,
        "No se generó la copia anotada del libro: {0}. Todos los hallazgos están en este informe.",
        "No annotated copy of the workbook was made: {0}. Every finding is in this report.");
}
