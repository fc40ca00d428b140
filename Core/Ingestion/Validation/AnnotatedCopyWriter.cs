using System.IO.Compression;
using ServerlessPlan.Core.Findings;
using ServerlessPlan.Core.Packages;
using ServerlessPlan.Core.Ingestion.Validation.Annotation;
using ServerlessPlan.Core.Localization;
using ServerlessPlan.Core.Sheets;
using ServerlessPlan.Core.Sheets.Reading;

namespace ServerlessPlan.Core.Ingestion.Validation;

/// <summary>The annotated copy of an upload, or why there is none (a finding to add to the report).</summary>
public sealed record AnnotatedCopy(byte[]? Content, ValidationIssue? Skipped);

/// <summary>
/// A copy of a rejected (or warned) workbook with every finding on its cell, errors in red and warnings in amber, each
/// flagged cell carrying a note that says what to do (<see cref="CellNotes"/>), and a first sheet listing them all,
/// each linked to its cell — so the focal point fixes the sheet in place. Only called for packages the guard let
/// through; the original bytes are never modified.
/// </summary>
/// <remarks>
/// Written streaming, never through a DOM: every part is copied zip entry to zip entry as it is, except the few that
/// must change, which are rewritten node by node (<see cref="XmlCopy"/>): the report sheet (<see cref="CellHighlighter"/>),
/// the styles (<see cref="StylesRewriter"/>), the workbook part, its relationships and the content types
/// (<see cref="PackageRewriters"/>), the report sheet's relationships (for its notes), and any other sheet left
/// selected. Memory is the output plus a few buffers; time
/// follows the package's inflated size, which must be within <see cref="AnnotationLimits"/>.
/// Written here because ClosedXML and the Open XML SDK edit a workbook by loading it (every sheet as a DOM, and
/// ClosedXML re-saves every part its own way), which an upload's bytes must never be; no library copies a package
/// part by part while rewriting only a few of them as a stream.
/// </remarks>
public static class AnnotatedCopyWriter
{
    private const string ReviewPartStem = "xl/worksheets/serverlessplan-review";
    private const string ReviewRelationshipId = "rIdServerlessPlanReview";
    private const string NotesPartStem = "xl/serverlessplan-notes";
    private const string NotesVmlStem = "xl/drawings/serverlessplan-notes";
    private const string NotesRelationshipId = "rIdServerlessPlanNotes";

    private static readonly LocalizedText TooLarge = new(
        "el libro ocupa {0} MB sin comprimir y solo se anotan libros de hasta {1} MB",
        "the workbook takes {0} MB uncompressed and only workbooks of up to {1} MB are annotated");

    private static readonly LocalizedText TooManyParts = new(
        "el libro tiene {0} partes internas y solo se anotan libros de hasta {1}",
        "the workbook has {0} internal parts and only workbooks of up to {1} are annotated");

    private static readonly LocalizedText PartTooComplex = new(
        "su parte interna «{0}» es demasiado grande o está anidada demasiado para anotarla",
        "its internal part \"{0}\" is too large or too deeply nested to annotate");

    private static readonly LocalizedText Unreadable = new(
        "su contenido no se pudo leer para anotarlo",
        "its content could not be read to annotate it");

    /// <returns>
    /// The annotated workbook, or a warning saying why there is none: the upload is untrusted, and a copy it cannot
    /// have must not turn its verdict into a fault the host retries.
    /// </returns>
    public static AnnotatedCopy Write(Stream original, ValidationReport report)
    {
        var language = report.Language == "en" ? Language.En : Language.Es;
        try
        {
            return new AnnotatedCopy(Annotate(original, report, language), null);
        }
        catch (AnnotationRefusedException ex)
        {
            return Skipped(language, ex.Reason.In(language));
        }
        catch (Exception ex) when (ex is PartLimitException or InflationLimitExceededException)
        {
            return ex is PartLimitException part
                ? Skipped(language, string.Format(System.Globalization.CultureInfo.InvariantCulture, PartTooComplex.In(language), IssueText.Quote(part.Part)))
                : Skipped(language, Format(TooLarge, language, ">" + Megabytes(AnnotationLimits.MaxInflatedBytes), Megabytes(AnnotationLimits.MaxInflatedBytes)));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            return Skipped(language, Unreadable.In(language));
        }
    }

    private static AnnotatedCopy Skipped(Language language, string reason) =>
        new(null, ReportIssues.AnnotatedCopySkipped.Create(language, new OwnText(reason)));

    private static byte[] Annotate(Stream original, ValidationReport report, Language language)
    {
        using var package = WorkbookPackage.Open(original);
        CheckLimits(package);

        var reviewName = ReviewSheetWriter.Name(language);
        bool IsReview(string name) => string.Equals(name.Trim(), reviewName, StringComparison.OrdinalIgnoreCase);
        var sheets = WorkbookSheets.Read(package, name => TemplateLayout.IsReportSheet(name) || IsReview(name));
        var main = sheets.MainNamespace.Length > 0 ? sheets.MainNamespace : Ooxml.Main;
        var reportSheet = sheets.Find(TemplateLayout.IsReportSheet);
        var review = Place(package, sheets, reviewName, IsReview, main);
        var stylesPart = sheets.StylesPart;
        var newStylesPart = stylesPart is null ? Unused(package, "xl/styles", ".xml") : null;
        var workbookRels = WorkbookPackage.RelationshipsPartOf(package.WorkbookPart);

        // The entries rewritten, by identity: of two entries with one name only the one a reader finds is rewritten,
        // and a part named with percent-escapes is matched to its entry.
        var contentTypes = package.Entry(ContentTypes.PartName);
        var workbook = package.Entry(package.WorkbookPart);
        var relationships = package.Entry(workbookRels);
        var reportEntry = reportSheet?.Part is { } reportPart ? package.Entry(reportPart) : null;
        var stylesEntry = stylesPart is null ? null : package.Entry(stylesPart);
        var replacedReview = review.ExistingIndex >= 0 ? package.Entry(review.Part) : null;
        var otherSheets = package.Relationships(package.WorkbookPart,
                r => WorkbookPackage.IsType(r.Type, "worksheet") || WorkbookPackage.IsType(r.Type, "chartsheet"))
            .Select(r => package.Entry(r.Target)).OfType<ZipArchiveEntry>().ToHashSet(ReferenceEqualityComparer.Instance);

        // Parts that are rewritten are parsed whole: refused before anything is written when one is larger than that allows.
        foreach (var entry in new[] { contentTypes, workbook, relationships, reportEntry, stylesEntry })
        {
            if (entry is { Length: > ReadingLimits.MaxPartBytes })
                throw new PartLimitException(PartLimit.Size, entry.FullName, ReadingLimits.MaxPartBytes);
        }

        AnnotationStyles styles;
        using (var survey = stylesPart is null ? null : package.OpenXml(stylesPart)) styles = AnnotationStyles.Survey(survey);
        var flagged = reportSheet is null ? new Dictionary<(int, int), IssueSeverity>() : Flagged(report);
        var notes = CellNotes.Of(report, language);
        var notesPlacement = reportSheet?.Part is { } sheetPart && !notes.IsEmpty ? PlaceNotes(package, sheetPart, main) : null;
        var sheetRelsPart = reportSheet?.Part is { } part ? WorkbookPackage.RelationshipsPartOf(part) : null;
        var sheetRels = notesPlacement is null || sheetRelsPart is null ? null : package.Entry(sheetRelsPart);
        if (sheetRels is { Length: > ReadingLimits.MaxPartBytes })
            throw new PartLimitException(PartLimit.Size, sheetRels.FullName, ReadingLimits.MaxPartBytes);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var budget = new InflationBudget(AnnotationLimits.MaxInflatedBytes);
            foreach (var entry in package.Entries)
            {
                if (entry == replacedReview || entry == stylesEntry) continue; // written last
                if (entry == contentTypes)
                    Rewrite(zip, entry, budget, (r, w) => PackageRewriters.ContentTypes(r, w, review.Part, newStylesPart, notesPlacement));
                else if (entry == workbook)
                    Rewrite(zip, entry, budget, (r, w) => PackageRewriters.Workbook(r, w, review));
                else if (entry == relationships)
                    Rewrite(zip, entry, budget, (r, w) => PackageRewriters.Relationships(r, w, review, newStylesPart));
                else if (entry == reportEntry)
                    Rewrite(zip, entry, budget, new CellHighlighter(flagged, styles, notesPlacement).Write);
                else if (entry == sheetRels)
                    Rewrite(zip, entry, budget, (r, w) => PackageRewriters.SheetRelationships(r, w, notesPlacement!));
                else if (otherSheets.Contains(entry) && HasSelectedView(package, entry.FullName))
                    Rewrite(zip, entry, budget, new CellHighlighter(new Dictionary<(int, int), IssueSeverity>(), styles).Write);
                else
                    Copy(zip, entry, budget);
            }

            if (relationships is null) Create(zip, workbookRels, w => PackageRewriters.NewRelationships(w, review, newStylesPart));
            if (notesPlacement is not null)
            {
                if (sheetRels is null) Create(zip, sheetRelsPart!, w => PackageRewriters.NewSheetRelationships(w, notesPlacement));
                Create(zip, notesPlacement.CommentsPart, w => notes.WriteComments(w, main));
                Create(zip, notesPlacement.VmlPart, notes.WriteVml);
            }
            Create(zip, review.Part, w => ReviewSheetWriter.Write(w, report, language, styles, main, reportSheet?.Name));
            if (stylesPart is null)
                Create(zip, newStylesPart!, w => new StylesRewriter(styles, main).Write(null, w));
            else
                Rewrite(zip, stylesEntry!, budget, new StylesRewriter(styles, main).Write);
        }
        return output.ToArray();
    }

    private static void CheckLimits(WorkbookPackage package)
    {
        if (package.Entries.Count > AnnotationLimits.MaxParts)
            throw new AnnotationRefusedException(Format(TooManyParts, package.Entries.Count, AnnotationLimits.MaxParts));
        long total = 0;
        foreach (var entry in package.Entries) total += entry.Length;
        if (total > AnnotationLimits.MaxInflatedBytes)
            throw new AnnotationRefusedException(Format(TooLarge, Megabytes(total), Megabytes(AnnotationLimits.MaxInflatedBytes)));
    }

    /// <summary>
    /// The review sheet takes the place and part of a worksheet already named like it (an annotated copy uploaded
    /// again), or a new part and relationship.
    /// </summary>
    private static ReviewPlacement Place(WorkbookPackage package, WorkbookSheets sheets, string name, Func<string, bool> isReview, string main)
    {
        var types = Ooxml.RelationshipsFor(main);
        var sheetId = sheets.MaxSheetId + 1;
        if (sheets.Candidates.FirstOrDefault(s => isReview(s.Name)) is { } existing)
        {
            // A sheet of that name that is not a worksheet of this package cannot be replaced in place, and a second
            // sheet of the same name would break the workbook.
            if (existing.Part is null) throw new AnnotationRefusedException(Unreadable);
            return new ReviewPlacement(name, package.Entry(existing.Part)!.FullName, existing.RelationshipId, sheetId, existing.Index,
                NewRelationship: false, types);
        }
        var used = package.Relationships(package.WorkbookPart, r => r.Id.StartsWith(ReviewRelationshipId, StringComparison.Ordinal), includeExternal: true)
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var id = ReviewRelationshipId;
        for (var n = 2; used.Contains(id) || used.Contains(id + "s"); n++) id = ReviewRelationshipId + n;
        return new ReviewPlacement(name, Unused(package, ReviewPartStem, ".xml"), id, sheetId, -1, NewRelationship: true, types);
    }

    /// <summary>
    /// Where the report sheet's notes go, or null when it has comments or a drawing of notes already: those stay as the
    /// person wrote them, and the review sheet still lists every finding.
    /// </summary>
    private static NotesPlacement? PlaceNotes(WorkbookPackage package, string sheetPart, string main)
    {
        var existing = package.Relationships(sheetPart, _ => true, includeExternal: true);
        if (existing.Any(r => WorkbookPackage.IsType(r.Type, "comments") || WorkbookPackage.IsType(r.Type, "vmlDrawing"))) return null;
        var used = existing.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var id = NotesRelationshipId;
        for (var n = 2; used.Contains(id) || used.Contains(id + "v"); n++) id = NotesRelationshipId + n;
        return new NotesPlacement(Unused(package, NotesPartStem, ".xml"), Unused(package, NotesVmlStem, ".vml"), id, id + "v",
            Ooxml.RelationshipsFor(main));
    }

    /// <summary>A part name the package does not use: the stem, or the stem and a number.</summary>
    private static string Unused(WorkbookPackage package, string stem, string extension)
    {
        var name = stem + extension;
        for (var n = 2; package.Exists(name); n++) name = $"{stem}{n}{extension}";
        return name;
    }

    /// <summary>The report sheet's cells named by findings, the error winning where a cell has both.</summary>
    private static Dictionary<(int Row, int Column), IssueSeverity> Flagged(ValidationReport report)
    {
        var cells = new Dictionary<(int, int), IssueSeverity>();
        foreach (var issue in report.Errors.Concat(report.Warnings))
        {
            if (!TemplateLayout.IsReportSheet(issue.Sheet) || CellOf(issue.Cell) is not { } at) continue;
            if (!cells.TryGetValue(at, out var severity) || severity == IssueSeverity.Warning) cells[at] = issue.Severity;
        }
        return cells;
    }

    /// <summary>(row, column) of an address like <c>H12</c>; null for anything else.</summary>
    internal static (int Row, int Column)? CellOf(string? cell)
    {
        if (cell is null || CellReferences.ColumnOf(cell) is not { } column) return null;
        var digits = cell.AsSpan(cell.IndexOfAny("0123456789".ToCharArray()) is var at and >= 0 ? at : cell.Length);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) && row >= 1
            ? (row, column)
            : null;
    }

    /// <summary>Whether a sheet other than the report sheet is selected (its head is read up to the cells).</summary>
    private static bool HasSelectedView(WorkbookPackage package, string part)
    {
        using var xml = package.OpenXml(part);
        while (xml.Read())
        {
            if (xml.NodeType != System.Xml.XmlNodeType.Element) continue;
            if (xml.LocalName == "sheetData") return false;
            if (xml.Depth == 2 && xml.LocalName == "sheetView" && xml.GetAttribute("tabSelected") is "1" or "true") return true;
        }
        return false;
    }

    private static void Copy(ZipArchive zip, ZipArchiveEntry entry, InflationBudget budget)
    {
        var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
        copy.LastWriteTime = entry.LastWriteTime;
        using var target = copy.Open();
        using var source = new CountingStream(entry.Open(), budget.Charge);
        source.CopyTo(target);
    }

    private static void Rewrite(ZipArchive zip, ZipArchiveEntry entry, InflationBudget budget, Action<System.Xml.XmlReader, System.Xml.XmlWriter> rewrite)
    {
        var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
        copy.LastWriteTime = entry.LastWriteTime;
        using var target = copy.Open();
        using var reader = XmlCopy.Read(new CountingStream(entry.Open(), budget.Charge), entry.FullName);
        using var writer = XmlCopy.Write(target);
        rewrite(reader, writer);
    }

    private static void Create(ZipArchive zip, string part, Action<System.Xml.XmlWriter> write)
    {
        using var target = zip.CreateEntry(part, CompressionLevel.Optimal).Open();
        using var writer = XmlCopy.Write(target);
        write(writer);
    }

    private static LocalizedText Format(LocalizedText text, params object[] args) => new(
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Es, args),
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text.En, args));

    private static string Format(LocalizedText text, Language language, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text.In(language), args);

    private static string Megabytes(long bytes) => PackageInspector.Megabytes(bytes);
}
