namespace ServerlessPlan.Core.Ingestion.Validation.Annotation;

/// <summary>
/// Above these the annotated copy is not written (the JSON report always is, and says why): copying re-inflates and
/// re-deflates every part, so its cost follows the whole package, not the template. A workbook made from the template
/// inflates to well under 2 MiB; each part the copy parses is also bounded by
/// <see cref="Sheets.Reading.ReadingLimits.MaxPartBytes"/> and <see cref="Sheets.Reading.ReadingLimits.MaxXmlDepth"/>.
/// </summary>
public static class AnnotationLimits
{
    /// <summary>Most inflated bytes the whole package may hold to be annotated, declared or actual.</summary>
    public const long MaxInflatedBytes = 32L * 1024 * 1024;

    /// <summary>Most parts (zip entries) a package may hold to be annotated: the guard's default limit.</summary>
    public const int MaxParts = 2000;

    /// <summary>
    /// Most notes the report sheet gets (one per flagged cell, errors first): a template has a few hundred input cells
    /// at most, and every finding is also on the review sheet.
    /// </summary>
    public const int MaxNotes = 300;

    /// <summary>Most characters of one note (the instructions of every finding on its cell), "…" past it.</summary>
    public const int MaxNoteChars = 1000;
}
