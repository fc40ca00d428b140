namespace ServerlessPlan.Core.Findings;

/// <summary>Findings about the report itself rather than the sheet: what was left out of it, and why.</summary>
public static class ReportIssues
{
    /// <summary>
    /// {0} how many findings of one kind were left out. Takes the severity of the findings it stands for, follows the
    /// last one listed, and names their code in <see cref="ValidationIssue.MoreOf"/> (see <see cref="ValidationReport.MaxFindingsPerCode"/>).
    /// </summary>
    public static readonly IssueType MoreFindings = new("MORE_FINDINGS", IssueSeverity.Error,
        "Corrija lo indicado arriba y vuelva a subir el archivo para ver lo que quede: hay {0} hallazgos más del mismo tipo que no se detallan.",
        "Fix what is listed above and upload the file again to see what remains: there are {0} more findings of the same kind, not listed.");

    /// <summary>{0} why (<c>AnnotatedCopyWriter</c>'s reasons, in the report's language).</summary>
    public static readonly IssueType AnnotatedCopySkipped = new("ANNOTATED_COPY_SKIPPED", IssueSeverity.Warning,
        "Corrija el archivo con este informe, que tiene todos los hallazgos: no se generó la copia revisada del libro porque {0}.",
        "Fix the file with this report, which has every finding: no reviewed copy of the workbook was made because {0}.");
}
